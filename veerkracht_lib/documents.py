"""Printable PDFs made from the course's own data, on the learner's own computer (no network).

- ``maak_handout("b")`` / ``veerkracht handout b``: the model with the module's programme highlighted, the
  objectives, how to work through the module, its study load, the proportional route for a real concern and
  where to turn (``referrals.yaml``, with its "laatst gecontroleerd" date). Two A4 pages: one sheet printed
  double-sided.
- ``maak_deelnamebewijs(naam="...")`` / ``veerkracht deelnamebewijs --naam ...``: a record of self-study for a
  learner who played every case and checked every graded question with a valid answer (``overview.py`` has the
  rule). Before that it is refused with a Dutch list of what is missing. It holds the typed name, the modules
  and their study load, the date, and what it is (not an accredited certificate); never a path, a score or any
  other detail of the progress file. Trainers issue the same from a cohort's gradebook
  (``grading/certificates.py``).

PDFs are written with fpdf2 (pure Python; fonts are the DejaVu files that matplotlib ships, embedded as
subsets). They are tagged: document language nl-NL, title shown by the viewer, a structure tree in reading order
(H1, H2, P, Figure with its alt text), and page footers marked as artifacts.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__, texts
from .model import Module, load_framework, load_modules, load_referrals, load_vignettes
from .overview import ModuleProgress, course_progress, duration
from .render import HTMLView, box, esc
from .status import Status

LANGUAGE = "nl-NL"
INK = (26, 26, 26)  # #1a1a1a: 17:1 on white
MUTED = (77, 77, 77)  # #4d4d4d: 8.4:1 on white
RULE = (118, 118, 118)  # #767676: 4.5:1 on white
SHADE = (242, 242, 242)
MAX_NAME = 80
FOLDER_NAME = "documenten"


def dutch_date(day: datetime.date) -> str:
    return f"{day.day} {texts.MONTHS[day.month - 1]} {day.year}"


# --- the PDF writer -------------------------------------------------------------------------------------
def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _new_pdf(title: str, subject: str, footer: str) -> Any:
    from fpdf import FPDF
    from fpdf.prefs import ViewerPreferences

    class Document(FPDF):
        """A4 with the course's fonts, metadata and tagging helpers."""

        def footer(self) -> None:
            self._out("/Artifact BMC")
            self.set_y(-11)
            self.set_font("dejavu", "", 8.5)
            self.set_text_color(*MUTED)
            text = texts.DOC_FOOTER.format(what=footer, page=self.page_no(), pages="{nb}")
            self.cell(0, 5, text, align="C")
            self._out("EMC")

        @contextlib.contextmanager
        def tag(self, struct_type: str, alt: str | None = None) -> Iterator[None]:
            """Mark what is drawn inside as one structure element (like fpdf2 does for images)."""
            page = self.page
            mcid = self.struct_builder.next_mcid_for_page(page)
            _, parents = self.struct_builder.add_marked_content(
                page_number=page, struct_type=f"/{struct_type}", mcid=mcid, alt_text=alt
            )
            self.pages[page].struct_parents = parents
            self._out(f"/{struct_type} <</MCID {mcid}>> BDC")
            yield
            self._out("EMC")

        def room_for(self, height: float) -> None:
            if self.get_y() + height > self.page_break_trigger:
                self.add_page()

        def block(
            self,
            text: str,
            struct_type: str = "P",
            size: float = 10.0,
            style: str = "",
            colour: tuple[int, int, int] = INK,
            before: float = 0.0,
            after: float = 1.6,
            indent: float = 0.0,
            label: str = "",
            markdown: bool = False,
            align: str = "L",
        ) -> None:
            """One paragraph, heading or list item (``label`` hangs in front), never split over two pages."""
            self.set_font("dejavu", style, size)
            line = size * 0.36 + 1.1
            width = self.epw - indent - (7 if label else 0)
            lines = self.multi_cell(width, line, text, dry_run=True, output="LINES", markdown=markdown)
            self.room_for(before + line * len(lines) + after)
            self.set_y(self.get_y() + before)
            self.set_text_color(*colour)
            with self.tag(struct_type):
                self.set_x(self.l_margin + indent)
                if label:
                    self.cell(7, line, label)
                self.multi_cell(width, line, text, new_x="LMARGIN", new_y="NEXT", markdown=markdown, align=align)
            self.set_y(self.get_y() + after)

    pdf = Document(format="A4", unit="mm")
    fonts = _font_dir()
    pdf.add_font("dejavu", "", fonts / "DejaVuSans.ttf")
    pdf.add_font("dejavu", "B", fonts / "DejaVuSans-Bold.ttf")
    pdf.add_font("dejavu", "I", fonts / "DejaVuSans-Oblique.ttf")
    pdf.add_font("dejavu", "BI", fonts / "DejaVuSans-BoldOblique.ttf")
    pdf.set_margins(18, 14, 18)
    pdf.set_auto_page_break(True, 15)
    pdf.set_lang(LANGUAGE)
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_author("Veerkracht")
    pdf.set_creator(f"Veerkracht {__version__}")
    pdf.set_keywords("Veerkracht, maatschappelijke veerkracht, radicalisering, preventie")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.set_display_mode("fullwidth")
    pdf.add_page()
    return pdf


