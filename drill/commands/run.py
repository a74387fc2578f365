"""`drill run SCENARIO --team TEAM.yaml`: play a whole drill headless, at once.

Used to test scenarios, to demonstrate good and poor practice, and in CI. The session file
it writes can be scored, reported, exported and replayed like any other.
"""

from __future__ import annotations

import argparse
import re
import time
from datetime import datetime
from pathlib import Path

from drill.commands._parser import help_text
from drill.history.cache import score_and_record
from drill.i18n import number, t
from drill.live import LiveDrill
from drill.refusals import explain
from drill.scenario import load_scenario
from drill.scenario.durations import clock_label, story_clock
from drill.scenario.library import resolve_scenario, resolve_team_script
from drill.summary import DrillSummary, items_in_words, summarise
from drill.team import load_team_script, run_team

DEFAULT_SEED = 1


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help=help_text("cli.help.run"))
    parser.add_argument("scenario", metavar=t("cli.metavar.scenario"), help=help_text("cli.help.scenario_named"))
    parser.add_argument("--team", metavar=t("cli.metavar.team"), help=help_text("cli.help.run.team"))
    parser.add_argument("--out", metavar=t("cli.metavar.session"), help=help_text("cli.help.session_out"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar=t("cli.metavar.variant"),
                        help=help_text("cli.help.seed", seed=DEFAULT_SEED))
    parser.add_argument("--overwrite", action="store_true", help=help_text("cli.help.run.overwrite"))
    parser.add_argument("--team-name", metavar=t("cli.metavar.name"), help=help_text("cli.help.run.team_name"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_scenario(resolve_scenario(args.scenario))
    scenario = loaded.scenario
    script = None
    if args.team:
        script = load_team_script(resolve_team_script(args.team, scenario.id), scenario)
    out = Path(args.out) if args.out else default_session_path(scenario.id, args.seed)
    started = time.perf_counter()
    drill = LiveDrill.create(loaded, out, args.seed, overwrite=args.overwrite)
    try:
        if args.team_name:
            drill.store.record_team_name(args.team_name)
        report = run_team(drill, script)
        events = list(drill.engine.events)
        quotes = {item_id: item.text for item_id, item in drill.state.items.items()}
        quotes |= {post.post_id: post.text for post in drill.state.official_posts}
        quotes |= {reply.reply_id: reply.text for reply in drill.state.replies.values()}
    finally:
        drill.close()
    score_and_record(out, scenario, events)
    elapsed = time.perf_counter() - started
    if script:
        print(t("cli.run.heading_team", title=scenario.title, seed=args.seed, team=script.name))
    else:
        print(t("cli.run.heading_no_team", title=scenario.title, seed=args.seed))
    rows = summary_rows(summarise(events), quotes, scenario.starts)
    rows.append((t("cli.run.session"), t("cli.run.session_value", path=out, seconds=number(round(elapsed, 2)))))
    width = max(len(label) for label, _ in rows if label) + 2
    for label, value in rows:
        print("  " + (f"{label + ':':<{width}}{value}" if label else value))
    if report.skipped:
        print("  " + t("cli.run.skipped", n=len(report.skipped)))
        for skipped in report.skipped[:10]:
            about = f" ({short_quote(quotes.get(skipped.item_id, ''))})" if skipped.item_id else ""
            print(f"    - {script_place(skipped.where)}{about}: {explain(skipped.refusal)}")
    return 0


def short_quote(text: str) -> str:
    """An item named the way a person recognises it: the start of its text, in quotes."""
    flat = " ".join(text.split())
    return t("summary.quote", text=flat if len(flat) <= 40 else flat[:39].rstrip() + "…")


def script_place(where: str) -> str:
    """`actions[8]` as a trainer counts it in the team script: "action 9", "policy 3"."""
    match = re.fullmatch(r"(actions|policies)\[(\d+)\]", where)
    return t(f"cli.run.where.{match.group(1)}", n=int(match.group(2)) + 1) if match else where


def summary_rows(summary: DrillSummary, quotes: dict[str, str], starts: datetime) -> list[tuple[str, str]]:
    """The run's account as (label, value) rows; a row without a label is a sentence of its own.

    Items are named by a short quote of their text, never by their id; moments by the story's clock.
    """
    def quote(item_id: str) -> str:
        return short_quote(quotes.get(item_id, ""))

    rows = [
        (t("cli.summary.time"), clock_label(summary.minutes * 60)),
        (t("cli.summary.items"), items_in_words(summary)),
        (t("cli.summary.replies"), t("cli.summary.replies_value", n=number(summary.replies),
                                     unanswered=number(summary.unanswered))),
        (t("cli.summary.posts"), number(summary.official_posts)),
        (t("cli.summary.removed"), f"{number(summary.hidden)} / {number(summary.deleted)}"),
        (t("cli.summary.archived"), number(summary.archived)),
        (t("cli.summary.handovers"), number(summary.handovers)),
        # By number, as the app's debrief: a reaction's id is the scenario author's word, not the team's.
        (t("cli.summary.triggers"), number(len(summary.triggers)) if summary.triggers else t("cli.summary.none")),
    ]
    if summary.reach:
        top = "; ".join(f"{quote(item)} {number(people)}" for item, people in list(summary.reach.items())[:5])
        rows.append((t("cli.summary.reach"), top))
    for rumour in sorted(summary.rumours, key=lambda r: -r.without_correction):
        if rumour.corrected_at is None:
            effect = t("cli.summary.never_corrected", minutes=number(round(rumour.earlier_by / 60)),
                       earlier=number(rumour.with_earlier_correction))
        elif rumour.without_correction <= rumour.actual:  # nothing left to keep from it: no "kept 0 people"
            effect = t("qa_fixes.rumour_correction_kept_nobody", time=story_clock(starts, rumour.corrected_at))
        else:
            effect = t("cli.summary.corrected", time=story_clock(starts, rumour.corrected_at),
                       without=number(rumour.without_correction),
                       saved=number(rumour.without_correction - rumour.actual))
        rows.append(("", t("cli.summary.rumour", quote=quote(rumour.item_id), actual=number(rumour.actual),
                           effect=effect)))
    rows.append((t("cli.summary.events"), number(summary.events)))
    return rows


def default_session_path(scenario_id: str, seed: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path("sessions") / f"{scenario_id}-seed{seed}-{stamp}.db"
