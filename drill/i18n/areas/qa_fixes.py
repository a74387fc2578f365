"""Words added when a walk through drill as its users found a sentence that said too little or
too much: here, a rumour corrected before it could spread further."""

TEXTS: dict[str, dict[str, str]] = {
    "nb": {
        "qa_fixes.rumour_corrected_in_time": "rettet kl. {time}, før det rakk å spre seg videre",
    },
    "nn": {
        "qa_fixes.rumour_corrected_in_time": "retta kl. {time}, før det rakk å spreie seg vidare",
    },
    "en": {
        "qa_fixes.rumour_corrected_in_time": "corrected at {time}, before it could spread further",
    },
}