def _heading(pdf: Any, text: str, level: int) -> None:
    if level == 1:
        pdf.block(text, "H1", size=18, style="B", after=2.5)
    else:
        pdf.block(text, "H2", size=12.5, style="B", before=3.0, after=1.4)


def _model_png(code: str | None) -> bytes:
    """The model figure from figures.py, as a compact PNG (few colours, so a palette keeps it small)."""
    from PIL import Image

    from .figures import draw

    buffer = io.BytesIO()
    draw(load_framework(), code).savefig(buffer, format="png", dpi=220, facecolor="white")
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    compact = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        compact, format="PNG", optimize=True
    )
    return compact.getvalue()


# --- the handout ----------------------------------------------------------------------------------------
MODEL_SIZES = (104.0, 96.0, 88.0)  # mm; the largest that keeps the handout on two pages (one sheet)


def handout_pdf(module: Module, today: datetime.date | None = None) -> bytes:
    today = today or datetime.date.today()
    png = _model_png(module.programme)
    for size in MODEL_SIZES:
        pdf = _handout(module, png, size, today)
        if pdf.pages_count <= 2:
            break
    return bytes(pdf.output())


def _handout(module: Module, png: bytes, size: float, today: datetime.date) -> Any:
    from .figures import alt_text

    fw = load_framework()
    title = texts.HANDOUT_TITLE.format(code=module.code, title=module.title)
    pdf = _new_pdf(title, module.title, texts.DOC_FOOTER_HANDOUT.format(code=module.code))
    pdf.block(texts.HANDOUT_KICKER, size=9, colour=MUTED, after=0.8)
    _heading(pdf, title, 1)
    load = module.study_load
    if module.programme:
        programme = fw.programme(module.programme)
        pdf.block(texts.HANDOUT_PROGRAMME.format(code=programme.code, name=programme.name), after=0.8)
    else:
        pdf.block(texts.HANDOUT_CLOSING, after=0.8)
    pdf.block(
        texts.HANDOUT_STUDY_LOAD.format(lesson=load.lesson, exercises=load.exercises, duration=duration(load.total))
    )

    _heading(pdf, texts.HANDOUT_MODEL, 2)
    pdf.room_for(size + 12)
    full, whole = alt_text(fw, module.programme), alt_text(fw, None)
    pdf.image(io.BytesIO(png), x=(pdf.w - size) / 2, w=size, alt_text=full)
    marked = full.removeprefix(whole).strip() if module.programme else texts.HANDOUT_MODEL_WHOLE
    pdf.block(marked, size=9, style="I", colour=MUTED, before=1.0)

    _heading(pdf, texts.HANDOUT_OBJECTIVES, 2)
    for n, objective in enumerate(module.objectives, 1):
        pdf.block(objective.text, label=f"{n}.", after=0.9)

    _heading(pdf, texts.HANDOUT_STEPS, 2)
    cases = [v for v in load_vignettes().values() if v.module == module.code]
    steps = [texts.HANDOUT_STEP_LESSON.format(lesson=module.lesson.removeprefix("course/"), minutes=load.lesson)]
    if cases:
        steps.append(texts.HANDOUT_STEP_CASES.format(cases="; ".join(f"{_case_code(v.id)} {v.title}" for v in cases)))
    if module.practice:
        steps.append(texts.plural(texts.HANDOUT_STEP_PRACTICE, len(module.practice)))
    steps.append(texts.HANDOUT_STEP_EXERCISE.format(n=len(module.questions), minutes=load.exercises))
    for n, step in enumerate(steps, 1):
        pdf.block(step, label=f"{n}.", after=0.9)

    pdf.add_page()
    _heading(pdf, texts.HANDOUT_ROUTE, 2)
    for n, step in enumerate(texts.HANDOUT_ROUTE_STEPS, 1):
        pdf.block(step, label=f"{n}.", after=0.4)
    _referrals(pdf)
    made = texts.HANDOUT_MADE.format(date=dutch_date(today), version=__version__)
    pdf.block(f"{texts.HANDOUT_NOTE} {made}", size=8.5, colour=MUTED, before=1.2)
    return pdf


