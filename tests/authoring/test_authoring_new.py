"""`drill new`: every kind and language gives a file that validates without a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.scaffold import schema_reference


KINDS = ("crisis", "reputation", "everyday")
LANGUAGES = ("nb", "en")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_new_scenario_validates_clean_and_strict(cli, tmp_path: Path, kind: str, language: str):
    target = tmp_path / f"ny-{kind}.yaml"
    code, out, err = cli("new", "--kind", kind, "--lang", language, str(target))
    assert code == 0, err
    assert f"{target} (" in out and ("Created" in out if language == "en" else "Opprettet" in out)
    code, out, err = cli("validate", "--strict", str(target))
    assert code == 0, err
    assert err == ""
    scenario = load_scenario(target).scenario
    assert scenario.kind.value == kind
    assert scenario.language.value == language
    assert scenario.id == f"ny-{kind}"


@pytest.mark.parametrize("kind", KINDS)
def test_new_scenario_plays_headless(cli, tmp_path: Path, kind: str):
    target = tmp_path / "ovelse.yaml"
    cli("new", "--kind", kind, str(target))
    code, out, err = cli("run", str(target), "--out", str(tmp_path / "s.db"))
    assert code == 0, err
    assert "Items posted:" in out


def test_comments_follow_the_language(cli, tmp_path: Path):
    cli("new", str(tmp_path / "nb.yaml"))
    cli("new", "--lang", "en", str(tmp_path / "en.yaml"))
    norwegian = (tmp_path / "nb.yaml").read_text(encoding="utf-8")
    english = (tmp_path / "en.yaml").read_text(encoding="utf-8")
    assert "# --- Innspill: det som skjer, og når" in norwegian
    assert "# --- Injects: what happens, and when" in english
    for section in ("injects:", "streams:", "triggers:", "expectations:", "labels:"):
        assert section in norwegian and section in english


def test_every_section_is_explained(tmp_path: Path, cli):
    cli("new", str(tmp_path / "x.yaml"))
    text = (tmp_path / "x.yaml").read_text(encoding="utf-8")
    for explained in ("# kort navn", "etiketter (labels)", "# --- Strømmer", "# --- Triggere", "# --- Forventninger"):
        assert explained in text


def test_new_refuses_to_overwrite(cli, tmp_path: Path):
    target = tmp_path / "mine.yaml"
    target.write_text("my own work\n", encoding="utf-8")
    code, out, err = cli("new", str(target))
    assert code == 2
    assert err == f"drill: {target}: the file exists; drill new never replaces a file. Choose another name.\n"
    assert target.read_text(encoding="utf-8") == "my own work\n"


def test_new_adds_yaml_suffix_and_reports_a_missing_folder(cli, tmp_path: Path):
    code, _, _ = cli("new", str(tmp_path / "utkast"))
    assert code == 0
    assert (tmp_path / "utkast.yaml").exists()
    code, _, err = cli("new", str(tmp_path / "nowhere" / "x.yaml"))
    assert code == 2
    assert "no such folder" in err


def test_schema_line_points_at_a_schema_that_exists(cli, tmp_path: Path):
    target = tmp_path / "outside.yaml"
    cli("new", str(target))
    first = target.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    reference = first[len(prefix):]
    # Outside drill's own folders the schema's published name, beside the file: no machine's path.
    assert reference == "schema.json"
    code, out, _ = cli("schema")
    assert code == 0
    (target.parent / reference).write_text(out, encoding="utf-8")
    assert (target.parent / reference).read_text(encoding="utf-8") == (shipped_dir() / "schema.json").read_text(encoding="utf-8")


def test_new_says_how_to_put_the_schema_beside_a_file_outside_drill(cli, tmp_path: Path):
    code, out, _ = cli("new", "--lang", "en", str(tmp_path / "x.yaml"))
    assert code == 0
    assert f"schema > {tmp_path / 'schema.json'}" in out


def test_schema_reference_beside_inside_and_outside_the_library(tmp_path: Path):
    schema = (shipped_dir() / "schema.json").resolve()
    assert schema.exists()
    assert schema_reference(shipped_dir() / "new-one.yaml") == "schema.json"
    inside = shipped_dir().parent / "my-drafts" / "draft.yaml"
    reference = schema_reference(inside)
    if shipped_dir().name == "_shipped_scenarios":
        assert Path(reference) == schema
    else:
        assert not Path(reference).is_absolute()
        assert (inside.parent / reference).resolve() == schema
    assert schema_reference(tmp_path / "elsewhere.yaml") == "schema.json"


def test_custom_schema_reference(cli, tmp_path: Path):
    target = tmp_path / "x.yaml"
    cli("new", "--schema", "https://example.org/drill-schema.json", str(target))
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=https://example.org/drill-schema.json\n"
    )
