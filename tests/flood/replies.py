"""The team's replies the crowd tests answer the gas drill's school question with, in one place."""

# Good by the rubric, not by a hair: it thanks, meets the worry, answers the question and says what comes next.
# (A reply with none of the empathy once stood in, at a score the analyser's retraining moved from good to poor.)
GOOD = ("Hei, og takk for at du spør – vi skjønner at du er bekymret. Torget skole ligger utenfor sperringen, "
        "og skolen blir ikke evakuert nå. Skolen sender melding til foreldrene innen klokka 13. "
        "Hilsen Kari, kommunikasjonsavdelingen")