def _case_code(cid: str) -> str:
    return cid.split("_", 1)[0]


def _referrals(pdf: Any) -> None:
    data = load_referrals()
    _heading(pdf, texts.HANDOUT_REFERRALS, 2)
    pdf.block(texts.HANDOUT_CHECKED.format(date=dutch_date(data.checked)), size=9.5, style="B", after=0.4)
    for item in data.referrals:
        contact = [part for part in (item.phone, item.url.removeprefix("https://")) if part]
        if item.local:
            contact.append(f"{texts.HANDOUT_LOCAL} " + "." * 60)
        lines = [
            f"**{_md(item.name)}** {_md(item.what)}",
            f"**{texts.HANDOUT_WHEN}:** {_md(item.when)}",
        ]
        if contact:
            lines.append(f"**{texts.HANDOUT_CONTACT}:** {_md(' · '.join(contact))}")
        if item.checked != data.checked:
            lines.append(texts.HANDOUT_ENTRY_CHECKED.format(date=dutch_date(item.checked)))
        text = "\n".join(lines)
        pdf.block(text, size=8.5, markdown=True, before=0.5, after=0.3)


def _md(text: str) -> str:
    """Text for fpdf2's small markdown: keep literal markers from being read as emphasis."""
    return text.replace("**", "* *").replace("__", "_ _").replace("--", "- -")


# --- the deelnamebewijs ---------------------------------------------------------------------------------
def certificate_pdf(
    name: str, modules: Sequence[Module], done_line: str, cohort: bool = False, today: datetime.date | None = None
) -> bytes:
    today = today or datetime.date.today()
    pdf = _new_pdf(texts.CERTIFICATE_TITLE + " Veerkracht", texts.CERTIFICATE_KICKER, texts.DOC_FOOTER_CERTIFICATE)
    pdf.block(texts.CERTIFICATE_KICKER, size=9.5, colour=MUTED, align="C", after=6)
    pdf.block(texts.CERTIFICATE_TITLE, "H1", size=26, style="B", align="C", after=8)
    pdf.block(name, size=20, style="B", align="C", after=3)
    pdf.block(texts.CERTIFICATE_COHORT if cohort else texts.CERTIFICATE_SELF, size=12, align="C", after=1.5)
    pdf.block(done_line, size=10.5, align="C", after=6)

    _heading(pdf, texts.CERTIFICATE_MODULES, 2)
    widths = (21.0, 85.0, 22.0, 24.0, 22.0)
    head = (
        texts.CERTIFICATE_COL_MODULE,
        texts.CERTIFICATE_COL_TOPIC,
        texts.CERTIFICATE_COL_LESSON,
        texts.CERTIFICATE_COL_EXERCISES,
        texts.CERTIFICATE_COL_TOTAL,
    )
    _table_row(pdf, head, widths, style="B", fill=True, alt=None)
    minutes = texts.CERTIFICATE_MINUTES.format
    for module in modules:
        load = module.study_load
        alt = texts.CERTIFICATE_ROW_ALT.format(
            code=module.code, title=module.title, lesson=load.lesson, exercises=load.exercises, total=load.total
        )
        cells = (module.code, module.title, minutes(n=load.lesson), minutes(n=load.exercises), minutes(n=load.total))
        _table_row(pdf, cells, widths, alt=alt)
    lesson = sum(m.study_load.lesson for m in modules)
    exercises = sum(m.study_load.exercises for m in modules)
    total_cells = (
        texts.CERTIFICATE_TOTAL_ROW,
        "",
        minutes(n=lesson),
        minutes(n=exercises),
        minutes(n=lesson + exercises),
    )
    total = texts.CERTIFICATE_TOTAL.format(duration=duration(lesson + exercises))
    _table_row(pdf, total_cells, widths, style="B", fill=True, alt=total)
    pdf.block(total, before=2.5)
    pdf.block(texts.CERTIFICATE_DATE.format(date=dutch_date(today), version=__version__))

    _heading(pdf, texts.CERTIFICATE_WHAT, 2)
    pdf.block(texts.CERTIFICATE_WHAT_TEXT)
    pdf.block(texts.CERTIFICATE_REGISTER)
    pdf.block(texts.CERTIFICATE_PRIVACY_COHORT if cohort else texts.CERTIFICATE_PRIVACY_SELF, colour=MUTED)
    return bytes(pdf.output())


