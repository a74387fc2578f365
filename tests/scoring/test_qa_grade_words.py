"""The grade line a person reads names the critical finding by its title, never by a rule id."""

from __future__ import annotations

import pytest

from scoring.models import Finding
from scoring.scorer import grade_for


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_grade_line_names_the_capping_finding_without_its_rule_id(lang: str) -> None:
    worst = Finding(rule="M2", dimension="moderation", title="Å slette ren kritikk svekker tilliten.",
                    verdict="improvement", severity="critical", points=-20, what="", recommendation="",
                    action="", source="GP")
    grade = grade_for(40, lang, capped_by=worst)
    assert "Å slette ren kritikk svekker tilliten" in grade.description
    assert "M2" not in grade.description
    assert grade.capped_by == "M2"  # the id stays in the data, for the JSON report
