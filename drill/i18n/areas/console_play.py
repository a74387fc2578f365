"""The console's words for playing under pressure: the strip of what just arrived, and the
one-key answer that points a waiting row to the latest official update."""

TEXTS: dict[str, dict[str, str]] = {
    "nb": {
        "play.debrief_needed": "Trengte svar",
        "play.debrief_needed_value": "{needed}: {answered} har fått svar, {waiting} venter (som i konsollen)",
        "play.debrief_score_note": "Poengsummen over teller bare svar som svarer på det som ble spurt om, lar innlegg som med rette ble fjernet, være ute, og teller med det som var planlagt for tid som ikke ble spilt; derfor kan tallene der avvike fra konsollens.",
        "play.news_none": "Nye henvendelser og reaksjoner vises her.",
        "play.reactions": "Reaksjoner: {list}",
        "play.key_point": "Pek til siste",
        "play.pointed": "Pekt til oppdateringen kl. {time} ({n} svar)",
        "play.no_post": "Publiser en offisiell oppdatering først (o), så kan du peke til den.",
        "play.legend_point": "L svarer den valgte raden – alle i en gruppe – med en signert lenke til siste offisielle oppdatering, uten dialog. Neste rad som venter, blir valgt.",
    },
    "nn": {
        "play.debrief_needed": "Trong svar",
        "play.debrief_needed_value": "{needed}: {answered} har fått svar, {waiting} ventar (som i konsollen)",
        "play.debrief_score_note": "Poengsummen over tel berre svar som svarar på det som vart spurt om, held innlegg som med rette vart fjerna, utanfor, og tel med det som var planlagt for tid som ikkje vart spelt; difor kan tala der avvike frå konsollen sine.",
        "play.news_none": "Nye førespurnader og reaksjonar blir viste her.",
        "play.reactions": "Reaksjonar: {list}",
        "play.key_point": "Peik til siste",
        "play.pointed": "Peikte til oppdateringa kl. {time} ({n} svar)",
        "play.no_post": "Publiser ei offisiell oppdatering først (o), så kan du peike til henne.",
        "play.legend_point": "L svarar den valde rada – alle i ei gruppe – med ei signert lenkje til siste offisielle oppdatering, utan dialog. Neste rad som ventar, blir vald.",
    },
    "en": {
        "play.debrief_needed": "Needed an answer",
        "play.debrief_needed_value": "{needed}: {answered} answered, {waiting} waiting (as in the console)",
        "play.debrief_score_note": "The score above counts only replies that address what was asked, leaves out items rightly removed, and counts what was planned for time not played; so its figures can differ from the console's.",
        "play.news_none": "New calls, messages and reactions show here.",
        "play.reactions": "Reactions: {list}",
        "play.key_point": "Point to latest",
        "play.pointed": "Pointed to the {time} update ({n} replies)",
        "play.no_post": "Publish an official update first (o); then you can point to it.",
        "play.legend_point": "L answers the selected row (everyone in a group) with a signed link to the latest official update, without a dialog. The next waiting row is selected.",
    },
}
