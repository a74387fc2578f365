"""Coverage names a pasted text only when it left comments unanswered.

A team's standard answer that answers every comment it stands under (a link, a phone number,
the subject) is answering once for many; the finding used to call it pasted all the same,
under a strength. A "Takk for innspill." under several different questions is still named.
"""

from __future__ import annotations

from drill.engine import actions as act
from drill.engine.engine import DrillEngine
from drill.scenario import load_scenario
from drill.scenario.library import shipped_dir
from drill.scenario.models import ItemKind
from scoring.context import ScoringContext
from scoring.dimensions.coverage import score_coverage

STANDARD = "Takk for at du sier fra. Alt kommunen vet, står på fjellvik.kommune.no/krise, og vi oppdaterer hver halvtime."
PASTED_NOTE = "Samme tekst ble limt inn under"


def c1_after_replying(text: str) -> tuple[str, int]:
    """C1's sentence after `text` went under four different waiting comments, and how many pastes were seen."""
    scenario = load_scenario(shipped_dir() / "gasslukt-torget.yaml").scenario
    engine = DrillEngine(scenario, 1)
    engine.start()
    engine.advance_to(60 * 60)
    kinds = (ItemKind.question, ItemKind.complaint)
    waiting = [i for i in engine.state.waiting() if i.labels.kind in kinds and not i.labels.false_claim]
    chosen = {i.text: i.item_id for i in waiting}  # four different texts
    assert len(chosen) >= 4
    for item_id in list(chosen.values())[:4]:
        engine.apply(act.Reply(item=item_id, text=text))
    ctx = ScoringContext(scenario, engine.events, "nb")
    c1 = score_coverage(ctx).results[0]
    assert c1.rule == "C1"
    return c1.what, len(ctx.pasted)


def test_a_standard_answer_that_answers_each_comment_is_not_named_as_pasted() -> None:
    what, seen = c1_after_replying(STANDARD)
    assert seen == 1, "the same text under different comments is still seen"
    assert PASTED_NOTE not in what, what


def test_a_pasted_thank_you_that_answers_nothing_is_named() -> None:
    what, _ = c1_after_replying("Takk for innspill.")
    assert PASTED_NOTE in what and "«Takk for innspill.»" in what, what
