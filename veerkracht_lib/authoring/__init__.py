"""Authoring tools: the instructor keys, the generated nbgrader source, the build and its checks.

Nothing here runs in a learner's kernel. The keys themselves live in ``solutions/`` of the repository, never in
the package.
"""
