"""Tables from the data: interventions per programme, the glossary, the sources of a module."""

from __future__ import annotations

from typing import Any

from . import texts
from .model import (
    PROGRAMME_CODES,
    Source,
    load_framework,
    load_glossary,
    load_questions,
    load_sources,
    load_vignettes,
)
from .render import HTMLView, box, esc
from .status import Status

_TABLE = "style='border-collapse:collapse;margin:0.4em 0;max-width:60em'"
_CELL = "style='border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left'"


def _source_names(ids: tuple[str, ...]) -> str:
    sources = load_sources()
    return "; ".join(_short(sources[i]) for i in ids if i in sources)


def _short(source: Source) -> str:
    year = f" ({source.year})" if source.year else ""
    return f"{source.author}{year}"


def toon_interventies(programma: Any = None) -> HTMLView:
    """The interventions of one programme: what they are, how well they are supported, corrections, sources."""
    fw = load_framework()
    code = str(programma).strip().lower() if isinstance(programma, str) else programma
    if code not in PROGRAMME_CODES:
        message = texts.INTERVENTIONS_UNKNOWN.format(code=programma, known=", ".join(PROGRAMME_CODES))
        return HTMLView(box(Status.FORM_ERROR, message, ""), message)
    programme = fw.programme(code)
    title = texts.INTERVENTIONS_TITLE.format(code=programme.code, name=programme.name)
    head = (
        f"<tr><th {_CELL}>{esc(texts.INTERVENTION_NAME)}</th><th {_CELL}>{esc(texts.INTERVENTION_WHAT)}</th>"
        f"<th {_CELL}>{esc(texts.INTERVENTION_EVIDENCE)}</th><th {_CELL}>{esc(texts.INTERVENTION_SOURCES)}</th></tr>"
    )
    rows = []
    plain = [title]
    for item in programme.interventions:
        correction = (
            f"<p style='margin:0.3em 0'><strong>{esc(texts.INTERVENTION_CORRECTION)}:</strong> {esc(item.correction)}</p>"
            if item.correction
            else ""
        )
        rows.append(
            f"<tr><td {_CELL}><strong>{esc(item.name)}</strong></td><td {_CELL}>{esc(item.description)}{correction}</td>"
            f"<td {_CELL}>{esc(item.evidence)}</td><td {_CELL}>{esc(_source_names(item.sources))}</td></tr>"
        )
        plain.append(f"- {item.name}: {item.description} {texts.INTERVENTION_EVIDENCE}: {item.evidence}")
        if item.correction:
            plain.append(f"  {texts.INTERVENTION_CORRECTION}: {item.correction}")
    html_text = f"<h4>{esc(title)}</h4><table {_TABLE}>{head}{''.join(rows)}</table>"
    return HTMLView(html_text, "\n".join(plain))


def toon_begrippen() -> HTMLView:
    """The glossary of professional terms used in the course."""
    terms = load_glossary()
    # JupyterLab floats <dt> at a fixed width, which breaks long terms: each term on its own line instead.
    rows = "".join(
        f"<dt style='float:none;width:auto;text-align:left;margin:0.5em 0 0 0'><strong>{esc(t.term)}</strong></dt>"
        f"<dd style='margin:0 0 0.4em 1.2em;padding:0'>{esc(t.definition)}</dd>"
        for t in terms
    )
    plain = "\n".join([texts.GLOSSARY_TITLE, *(f"- {t.term}: {t.definition}" for t in terms)])
    # no heading of its own: the notebook's heading above the cell names it (headings stay in order)
    return HTMLView(f"<dl class='veerkracht-glossary' style='margin:0.3em 0'>{rows}</dl>", plain)


def module_sources(module: str) -> list[str]:
    """Every source id the data of one module cites, the article first."""
    from .model import load_modules

    fw = load_framework()
    ids: list[str] = ["artikel"]
    code = load_modules()[module].programme
    if code is not None:
        programme = fw.programme(code)
        ids += programme.sources
        for item in programme.interventions:
            ids += item.sources
    for vignette in load_vignettes().values():
        if vignette.module == module:
            ids += vignette.sources
    for question in load_questions().values():
        if question.module == module:
            ids += question.sources
    seen: list[str] = []
    for sid in ids:
        if sid not in seen:
            seen.append(sid)
    return seen


