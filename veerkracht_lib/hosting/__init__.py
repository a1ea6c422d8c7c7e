"""Hosting the course on a JupyterHub: what runs inside a learner's single-user server (see ``deploy/`` and
``docs/hosting.md``). Nothing here is imported by a self-paced learner's JupyterLab."""
