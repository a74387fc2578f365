"""`drill tone --eval`: a trainer's check of the analyser on labelled replies, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drill.cli import main
from scoring.tone.evaluation import Scored, LabelledReply, auc

RECORDS = [
    {"id": "t-nb-1", "language": "nb", "department": "helse og omsorg", "context": "Hvorfor kom ingen til mora mi?",
     "reply": "Så leit å høre. Vi kan ikke kommentere enkeltsaker her, men ring oss på servicetorget, så hjelper vi deg.",
     "label": "good", "flags": [], "note": "declines and refers"},
    {"id": "t-nb-2", "language": "nb", "department": "helse og omsorg", "context": None,
     "reply": "Kari Dahl har demens og får hjemmesykepleie to ganger om dagen.",
     "label": "bad", "flags": ["privacy"], "note": "health and care service of a named person"},
    {"id": "t-nn-1", "language": "nn", "department": "teknisk", "context": "Vegen er full av hol!",
     "reply": "Det er ikkje vårt ansvar. Spør fylket.", "label": "bad", "flags": ["defensive"], "note": "blame"},
    {"id": "t-en-1", "language": "en", "department": "roads", "context": None,
     "reply": "Thanks for letting us know. We are looking into it and will post an update at 3 pm.",
     "label": "good", "flags": [], "note": "fine"},
    {"id": "t-en-2", "language": "en", "department": "roads", "context": None,
     "reply": "Thanks for the insightful comment 🙄", "label": "bad", "flags": ["sarcasm"], "note": "sarcasm"},
]


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _good_file(tmp_path: Path) -> Path:
    return _write(tmp_path, [json.dumps(r, ensure_ascii=False) for r in RECORDS])


def test_text_report_names_counts_auc_flags_and_misses(tmp_path, capsys) -> None:
    path = _good_file(tmp_path)
    code = main(["tone", "--eval", str(path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "AUC" in out and "precision" in out and "recall" in out
    for language in ("bokmål", "nynorsk", "English"):
        assert f"  {language} " in out
    assert "privacy" in out and "good replies flagged for privacy" in out
    assert "Bad replies scored highest" in out and "t-en-2" in out
    # The privacy targets hold per language, so each language's two figures stand apart.
    assert "  bokmål: 1 of 1 found (100 %); 0 of 1 good replies flagged (0 %)." in out
    assert "  nynorsk: 0 of 0 found (-); 0 of 0 good replies flagged (-)." in out


def test_text_report_speaks_the_command_language(tmp_path, capsys) -> None:
    path = _good_file(tmp_path)
    assert main(["--lang", "nn", "tone", "--eval", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Tonevurderinga prøvd på" in out and "  bokmål " in out and "  nynorsk " in out
    assert "gode svar vart merkte for personvern" in out and "Dårlege svar med høgast poeng:" in out
    assert "  bokmål: 1 av 1 funne (100 %); 0 av 1 gode svar merkte (0 %)." in out
    assert "privacy" not in out and "Bad replies" not in out


def test_json_report_is_machine_readable(tmp_path, capsys) -> None:
    path = _good_file(tmp_path)
    code = main(["tone", "--eval", str(path), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["replies"] == len(RECORDS)
    assert report["counts"]["nn"] == {"good": 0, "bad": 1}
    assert report["auc"]["all"] == 1.0
    assert report["flags"]["privacy"]["recall"] == 1.0
    assert report["flags"]["sarcasm"]["true_positives"] == 1
    assert report["privacy"]["good_flagged"] == 0
    assert report["privacy"]["by_language"]["nb"] == {
        "found": 1, "total": 1, "recall": 1.0, "good_flagged": 0, "good_total": 1, "good_flagged_rate": 0.0}
    assert report["privacy"]["by_language"]["en"]["total"] == 0
    ids = {item["id"] for item in report["worst"]["bad_scored_highest"]}
    assert ids == {"t-nb-2", "t-nn-1", "t-en-2"}


@pytest.mark.parametrize(
    "line,expected",
    [
        ("{not json", ":1: json: not valid JSON (error at column 2)"),
        ('{"id": "x", "language": "nb", "reply": "Hei", "label": "good"}', ":1: flags: missing"),
        ('{"id": "x", "language": "sv", "reply": "Hej", "label": "good", "flags": []}', ":1: language: must be one of"),
        ('{"id": "x", "language": "nb", "reply": "Hei", "label": "ok", "flags": []}', ":1: label: must be one of"),
        ('{"id": "x", "language": "nb", "reply": "Hei", "label": "bad", "flags": ["rude"]}', ":1: flags: unknown flag 'rude'"),
        ('{"id": "x", "language": "nb", "reply": "", "label": "bad", "flags": []}', ":1: reply: must be a non-empty string"),
        ('[1, 2]', ":1: record: expected a JSON object"),
    ],
)
def test_bad_input_is_a_clear_error_with_exit_2(tmp_path, capsys, line: str, expected: str) -> None:
    path = _write(tmp_path, [line])
    code = main(["tone", "--eval", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"drill: {path}{expected}")
    assert "Traceback" not in err


def test_duplicate_ids_and_every_problem_reported(tmp_path, capsys) -> None:
    first = json.dumps(RECORDS[0], ensure_ascii=False)
    path = _write(tmp_path, [first, "", first, '{"id": 3}'])
    code = main(["tone", "--eval", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"drill: {path}:3: id: 't-nb-1' is already used on line 1" in err
    assert f"drill: {path}:4: language: missing" in err


def test_the_problems_left_unshown_are_counted_in_the_right_number(tmp_path, capsys) -> None:
    """Twenty problems are shown; the one after them is 'one more problem', not 'problems'."""
    no_language = {key: value for key, value in RECORDS[0].items() if key != "language"}
    path = _write(tmp_path, [json.dumps({**no_language, "id": f"t{n}"}, ensure_ascii=False) for n in range(21)])
    assert main(["tone", "--eval", str(path), "--lang", "en"]) == 2
    assert f"{path}: ... and 1 more problem\n" in capsys.readouterr().err


def test_missing_file_is_a_user_error(tmp_path, capsys) -> None:
    code = main(["tone", "--eval", str(tmp_path / "nope.jsonl")])
    err = capsys.readouterr().err
    assert code == 2 and "the file does not exist" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "language,expected",
    [
        ("nb", [":1: flags: mangler", ":2: json: ikke gyldig JSON (feil i kolonne 1)", ":3: label: må være en av"]),
        ("nn", [":1: flags: manglar", ":2: json: ikkje gyldig JSON (feil i kolonne 1)", ":3: label: må vere ein av"]),
    ],
)
def test_a_norwegian_screen_reads_the_problems_in_norwegian(tmp_path, capsys, language: str,
                                                            expected: list[str]) -> None:
    """A trainer checking the analyser on their own file reads what is wrong in their language;
    only the file's own keys (flags, label) stay as written."""
    path = _write(tmp_path, ['{"id": "a", "language": "nb", "reply": "Hei", "label": "good"}', "ikke json",
                             '{"id": "b", "language": "nb", "reply": "Hei", "label": "ok", "flags": []}'])
    assert main(["tone", "--eval", str(path), "--lang", language]) == 2
    err = capsys.readouterr().err
    for line in expected:
        assert f"drill: {path}{line}" in err
    assert "missing" not in err and "must be" not in err and "not valid" not in err
    assert main(["tone", "--eval", str(tmp_path / "nei.jsonl"), "--lang", language]) == 2
    assert ("finnes ikke" if language == "nb" else "finst ikkje") in capsys.readouterr().err


def test_auc_counts_ties_as_half() -> None:
    def s(label: str, score: int) -> Scored:
        item = LabelledReply(id=f"{label}{score}", language="nb", reply="x", label=label, flags=frozenset())
        return Scored(item, score, frozenset(), ())

    assert auc([s("good", 80), s("bad", 20)]) == 1.0
    assert auc([s("good", 20), s("bad", 80)]) == 0.0
    assert auc([s("good", 50), s("bad", 50)]) == 0.5
    assert auc([s("good", 90), s("good", 50), s("bad", 50), s("bad", 10)]) == pytest.approx(0.875)
    assert auc([s("good", 90)]) is None
