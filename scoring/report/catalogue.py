"""The report's fixed labels in bokmål and English.

Findings carry their own text (written by the scorers in the drill's language); this
catalogue only holds headings, column names and chart captions.
"""

from __future__ import annotations

_LABELS: dict[str, tuple[str, str]] = {
    "report_title": ("Evalueringsrapport", "After-action report"),
    "total": ("Totalt", "Total"),
    "grade": ("Vurdering", "Grade"),
    "dimension": ("Område", "Dimension"),
    "score": ("Poeng", "Score"),
    "weight": ("Vekt", "Weight"),
    "summary": ("Sammendrag", "Summary"),
    "top_findings": ("Viktigste funn", "Top findings"),
    "strengths": ("Styrker", "Strengths"),
    "improvements": ("Forbedringsområder", "Areas for improvement"),
    "actions": ("Tiltak", "Corrective actions"),
    "timeline": ("Tidslinje", "Timeline"),
    "charts": ("Diagrammer", "Charts"),
    "findings_all": ("Alle funn per område", "All findings by dimension"),
    "moderation_decisions": ("Sletting og skjuling som bør gjennomgås", "Removals to review"),
    "wrongful": ("Fjernet uten grunn", "Removed without reason"),
    "missed": ("Burde vært fjernet", "Should have been removed"),
    "rule": ("Regel", "Rule"),
    "source": ("Kilde", "Source"),
    "points": ("Poeng", "Points"),
    "what": ("Hva skjedde", "What happened"),
    "recommendation": ("Anbefaling", "Recommendation"),
    "items": ("Gjelder", "Items"),
    "time": ("Tid", "Time"),
    "event": ("Hendelse", "Event"),
    "who": ("Hvem", "Who"),
    "text": ("Tekst", "Text"),
    "scenario": ("Scenario", "Scenario"),
    "municipality": ("Kommune", "Municipality"),
    "started": ("Start", "Started"),
    "seed": ("Frø", "Seed"),
    "team": ("Team", "Team"),
    "not_scored": ("ikke vurdert", "not scored"),
    "chart_scores": ("Poeng per område (0–100)", "Score per dimension (0–100)"),
    "chart_response": ("Tid til første svar mot målet", "Time to first response against the target"),
    "chart_volume": ("Kommentarer og svar per 5 minutter", "Comments and replies per 5 minutes"),
    "chart_reach": ("Ryktenes rekkevidde og rettelsen", "Rumour reach and the correction"),
    "legend_within": ("innen målet", "within target"),
    "legend_late": ("for sent", "late"),
    "legend_never": ("aldri besvart", "never answered"),
    "legend_target": ("mål", "target"),
    "legend_never_short": ("aldri", "never"),
    "legend_comments": ("kommentarer", "comments"),
    "legend_replies": ("svar fra teamet", "team replies"),
    "legend_actual": ("faktisk rekkevidde", "actual reach"),
    "legend_without": ("uten rettelse", "without correction"),
    "legend_earlier": ("med tidligere rettelse", "with an earlier correction"),
    "legend_correction": ("rettelse", "correction"),
    "legend_correction_reach": ("rettelsens rekkevidde", "correction's reach"),
    "minutes": ("minutter", "minutes"),
    "people": ("personer", "people"),
    "compare": ("Sammenligning med en annen økt", "Comparison with another session"),
    "this_session": ("Denne økten", "This session"),
    "other_session": ("Den andre økten", "Other session"),
    "change": ("Endring", "Change"),
    "resolved": ("Rettet siden den andre økten", "Fixed since the other session"),
    "new_issues": ("Nye forbedringsområder", "New areas for improvement"),
    "kind_item": ("Innlegg", "Comment"),
    "kind_message": ("Melding", "Message"),
    "kind_reply": ("Svar", "Reply"),
    "kind_post": ("Offisielt innlegg", "Official post"),
    "kind_hidden": ("Skjult", "Hidden"),
    "kind_deleted": ("Slettet", "Deleted"),
    "kind_restored": ("Gjenopprettet", "Restored"),
    "kind_archived": ("Arkivert", "Archived"),
    "kind_trigger": ("Utløst", "Trigger fired"),
    "kind_handover": ("Vaktskifte", "Handover"),
    "kind_liked": ("Likt", "Liked"),
    "kind_note": ("Observatørnotat", "Observer note"),
    "timeline_note": ("Tidslinjen viser innspill, offisielle innlegg, svar på dem, all moderering og "
                      "observatørenes notater; genererte "
                      "kommentarer og svar på dem vises i volumdiagrammet.",
                      "The timeline shows injects, official posts, replies to them, all moderation and the observers' "
                      "notes; generated "
                      "comments and replies to them appear in the volume chart."),
    "reach_absent": ("Spredningsmodellen registrerte ingen rekkevidde i denne økten.",
                     "The spread model recorded no reach in this session."),
    "score_note": ("Hvert område får 0–100 poeng; poengene ved hvert funn viser hvor mye det trakk opp eller ned "
                   "fra midtpunktet 50. Kildene er oppgitt ærlig: «GP» betyr generell god praksis uten skriftlig kilde.",
                   "Each dimension scores 0–100; the points of each finding show how much it moved the score up or "
                   "down from the midpoint 50. Sources are given honestly: “GP” means general good practice with no "
                   "written source."),
    "generated_from": ("Laget fra øktfilen", "Made from the session file"),
    "none": ("Ingen.", "None."),
    "ks_note": ("Standarden er KS' Veikart for sosiale medier i kommunesektoren (2012) og annen norsk veiledning.",
                "The standard is KS's Veikart for sosiale medier i kommunesektoren (2012) and related Norwegian "
                "guidance."),
}


def label(key: str, lang: str) -> str:
    nb, en = _LABELS[key]
    return en if lang == "en" else nb


def keys() -> list[str]:
    return list(_LABELS)
