"""The learner's local progress: atomic, tolerant of damage, visible, exportable and deletable."""

from __future__ import annotations

import json
import multiprocessing
import os

from veerkracht_lib import exporteer_voortgang, mijn_voortgang, wis_voortgang
from veerkracht_lib.progress import FILE_NAME, ProgressStore


def test_round_trip(progress_home) -> None:
    store = ProgressStore(progress_home)
    assert store.save_case("x1_casus", [0, 1], None)
    assert store.record_check("x1", "deels")
    fresh = ProgressStore(progress_home)  # as after a kernel restart
    assert fresh.case("x1_casus")["path"] == [0, 1]
    assert fresh.load()["questions"]["x1"]["status"] == "deels"


def test_corrupt_file_gives_notice_and_fresh_start_and_keeps_the_old_file(progress_home) -> None:
    (progress_home / FILE_NAME).write_text("{dit is geen json", encoding="utf-8")
    store = ProgressStore(progress_home)
    assert store.load()["cases"] == {}
    notices = store.take_notices()
    assert len(notices) == 1 and "opnieuw" in notices[0]
    backups = list(progress_home.glob(f"{FILE_NAME}.beschadigd-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == "{dit is geen json"
    assert store.save_case("x1_casus", [0], None)
    assert json.loads((progress_home / FILE_NAME).read_text())["cases"]["x1_casus"]["path"] == [0]


def test_partly_damaged_entries_are_dropped_not_the_rest(progress_home) -> None:
    data = {
        "version": 1,
        "cases": {"ok": {"path": [0, 1], "ending": None}, "bad": {"path": "x"}, "neg": {"path": [-1]}},
        "questions": {"x1": {"status": "goed", "attempts": 2}, "x2": {"status": "???"}},
        "practice": {"p": {"correct": "ja"}},
    }
    (progress_home / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    loaded = ProgressStore(progress_home).load()
    assert list(loaded["cases"]) == ["ok"]
    assert list(loaded["questions"]) == ["x1"]
    assert loaded["practice"] == {}


def test_binary_garbage_and_wrong_version(progress_home) -> None:
    (progress_home / FILE_NAME).write_bytes(b"\xff\xfe\x00garbage")
    store = ProgressStore(progress_home)
    assert store.load()["cases"] == {} and store.take_notices()
    (progress_home / FILE_NAME).write_text('{"version": 99}', encoding="utf-8")
    store = ProgressStore(progress_home)
    assert store.load()["cases"] == {} and store.take_notices()


def test_unreadable_file_never_raises(progress_home) -> None:
    (progress_home / FILE_NAME).mkdir()  # a folder where the file should be
    store = ProgressStore(progress_home)
    assert store.load()["cases"] == {}
    assert store.save_case("x", [0], None) is False  # kept in memory, with a notice
    assert store.case("x")["path"] == [0]
    assert any("niet worden opgeslagen" in n or "gelezen" in n for n in store.take_notices())


def test_write_is_atomic_no_temp_files_left(progress_home) -> None:
    store = ProgressStore(progress_home)
    for n in range(20):
        store.save_case("x1_casus", [0] * (n % 3), None)
    leftovers = [p.name for p in progress_home.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def _writer(directory: str, worker: int) -> None:
    store = ProgressStore(__import__("pathlib").Path(directory))
    for n in range(25):
        store.record_check(f"w{worker}_{n}", "goed")


def test_two_notebooks_writing_at_once_lose_nothing(progress_home) -> None:
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_writer, args=(str(progress_home), w)) for w in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    questions = json.loads((progress_home / FILE_NAME).read_text())["questions"]
    assert len(questions) == 75


def test_learner_can_see_export_and_delete(progress_home, tmp_path) -> None:
    ProgressStore(progress_home).record_check("x1", "goed")
    view = mijn_voortgang()
    assert "x1: goed" in repr(view) and str(progress_home) in repr(view)
    target = tmp_path / "export.json"
    assert "bewaard" in repr(exporteer_voortgang(target))
    assert json.loads(target.read_text())["questions"]["x1"]["status"] == "goed"
    assert "Weet je het zeker" in repr(wis_voortgang())
    assert (progress_home / FILE_NAME).exists()
    assert "gewist" in repr(wis_voortgang(bevestig=True))
    assert not (progress_home / FILE_NAME).exists()
    assert "nog geen" in repr(mijn_voortgang())


def test_progress_file_is_private_to_the_learner(progress_home) -> None:
    ProgressStore(progress_home).record_check("x1", "goed")
    mode = os.stat(progress_home / FILE_NAME).st_mode & 0o777
    assert mode & 0o077 == 0, oct(mode)
