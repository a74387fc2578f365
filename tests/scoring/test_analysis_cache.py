"""The tone analyses kept on this machine (`scoring.cache`): a drill scored once is not analysed
again, a changed analyser or a damaged entry never brings a wrong verdict, and nothing a session
file says about itself is believed."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scoring import cache
from scoring.cache import ANALYSES_FILE, AnalysisStore, Request, analysed
from scoring.scorer import score
from scoring.session import load_session
from tests.scoring.conftest import GasRun

COMPLAINT = "Dette er en skandale, ingen har sagt noe til oss på tre timer!"
REQUESTS = [
    Request("Hei! Torget er sperret til kl. 18. Hilsen Kari, kommunikasjonsavdelingen", None, "nb", (), (), "nb"),
    Request("Beklager at dere måtte vente. Vi forstår at det er frustrerende. Hilsen Ola", COMPLAINT, "nb", (), (), "nb"),
    Request("Ring 72 40 00 00 om du lurer på noe. Hilsen Kari", None, "nb", ("72 40 00 00",), ("fjellvik.kommune.no",),
            "en"),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own, and a process memo that starts empty."""
    monkeypatch.setenv("DRILL_CACHE_DIR", str(tmp_path))
    cache.forget()
    yield tmp_path
    cache.forget()


@pytest.fixture
def analyses_counted(monkeypatch: pytest.MonkeyPatch) -> list[Request]:
    """Every request the analyser is actually run on (the analyser itself still runs)."""
    calls: list[Request] = []
    real = cache.analyse

    def counted(request: Request) -> object:
        calls.append(request)
        return real(request)

    monkeypatch.setattr(cache, "analyse", counted)
    return calls


def test_a_drill_scored_once_is_not_analysed_again_in_a_new_process(folder: Path, gas_runs: dict[str, GasRun],
                                                                   analyses_counted: list[Request]) -> None:
    run = gas_runs["good"]
    first = score(run.scenario, run.events)
    assert analyses_counted, "the first score analyses the team's replies"
    analysed_first = len(analyses_counted)
    cache.forget()  # as a new process: only the store on disk remains
    again = score(run.scenario, run.events)
    assert len(analyses_counted) == analysed_first, "every analysis came from the store"
    assert again.model_dump() == first.model_dump()


def test_a_score_whose_analyses_are_all_kept_never_loads_the_analyser(folder: Path, gas_runs: dict[str, GasRun]) -> None:
    """Scoring a drill again (`drill score` after the drill was played here) reads the kept
    analyses: the analyser, its model and numpy stay unloaded, which is most of a warm score's
    start-up. Asked in a fresh process, where nothing else has imported them."""
    run = gas_runs["good"]
    score(run.scenario, run.events)  # keeps every analysis in the store
    probe = ("import sys; from scoring.scorer import score; from scoring.session import load_session; "
             f"s = load_session({str(run.path)!r}); score(s.scenario, s.events); "
             "print(sorted(m for m in ('scoring.tone.analyse', 'scoring.tone.learned', 'numpy') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env={**os.environ, "DRILL_CACHE_DIR": str(folder)}).stdout.strip()
    assert loaded == "[]"


def test_each_request_is_analysed_once_however_often_it_is_asked(folder: Path,
                                                                 analyses_counted: list[Request]) -> None:
    results = analysed([*REQUESTS, *REQUESTS, REQUESTS[0]])
    assert sorted(analyses_counted) == sorted(REQUESTS)
    assert set(results) == set(REQUESTS)


def test_kept_analyses_equal_fresh_ones(folder: Path) -> None:
    fresh = {r: cache.analyse(r) for r in REQUESTS}
    analysed(REQUESTS)
    cache.forget()
    assert analysed(REQUESTS) == fresh


def test_a_changed_analyser_analyses_afresh(folder: Path, analyses_counted: list[Request],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    analysed(REQUESTS)
    cache.forget()
    monkeypatch.setattr(cache, "analyser_digest", lambda: "another-analyser")
    analyses_counted.clear()
    analysed(REQUESTS)
    assert sorted(analyses_counted) == sorted(REQUESTS)


def test_the_digest_follows_the_analysers_files() -> None:
    digest = cache.analyser_digest()
    assert len(digest) == 16
    assert cache.request_key(REQUESTS[0], digest) != cache.request_key(REQUESTS[0], "0" * 16)
    assert cache.request_key(REQUESTS[0], digest) != cache.request_key(REQUESTS[1], digest)


def test_a_damaged_entry_is_analysed_again_never_believed(folder: Path, analyses_counted: list[Request]) -> None:
    expected = analysed(REQUESTS)
    cache.forget()
    with sqlite3.connect(folder / ANALYSES_FILE) as db:
        db.execute("UPDATE analyses SET value = ?", (b"not an analysis",))
    db.close()
    analyses_counted.clear()
    assert analysed(REQUESTS) == expected
    assert sorted(analyses_counted) == sorted(REQUESTS)


def test_an_unreadable_store_only_means_analysing(folder: Path) -> None:
    (folder / ANALYSES_FILE).write_bytes(b"this is no database" * 100)
    expected = {r: cache.analyse(r) for r in REQUESTS}
    assert analysed(REQUESTS) == expected


def test_a_session_files_own_claims_are_never_read(folder: Path, gas_runs: dict[str, GasRun], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of a scored drill whose replies were changed afterwards is scored by what its
    replies now say: nothing of the file (its name, its drill, its fingerprint) finds an analysis
    kept for the original, only the texts themselves do."""
    run = gas_runs["poor"]
    original = score(run.scenario, run.events)
    copy = tmp_path / "copy.db"
    copy.write_bytes(run.path.read_bytes())
    with sqlite3.connect(copy) as db:
        db.execute("""UPDATE events SET payload = replace(payload, '"text":"', '"text":"Det der får du ordne selv. ')
                      WHERE type = 'reply_posted'""")
    db.close()
    changed = load_session(copy)
    cache.forget()
    with_kept = score(changed.scenario, changed.events)
    monkeypatch.setenv("DRILL_CACHE_DIR", str(tmp_path / "empty"))
    cache.forget()
    fresh = score(changed.scenario, changed.events)
    assert with_kept.model_dump() == fresh.model_dump()
    assert fresh.model_dump() != original.model_dump()


def test_the_store_is_bounded(tmp_path: Path) -> None:
    store = AnalysisStore(tmp_path, max_entries=5)
    result = cache.analyse(REQUESTS[0])
    try:
        for i in range(12):
            store.put_many({Request(f"Svar nummer {i}", None, "nb", (), (), "nb"): result})
        kept = store.get_many([Request(f"Svar nummer {i}", None, "nb", (), (), "nb") for i in range(12)])
    finally:
        store.close()
    assert sorted(r.text for r in kept) == sorted(f"Svar nummer {i}" for i in range(7, 12))


def _write(folder: str, worker: int) -> None:
    store = AnalysisStore(Path(folder))
    result = cache.analyse(REQUESTS[0])
    try:
        for i in range(40):
            store.put_many({Request(f"Prosess {worker} svar {i}", None, "nb", (), (), "nb"): result})
    finally:
        store.close()


def test_two_processes_share_the_store(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    workers = [context.Process(target=_write, args=(str(tmp_path), n)) for n in (1, 2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    store = AnalysisStore(tmp_path)
    try:
        kept = store.get_many([Request(f"Prosess {n} svar {i}", None, "nb", (), (), "nb")
                               for n in (1, 2) for i in range(40)])
    finally:
        store.close()
    assert len(kept) == 80