def _table_row(
    pdf: Any, cells: Sequence[str], widths: Sequence[float], style: str = "", fill: bool = False, alt: str | None = None
) -> None:
    """One row of a simple table. Each data row is one tagged element whose alt text says the whole row in words;
    the heading row, whose words every row's text repeats, is an artifact."""
    pdf.set_font("dejavu", style, 10)
    line = 5.0
    heights = [
        len(pdf.multi_cell(w - 3, line, text, dry_run=True, output="LINES")) * line
        for w, text in zip(widths, cells, strict=True)
    ]
    height = max(heights) + 2
    pdf.room_for(height)
    x, y = pdf.l_margin, pdf.get_y()
    marker = pdf.tag("P", alt=alt) if alt else _artifact(pdf)
    with marker:
        pdf.set_draw_color(*RULE)
        pdf.set_fill_color(*SHADE)
        pdf.set_text_color(*INK)
        for n, (w, text) in enumerate(zip(widths, cells, strict=True)):
            pdf.rect(x, y, w, height, style="DF" if fill else "D")
            pdf.set_xy(x + 1.5, y + 1)
            pdf.multi_cell(w - 3, line, text, align="R" if n >= 2 else "L")
            x += w
    pdf.set_xy(pdf.l_margin, y + height)


@contextlib.contextmanager
def _artifact(pdf: Any) -> Iterator[None]:
    pdf._out("/Artifact BMC")
    yield
    pdf._out("EMC")


# --- where files go, and writing them -------------------------------------------------------------------
def learner_folder(given: str | os.PathLike[str] | None = None) -> Path:
    """Where a notebook call writes: the folder given, else ``documenten/`` in the learner's workspace.

    Never into the course's own files (the repository or the installed package): there it is the progress
    folder instead, which is where a run of the course's own notebooks (the tests) keeps everything.
    """
    if given:
        return Path(given).expanduser()
    from .overview import _course_root
    from .settings import progress_dir
    from .workspace import WorkspaceError, notebook_source, package_dir

    here = Path.cwd().resolve()
    root = _course_root(here)
    if root is None:
        return here
    with contextlib.suppress(WorkspaceError):
        source = notebook_source().resolve()
        if root == source or root.is_relative_to(package_dir()):
            return progress_dir() / FOLDER_NAME
    return root / FOLDER_NAME


