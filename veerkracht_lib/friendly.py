"""An IPython extension for learners: the course's calls are always there, and the two most common typing
mistakes get a short Dutch message instead of an English traceback.

- The learner calls (``controleer``, ``speel_casus``, ...) are placed in the notebook namespace as small
  stand-ins that import the real function on first use, so a cell run before the import cell still works.
- ``NameError`` (a misspelled or not yet defined name) and ``SyntaxError`` (a missing quote, comma or
  bracket) are shown as Dutch lines, with a suggestion where one fits. The output is still an error, so a
  test cell that fails keeps failing.

``veerkracht configure`` loads it in every kernel of the environment (``IPKernelApp.extensions``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from . import texts


def _stand_in(name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        import veerkracht_lib

        return getattr(veerkracht_lib, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"veerkracht_lib.{name}"
    return call


def name_error_lines(name: str, known: list[str]) -> list[str]:
    lines = [texts.FRIENDLY_NAME_UNKNOWN.format(name=name)]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if close:
        lines.append(texts.FRIENDLY_NAME_SUGGEST.format(suggestion=close[0]))
    lines.append(texts.FRIENDLY_NAME_HINT)
    return lines


def syntax_error_lines(error: SyntaxError) -> list[str]:
    message = (error.msg or "").lower()
    if "unterminated string" in message or "eol while" in message or "unterminated triple" in message:
        hint = texts.FRIENDLY_SYNTAX_QUOTE
    elif "never closed" in message or "unmatched" in message or "does not match" in message:
        hint = texts.FRIENDLY_SYNTAX_BRACKET
    elif "comma" in message:
        hint = texts.FRIENDLY_SYNTAX_COMMA
    elif "indent" in message:
        hint = texts.FRIENDLY_SYNTAX_INDENT
    else:
        hint = texts.FRIENDLY_SYNTAX_GENERAL
    lines = [texts.FRIENDLY_SYNTAX.format(line=error.lineno or 1)]
    if error.text and error.text.strip():
        lines.append(f"    {error.text.rstrip()}")
    lines.append(hint)
    return lines


def _handler(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> list[str]:
    if isinstance(value, SyntaxError):
        lines = syntax_error_lines(value)
    else:
        name = getattr(value, "name", None) or str(value)
        known = [k for k in shell.user_ns if not k.startswith("_")]
        lines = name_error_lines(str(name), known)
    shell._showtraceback(etype, value, lines)
    return lines


def load_ipython_extension(shell: Any) -> None:
    import veerkracht_lib

    missing = {name: _stand_in(name) for name in veerkracht_lib.__all__ if name not in shell.user_ns}
    shell.push(missing, interactive=False)
    shell.set_custom_exc((NameError, SyntaxError), _handler)
