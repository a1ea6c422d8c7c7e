"""One declarative definition per content record: the dataclass *is* the schema.

``load_record(Record, raw, where)`` turns parsed YAML into a frozen dataclass, strictly: a field without a
default is required, an unknown or misspelled key is an error (with a suggestion), and every value is checked
against its annotation (``str``, ``int``, ``float``, ``bool``, ``date``, ``Literal[...]``, ``X | None``,
``tuple[...]``, ``dict[str, ...]`` and nested records). Problems are collected, never raised one at a time, so an
author sees all of them at once. Each field's ``metadata["doc"]`` documents it; ``docs/content-format.md`` shows
the same definitions (``reference_markdown``), and a test keeps the two in sync.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, TypeVar, get_args, get_origin

T = TypeVar("T")

_MISSING_VALUE = object()


class SchemaError(ValueError):
    """Raised by ``load_strict`` with every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def doc(text: str, default: Any = dataclasses.MISSING, factory: Callable[[], Any] | None = None) -> Any:
    """A dataclass field with its documentation (and optionally a default)."""
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata={"doc": text})
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata={"doc": text})
    return dataclasses.field(default=default, metadata={"doc": text})


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a record (resolving them is slow: once per class)."""
    return typing.get_type_hints(cls)


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if tp is str:
        return "text"
    if tp is int:
        return "whole number"
    if tp is float:
        return "number"
    if tp is bool:
        return "true/false"
    if tp is datetime.date:
        return "date (YYYY-MM-DD)"
    if dataclasses.is_dataclass(tp):
        return f"{tp.__name__} record"
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(tp))
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return " or ".join(_type_name(a) for a in args) + " (optional)"
    if origin is tuple:
        return f"list of {_type_name(get_args(tp)[0])}"
    if origin is dict:
        key, value = get_args(tp)
        return f"mapping of {_type_name(key)} to {_type_name(value)}"
    if tp is Any:
        return "any value"
    return getattr(tp, "__name__", str(tp))


def _convert(tp: Any, value: Any, where: str, problems: list[str]) -> Any:
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return _convert(inner[0], value, where, problems)
        for candidate in inner:  # first alternative that fits without problems
            trial: list[str] = []
            out = _convert(candidate, value, where, trial)
            if not trial:
                return out
        problems.append(f"{where}: expected {_type_name(tp)}, got {value!r:.60}")
        return None
    if tp is str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            problems.append(f"{where}: expected text, got {type(value).__name__}")
            return ""
        return str(value)
    if tp is bool:
        if not isinstance(value, bool):
            problems.append(f"{where}: expected true or false, got {value!r:.40}")
            return False
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{where}: expected a whole number, got {value!r:.40}")
            return 0
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{where}: expected a number, got {value!r:.40}")
            return 0.0
        return float(value)
    if tp is datetime.date:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        problems.append(f"{where}: expected a date like 2026-11-20, got {value!r:.40}")
        return datetime.date.min
    if origin is Literal:
        allowed = get_args(tp)
        if value not in allowed:
            close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"{where}: {value!r:.40} is not one of {', '.join(map(str, allowed))}{hint}")
            return allowed[0]
        return value
    if origin is tuple:
        (item_type, *_rest) = get_args(tp)
        if value is None:
            return ()
        if not isinstance(value, list):
            problems.append(f"{where}: expected a list, got {type(value).__name__}")
            return ()
        return tuple(_convert(item_type, item, f"{where}[{n}]", problems) for n, item in enumerate(value))
    if origin is dict:
        key_type, value_type = get_args(tp)
        if value is None:
            return {}
        if not isinstance(value, dict):
            problems.append(f"{where}: expected a mapping, got {type(value).__name__}")
            return {}
        out: dict[Any, Any] = {}
        for key, item in value.items():
            converted = _convert(key_type, key, f"{where} key {key!r}", problems)
            if converted in out:
                problems.append(f"{where}: key {key!r} appears twice")
            out[converted] = _convert(value_type, item, f"{where}.{key}", problems)
        return out
    if dataclasses.is_dataclass(tp):
        return load_record(tp, value, where, problems)
    raise TypeError(f"schema: unsupported annotation {tp!r} at {where}")  # an error in the schema itself


def load_record(cls: type[T], raw: Any, where: str, problems: list[str]) -> T:
    """Build ``cls`` from ``raw``; append every problem (unknown, missing, wrongly typed keys) to ``problems``."""
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
    hints = _hints(cls)
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping with keys {', '.join(fields)}, got {type(raw).__name__}")
        raw = {}
    kwargs: dict[str, Any] = {}
    for key in raw:
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(fields)})"
            problems.append(f"{where}: unknown key {key!r}{hint}")
    for name, f in fields.items():
        if name in raw:
            kwargs[name] = _convert(hints[name], raw[name], f"{where}.{name}", problems)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            problems.append(f"{where}: required key {name!r} is missing")
            kwargs[name] = _placeholder(hints[name])
    return cls(**kwargs)


def _placeholder(tp: Any) -> Any:
    origin = get_origin(tp)
    if tp is str:
        return ""
    if tp in (int, float):
        return tp()
    if tp is bool:
        return False
    if tp is datetime.date:
        return datetime.date.min
    if origin is tuple:
        return ()
    if origin is dict:
        return {}
    if origin is Literal:
        return get_args(tp)[0]
    if origin in (typing.Union, types.UnionType):
        return None
    if dataclasses.is_dataclass(tp):
        return load_record(tp, {}, "", [])
    return None


def load_strict(cls: type[T], raw: Any, where: str) -> T:
    problems: list[str] = []
    record = load_record(cls, raw, where, problems)
    if problems:
        raise SchemaError(problems)
    return record


def reference_markdown(records: list[type]) -> str:
    """The documentation table of each record, generated from the same definitions the loader uses."""
    out: list[str] = []
    for cls in records:
        out.append(f"### `{cls.__name__}`")
        if cls.__doc__:
            out.append("")
            out.append(" ".join(line.strip() for line in cls.__doc__.strip().splitlines()))
        out.append("")
        out.append("| key | type | required | meaning |")
        out.append("|---|---|---|---|")
        hints = _hints(cls)
        for f in dataclasses.fields(cls):
            if not f.init:
                continue
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            meaning = f.metadata.get("doc", "").replace("|", "\\|")
            out.append(f"| `{f.name}` | {_type_name(hints[f.name])} | {'yes' if required else 'no'} | {meaning} |")
        out.append("")
    return "\n".join(out)