def write_file(folder: Path, name: str, data: bytes) -> Path:
    """Write atomically (a temporary file, then a rename), so a half-written PDF never exists."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    fd, tmp = tempfile.mkstemp(prefix=".veerkracht-", suffix=".pdf", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


class DocumentView(HTMLView):
    """What a learner call shows; ``path`` is the file made (None when refused), ``missing`` what is still open."""

    def __init__(self, html_text: str, plain: str, path: Path | None = None, missing: list[str] | None = None):
        super().__init__(html_text, plain)
        self.path = path
        self.missing = missing or []


def _refused(message: str, status: str = Status.FORM_ERROR) -> DocumentView:
    return DocumentView(box(status, message, ""), message)


def _made(template: str, path: Path, shown_from: Path | None) -> DocumentView:
    from .overview import _course_root

    here = Path.cwd().resolve()
    root = _course_root(here)
    shown = path.name
    if shown_from is not None:
        shown = str(path)
    elif root is not None and path.resolve().is_relative_to(root):
        shown = path.resolve().relative_to(root).as_posix()
    link = Path(os.path.relpath(path.resolve(), here)).as_posix()
    message = template.format(path=shown)
    from urllib.parse import quote

    body = (
        f"<p style='margin:0.3em 0'><a href='{esc(quote(link))}' style='text-decoration:underline'>{esc(shown)}</a>"
        f"</p><p style='margin:0.3em 0'>{esc(texts.DOC_OPEN)}</p>"
    )
    return DocumentView(box(Status.RIGHT, message, body), f"{message}\n{texts.DOC_OPEN}", path=path)


def _save(folder: Path, name: str, data: bytes) -> Path | DocumentView:
    try:
        return write_file(folder, name, data)
    except OSError as exc:
        return _refused(texts.DOC_NOT_SAVED.format(reason=exc.strerror or exc.__class__.__name__), Status.NOT_YET)


def resolve_module(module: Any) -> Module | str:
    """The module for what a learner typed ("b", " B "), or a Dutch message."""
    modules = load_modules()
    if not isinstance(module, str):
        return texts.DOC_MODULE_NOT_TEXT
    code = module.strip().lower()
    if code not in modules:
        return texts.DOC_UNKNOWN_MODULE.format(module=module, known=", ".join(modules))
    return modules[code]


def handout_name(module: Module) -> str:
    return f"handout-module-{module.code}.pdf"


def maak_handout(module: Any = None, map: str | os.PathLike[str] | None = None) -> DocumentView:
    """A printable handout (PDF) for one module: ``maak_handout("b")``. ``map=`` chooses the folder."""
    found = resolve_module(module)
    if isinstance(found, str):
        return _refused(found)
    saved = _save(learner_folder(map), handout_name(found), handout_pdf(found))
    if isinstance(saved, DocumentView):
        return saved
    return _made(texts.DOC_READY_HANDOUT.format(code=found.code, path="{path}"), saved, Path(map) if map else None)


# --- the self-paced deelnamebewijs ------------------------------------------------------------------------
def clean_name(name: Any) -> tuple[str | None, str | None]:
    """(the name as it goes on the bewijs, None) or (None, a Dutch message)."""
    if not isinstance(name, str) or not name.strip() or name.strip() == texts.CERTIFICATE_NAME_PLACEHOLDER:
        return None, texts.CERTIFICATE_NAME_NEEDED
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return None, texts.CERTIFICATE_NAME_BAD
    cleaned = " ".join(name.split())
    if len(cleaned) > MAX_NAME:
        return None, texts.CERTIFICATE_NAME_TOO_LONG.format(n=MAX_NAME)
    return cleaned, None


def missing_lines(progress: list[ModuleProgress]) -> list[str]:
    """What is still open, per module, in words a learner recognises (case titles, question numbers)."""
    vignettes = load_vignettes()
    lines = []
    for item in progress:
        if item.finished:
            continue
        module = item.module
        if not item.cases_done and not item.answered:
            what = texts.CERTIFICATE_MISSING_UNTOUCHED.format(cases=len(item.cases), questions=len(item.questions))
        else:
            parts = []
            if item.cases_missing:
                names = ", ".join(f"{_case_code(c)} {vignettes[c].title}" for c in item.cases_missing)
                parts.append(texts.CERTIFICATE_MISSING_CASES.format(cases=names))
            if item.questions_missing:
                parts.append(texts.CERTIFICATE_MISSING_QUESTIONS.format(questions=", ".join(item.questions_missing)))
            what = "; ".join(parts)
        lines.append(texts.CERTIFICATE_MISSING_MODULE.format(code=module.code, title=module.title, items=what))
    return lines


CERTIFICATE_FILE = "deelnamebewijs-veerkracht.pdf"


def maak_deelnamebewijs(naam: Any = None, map: str | os.PathLike[str] | None = None) -> DocumentView:
    """Your deelnamebewijs (PDF) once every case is played and every question checked; else what is missing."""
    progress = course_progress()
    missing = missing_lines(progress)
    if missing:
        from .render import bullet_list

        body = f"<p style='margin:0.3em 0'>{esc(texts.CERTIFICATE_NOT_YET_TEXT)}</p>{bullet_list(missing)}"
        plain = "\n".join([texts.CERTIFICATE_NOT_YET, texts.CERTIFICATE_NOT_YET_TEXT, *(f"- {m}" for m in missing)])
        return DocumentView(box(Status.NOT_YET, texts.CERTIFICATE_NOT_YET, body), plain, missing=missing)
    name, problem = clean_name(naam)
    if name is None:
        return _refused(problem or texts.CERTIFICATE_NAME_NEEDED)
    done = texts.CERTIFICATE_SELF_DONE.format(
        cases=sum(len(p.cases) for p in progress), questions=sum(len(p.questions) for p in progress)
    )
    data = certificate_pdf(name, [p.module for p in progress], done)
    saved = _save(learner_folder(map), CERTIFICATE_FILE, data)
    if isinstance(saved, DocumentView):
        return saved
    return _made(texts.DOC_READY_CERTIFICATE, saved, Path(map) if map else None)
