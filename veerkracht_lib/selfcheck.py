"""Keys in canonical form, and their salted hashes for the learner's self-check.

The plaintext key of a graded question exists only on the instructor side (``solutions/``). The build step
(``veerkracht_lib.authoring.build``) stores salted hashes of each key part in ``content/selfcheck.json``, and the
explanations sealed (``seal``: obfuscated, not encrypted; they are shown after a right answer or the third try). The learner's ``controleer()`` hashes the learner's answer the same way and
scores it with the same function as the hidden test, so both agree, while no key is stored in plaintext.
(The answer space of a question is small: hashing keeps the key out of sight, it does not make it secret
from someone who programs. Cohort hosting can leave ``selfcheck.json`` out; see docs.)
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Hashable
from typing import Any

from . import scoring
from .keys import canonical_critical, canonical_key, canonical_optional
from .model import Question


def token(salt: str, qid: str, *parts: str) -> str:
    data = "\x1f".join((salt, qid, *parts)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:24]


def hash_key(question: Question, key: Any, critical: Any, salt: str, optional: Any = ()) -> dict[str, Any]:
    """The JSON entry stored in ``selfcheck.json`` for one question."""
    qid, kind = question.id, question.type
    canon = canonical_key(question, key)
    entry: dict[str, Any] = {"type": kind, "salt": salt}
    if kind == "multilabel":
        entry["key"] = sorted(token(salt, qid, code) for code in canon)
        entry["optional"] = sorted(token(salt, qid, code) for code in canonical_optional(optional))
    elif kind == "single":
        entry["key"] = {token(salt, qid, code): credit for code, credit in sorted(canon.items())}
    elif kind == "ordering":
        entry["key"] = [token(salt, qid, code) for code in canon]
        entry["critical"] = [[token(salt, qid, a), token(salt, qid, b)] for a, b in canonical_critical(critical)]
    else:
        entry["key"] = {
            item: sorted(token(salt, qid, item, label) for label in labels) for item, labels in sorted(canon.items())
        }
    return entry


def tokenise(question: Question, answer: Any, salt: str) -> Any:
    """Hash a normalised answer the way ``hash_key`` hashed the key."""
    qid, kind = question.id, question.type
    if kind == "multilabel":
        return frozenset(token(salt, qid, code) for code in answer)
    if kind == "single":
        return token(salt, qid, answer)
    if kind == "ordering":
        return tuple(token(salt, qid, code) for code in answer)
    return {item: token(salt, qid, item, label) for item, label in answer.items()}


def hints(question: Question, answer: Any, entry: dict[str, Any]) -> list[str]:
    """Which part is off, for a self-paced learner: counts and item numbers, never the key itself."""
    from . import texts

    hashed = tokenise(question, answer, entry["salt"])
    key = entry["key"]
    if question.type == "multilabel":
        chosen = set(hashed) - set(entry.get("optional", ()))
        missing, extra = len(set(key) - chosen), len(chosen - set(key))
        out = []
        if missing:
            out.append(texts.plural(texts.HINT_MISSING, missing))
        if extra:
            out.append(texts.plural(texts.HINT_EXTRA, extra))
        return out
    if question.type == "ordering":
        misplaced = sum(1 for mine, right in zip(hashed, key, strict=False) if mine != right)
        return [texts.plural(texts.HINT_MISPLACED, misplaced)] if misplaced else []
    if question.type in ("classification", "matching"):
        wrong = [item for item in question.items if hashed.get(item) not in key.get(item, ())]
        return [texts.HINT_WRONG_ITEMS.format(items=", ".join(wrong))] if wrong else []
    return []


def hashed_fraction(question: Question, answer: Any, entry: dict[str, Any]) -> float:
    """Score a normalised answer against a stored hashed key, with the hidden test's scoring function."""
    salt = entry["salt"]
    hashed = tokenise(question, answer, salt)
    key: Any = entry["key"]
    critical: tuple[tuple[Hashable, Hashable], ...] = ()
    optional: frozenset[Hashable] = frozenset()
    if question.type == "multilabel":
        key = frozenset(key)
        optional = frozenset(entry.get("optional", ()))
    elif question.type == "ordering":
        key = tuple(key)
        critical = tuple((a, b) for a, b in entry.get("critical", ()))
    elif question.type in ("classification", "matching"):
        key = {item: frozenset(labels) for item, labels in key.items()}
    return scoring.score(question.type, hashed, key, critical, optional)


def _stream(salt: str, label: str, length: int) -> bytes:
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(f"{salt}\x1f{label}\x1f{counter}".encode()).digest()
        counter += 1
    return out[:length]


def seal(data: Any, salt: str, label: str) -> str:
    """Obfuscate JSON data so no plaintext key or explanation sits in the learner's files (not encryption)."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    mixed = bytes(a ^ b for a, b in zip(raw, _stream(salt, label, len(raw)), strict=True))
    return base64.b64encode(mixed).decode("ascii")


def unseal(text: str, salt: str, label: str) -> Any:
    mixed = base64.b64decode(text.encode("ascii"))
    raw = bytes(a ^ b for a, b in zip(mixed, _stream(salt, label, len(mixed)), strict=True))
    return json.loads(raw.decode("utf-8"))
