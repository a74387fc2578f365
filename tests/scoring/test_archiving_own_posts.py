"""A2 for the team's own posts: the page's publication is archived as a rule (DIFI).

Hand-written sessions: marking a post earns what marking an archive-worthy dialogue earns, an
unmarked post is a minor gap named in plain words, and a team that posts often is not scored
mostly on its posts.
"""

from __future__ import annotations

from scoring import score

SIGNED = " Hilsen Kari, kommunikasjonsavdelingen"
WORTHY = "Jeg krever erstatning for kjøleskapet som gikk i stykker under strømbruddet."


def _archiving(report):
    return next(d for d in report.dimensions if d.dimension == "archiving")


def _posts_finding(report):
    found = [f for f in report.findings if f.rule == "A2" and f.metrics.get("posts")]
    assert len(found) == 1, [(f.rule, f.metrics) for f in report.findings]
    return found[0]


def _drill(session, posts: int, worthy: int, *, marked_posts: int, marked_worthy: int, language: str = "nb"):
    builder = session(language=language)
    for n in range(worthy):
        builder.item(f"w{n}", n, WORTHY, kind="complaint", archive_worthy=True)
    for n in range(posts):
        builder.post(10 + n, f"Oppdatering {n + 1}: vi jobber med saken." + SIGNED)
    for n in range(marked_worthy):
        builder.archive(f"w{n}", 30 + n)
    for n in range(marked_posts):
        builder.archive(f"p{n + 1:03d}", 40 + n, post=True)
    return builder.end(60)


def test_a_marked_post_earns_what_a_marked_dialogue_earns(scenario, session):
    setting = scenario(kind="everyday", duration="1h")
    both = score(setting, _drill(session, 1, 1, marked_posts=1, marked_worthy=1))
    assert _archiving(both).score == 100
    assert _posts_finding(both).verdict == "strength"
    # One dialogue and one post, one of them marked: the same score whichever it was.
    post_only = _archiving(score(setting, _drill(session, 1, 1, marked_posts=1, marked_worthy=0))).score
    dialogue_only = _archiving(score(setting, _drill(session, 1, 1, marked_posts=0, marked_worthy=1))).score
    assert post_only is not None and dialogue_only is not None
    assert dialogue_only > post_only > 0


def test_unmarked_posts_are_a_minor_gap_named_in_plain_words(scenario, session):
    setting = scenario(kind="everyday", duration="1h")
    for language, words in (("nb", "publisering"), ("nn", "publisering"), ("en", "publication")):
        report = score(setting, _drill(session, 2, 0, marked_posts=1, marked_worthy=0, language=language))
        finding = _posts_finding(report)
        assert finding.rule_score == 50 and finding.severity == "minor"
        assert words in finding.what and "1" in finding.what and "2" in finding.what
        assert [ref.id for ref in finding.items] == ["p002"]
        untouched = score(setting, _drill(session, 2, 0, marked_posts=0, marked_worthy=0, language=language))
        assert _posts_finding(untouched).severity == "minor", "a missed archive mark is never major for a post"


def test_many_posts_do_not_outweigh_the_dialogues_that_are_case_documents(scenario, session):
    setting = scenario(kind="everyday", duration="1h")
    # Five updates left unmarked, three case documents marked (A1 weighs 2, no routine mark: A2's
    # other measure 1): the posts weigh A2's 1, not five dialogues' worth.
    report = score(setting, _drill(session, 5, 3, marked_posts=0, marked_worthy=3))
    assert _archiving(report).score == round(100 * (2 + 1) / (2 + 1 + 1), 1)
    # One post among twenty case documents weighs what one of them weighs (2 / 20).
    report = score(setting, _drill(session, 1, 20, marked_posts=0, marked_worthy=20))
    assert _archiving(report).score == round(100 * (2 + 1) / (2 + 1 + 0.1), 1)


def test_marked_posts_are_not_counted_as_routine_marks(scenario, session):
    report = score(scenario(kind="everyday", duration="1h"), _drill(session, 3, 1, marked_posts=3, marked_worthy=1))
    routine = [f for f in report.findings if f.rule == "A2" and "routine" in f.metrics]
    assert [(f.metrics["marked"], f.metrics["routine"]) for f in routine] == [(1, 0)]
    assert _archiving(report).score == 100
