"""Words added when a walk through drill as its users found a sentence that said too little or
too much: here, a rumour whose correction kept nobody from it (corrected before it could spread,
or after it had reached everyone it would): the summary says only what the simulation shows."""

TEXTS: dict[str, dict[str, str]] = {
    "nb": {
        "qa_fixes.rumour_correction_kept_nobody": "rettet kl. {time}; uten rettingen hadde det ikke nådd flere",
    },
    "nn": {
        "qa_fixes.rumour_correction_kept_nobody": "retta kl. {time}; utan rettinga hadde det ikkje nådd fleire",
    },
    "en": {
        "qa_fixes.rumour_correction_kept_nobody": "corrected at {time}; without the correction it would have reached no one more",
    },
}