def toon_bronnen(module: Any = None) -> HTMLView:
    """The sources of one module (``toon_bronnen("a")``), or of the whole course (``toon_bronnen()``)."""
    sources = load_sources()
    if module is None:
        ids = list(sources)
    else:
        from .model import load_modules

        code = str(module).strip().lower()
        if code not in load_modules():
            message = texts.SOURCES_UNKNOWN.format(module=module, known=", ".join(load_modules()))
            return HTMLView(box(Status.FORM_ERROR, message, ""), message)
        ids = module_sources(code)
    items = []
    plain = [texts.SOURCES_TITLE]
    for sid in ids:
        s = sources[sid]
        year = f" ({s.year})" if s.year else ""
        link = (
            f" <a href='{esc(s.url)}' target='_blank' rel='noopener' style='text-decoration:underline'>{esc(s.url)}</a>"
            if s.url
            else ""
        )
        note = f"<br/><em>{esc(s.note)}</em>" if s.note else ""
        items.append(f"<li>{esc(s.author)}{esc(year)}. <strong>{esc(s.title)}</strong>.{link}{note}</li>")
        plain.append(f"- {s.author}{year}. {s.title}. {s.url}".rstrip())
    # no heading of its own: the notebook's "Bronnen" heading above the cell names it (headings stay in order)
    return HTMLView(f"<ul class='veerkracht-sources'>{''.join(items)}</ul>", "\n".join(plain))


def toon_leerdoelen(module: Any = None) -> HTMLView:
    """The learning objectives of a module and its study load (lesson and graded notebook)."""
    from .model import load_modules

    modules = load_modules()
    found = modules.get(module) if isinstance(module, str) else None
    if found is None:
        message = texts.SOURCES_UNKNOWN.format(module=module, known=", ".join(modules))
        return HTMLView(box(Status.FORM_ERROR, message, ""), message)
    load = found.study_load
    study = texts.STUDY_LOAD.format(lesson=load.lesson, exercises=load.exercises, total=load.total)
    items = "".join(f"<li>{esc(o.text)}</li>" for o in found.objectives)
    html_text = (
        f"<section aria-label='{esc(texts.OBJECTIVES_TITLE)}'><p style='margin:0.3em 0'>"
        f"<strong>{esc(texts.OBJECTIVES_TITLE)}</strong></p>"
        f"<ol style='margin:0.3em 0 0.3em 1.4em;padding:0'>{items}</ol>"
        f"<p style='margin:0.3em 0'>{esc(study)}</p></section>"
    )
    plain = [texts.OBJECTIVES_TITLE, *(f"{n}. {o.text}" for n, o in enumerate(found.objectives, 1)), study]
    return HTMLView(html_text, "\n".join(plain))


def toon_verwijzingen() -> HTMLView:
    """Where to turn with a concern: one data file, with the date it was last checked."""
    from .model import load_referrals

    data = load_referrals()
    head = (
        f"<tr><th {_CELL}>{esc(texts.REFERRAL_WHO)}</th><th {_CELL}>{esc(texts.REFERRAL_WHEN)}</th>"
        f"<th {_CELL}>{esc(texts.REFERRAL_HOW)}</th></tr>"
    )
    rows, plain = [], [texts.REFERRALS_TITLE]
    for item in data.referrals:
        contact = [item.phone] if item.phone else []
        if item.url:
            contact.append(f"<a href='{esc(item.url)}' style='text-decoration:underline'>{esc(item.url)}</a>")
        if item.local:
            contact.append(esc(texts.REFERRAL_LOCAL))
        rows.append(
            f"<tr><td {_CELL}><strong>{esc(item.name)}</strong><br>{esc(item.what)}</td>"
            f"<td {_CELL}>{esc(item.when)}</td><td {_CELL}>{'<br>'.join(esc(c) if c == item.phone else c for c in contact)}</td></tr>"
        )
        plain.append(f"- {item.name}: {item.when} {item.phone} {item.url}".rstrip())
    checked = texts.REFERRALS_CHECKED.format(date=_dutch_date(data.checked))
    plain.append(checked)
    html_text = (
        f"<section aria-label='{esc(texts.REFERRALS_TITLE)}'><p style='margin:0.3em 0'>"
        f"<strong>{esc(texts.REFERRALS_TITLE)}</strong></p><table {_TABLE}>{head}{''.join(rows)}</table>"
        f"<p style='margin:0.3em 0'>{esc(checked)}</p></section>"
    )
    return HTMLView(html_text, "\n".join(plain))


def _dutch_date(day: Any) -> str:
    return f"{day.day} {texts.MONTHS[day.month - 1]} {day.year}"
