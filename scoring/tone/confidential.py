"""The confidentiality detector: a sensitive matter said about a person who can be identified.

Taushetsplikt is broken by two things together, and a reviewer should be able to see both: a
*matter* covered by confidentiality (a care service, a diagnosis or injury, a benefit, child
welfare, a school decision, addiction, a criminal suspicion, a personnel matter, a decision in
someone's case) and a *reference* that points at one person (a name, "your neighbour", "the
84-year-old in the yellow house", "the boy in Solsikken kindergarten", "the employee in the
video"). Either alone is harmless: "hjemmetjenesten besøker alle brukere i området" names no
one, and "Kari, takk for at du sa fra" reveals nothing.

So the detector looks for the two parts in the same clause, within a window of words, and
reports the span from one to the other with both parts named. A clause that declines to
discuss the matter ("vi kan ikke kommentere personalsaker") or speaks in general or
hypothetical terms ("hvis barnet ditt trenger ...", "alle som har vedtak om ...") is skipped.
The word lists are data (`rules/confidential-<language>.yaml`); this module only combines them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from scoring.tone import privacy
from scoring.tone.literals import UNFOLDED, aligned
from scoring.tone.terms import TermIndex
from scoring.tone.matching import AnySearch, matches_at
from scoring.tone.ruleset import Confidentiality
from scoring.tone.text import YES_WORDS, AnalysedText, Sentence

Detail = dict[str, str]
# How many citizen comments' facts a matcher keeps (`_strong_in`), like the analysed replies.
KEPT_COMMENTS = 4096
# A capitalised word continuing a list of capitalised words ("Kleppanes, Hagevik og Nordstranda").
# The last line of a reply that is a first name and a department ("Tom, Revenues and Benefits",
# "Heidi, tildelingskontoret"): the writer signing, however the department is named.
SIGN_OFF_RE = re.compile(r"(?:[.!?]\s+|\n|\b(?i:hilsen|helsing|mvh|regards|wishes)\s+)\s*([A-ZÆØÅ][a-zæøåé]+(?:\s[A-ZÆØÅ][a-zæøåé]+)?\s*,\s*[\w&/ ()æøåÆØÅ-]{2,50}?)\s*$")
# A closing line that is a department alone, capitalised, after the last sentence ("Children's Services", "Benefits team").
DEPARTMENT_SIGN_OFF_RE = re.compile(r"(?:[.!?]\s+|\n)\s*((?:[A-Z][\w'’&-]*\s+){0,3}(?:[Tt]eam|[Ss]ervices?|[Dd]epartment|[Uu]nit|[Oo]ffice))\s*$")
# Offices the municipality sends residents to, named before their address.
OFFICES = (r"\bNAV(?:-kontoret)?(?:\s+[A-ZÆØÅ][\wæøå]+)?", "torget", "rådhuset", "rådhus", "biblioteket",
           "legekontoret", "helsestasjonen", "town hall", "library", "civic centre", "one stop shop")
# Words that open a reply before a name ("Ja, Ola ...", "Hi, Anna ...") without starting a list.
ANSWER_WORDS = frozenset({"ja", "nei", "jo", "hei", "hallo", "takk", "yes", "no", "hi", "hello", "thanks"})
# White space other than single spaces: the term index looks for a term's words one space apart.
UNEVEN_SPACE_RE = re.compile(r"[^\S ]|  ")
GREETING_BEFORE_RE = re.compile(r"\b(?:hei|hi|hello|hallo|dear|kjære)\s+$", re.IGNORECASE)
LIST_BEFORE_RE = re.compile(r"([A-ZÆØÅ][\wæøå-]+)(?:,|\s+og|\s+eller|\s+and|\s+or)\s+$")


# Elected officials and the municipality's chief executive, whose public duties are public.
ELECTED_RE = re.compile(r"\b(?:vara)?(?:ordføreren|ordføraren|ordfører|ordførar)\b|\b(?:rådmannen|kommunedirektøren|(?:the )?(?:deputy )?mayor|"
                        r"(?:the )?council leader|(?:the )?chief exec(?:utive)?)\b", re.IGNORECASE)


# Who says something ("Kommuneoverlege Hilde Brekke stadfestar at …", "Kari Dahl says …") is the
# source of what follows, not the person it is about.
SPEAKER_AFTER_RE = re.compile(r"(?:\s+(?-i:[A-ZÆØÅ])[\wæøå-]+){0,2},?\s+(?:stadfestar|stadfester|bekrefter|bekreftar|sier|seier|opplyser|opplyste|"
                              r"melder|meldte|understreker|understrekar|uttaler|uttalar|says|said|confirms|"
                              r"confirmed|reports|reported|states|stated)\s+(?:at|that)\b", re.IGNORECASE)
# A person named with the service's other staff or as one of them ("Vi skal hilse til Sigrid og hele
# hjemmetjenesten", "Anne Lise og resten av hjemmetjenesten", "Kari i heimetenesta"): a thank-you
# to someone at work, not care they receive. "Ola på sykehjemmet" lives there and is not this.
COLLEAGUES_GAP_RE = re.compile(r"^\s*(?:(?:og|and|&)\s+(?:hele|heile|resten av|alle (?:andre )?(?:i|på)|de andre i|dei andre i|"
                               r"the rest of|everyone (?:in|at)|all (?:of )?)|(?:i|fra|frå|in|from|at|on))\s*(?:the\s+)?$", re.IGNORECASE)
SERVICE_RE = re.compile(r"(?:tjenesten|tjenestene|tenesta|tenestene|sykepleien|sjukepleia|sjukepleien|team|service|services|nurses|carers|"
                        r"pleierne|pleiarane|terapeutene|terapeutane)$",
                        re.IGNORECASE)


# Someone who runs or works in a care service ("omsorgssjefen", "lederen", "de ansatte i
# hjemmetjenesten", "den ansatte har ikke jobbet på Haugen sykehjem"): the service is their
# workplace, not care they receive. Their own health or job (sick leave, a warning) is other kinds.
STAFF_RE = re.compile(r"(?:sjef|sjefen|leder|lederen|leiar|leiaren|rektor|rektoren|direktør|direktøren|rådmann|"
                      r"rådmannen|ordfører|ordføreren|ordføraren|manager|head|director|ansatt|ansatte|tilsett|tilsette|"
                      r"medarbeider|medarbeidere|medarbeidar|medarbeidarar|personalet|staff|employee|employees)$",
                      re.IGNORECASE)
# Who gives care ("A nurse from the allocation office then visits her", "sjukepleiaren kjem til
# henne"): care is their work, so the service is not a matter about them. Only for care: who had
# the watch, or a nurse's own sick leave, are told of them as of any employee.
CARER_RE = re.compile(r"(?:sykepleier|sykepleieren|sjukepleiar|sjukepleiaren|helsefagarbeider|helsefagarbeideren|"
                      r"helsefagarbeidar|helsefagarbeidaren|nurse|carer|caregiver|care worker|home help)$", re.IGNORECASE)
WORKPLACE_KINDS = frozenset({"care"})
# A manager named by the service they lead ("enhetslederen for hjemmetjenesten", "the manager
# of the day centre") is an office holder, and the service is not a matter about them.
LEADER_TITLES = r"leder|lederen|leiar|leiaren|sjef|sjefen|manager|coordinator|koordinator|koordinatoren"
LEADER_RE = re.compile(rf"(?:{LEADER_TITLES}|head)$", re.IGNORECASE)
# "ring enhetsleder for hjemmetjenesten, Siri Dahl", "demenskoordinator Hilde", "the home care manager, Jo Bell": a name right
# after a leader's or coordinator's title, with the service they lead between, is the contact person on the staff.
LEADER_NAMED_RE = re.compile(rf"(?:{LEADER_TITLES})"
                             r"(?:\s+(?:for|i|ved|på|of|at|in)\s+(?:the\s+)?[\wæøå-]+)?,?\s+$", re.IGNORECASE)
LEADER_NAMED_WINDOW = 60  # characters before the name where the title and its service may stand
UNIT_GAP_RE = re.compile(r"^\s+(?:for|i|ved|på|of|at|in|from)(?:\s+the)?\s+$", re.IGNORECASE)
# A comment that asks who, or whether someone ("Hvem har fått lus?", "Er det noen som har kikhoste?"):
# an answer that describes a person names them.
WHO_RE = re.compile(r"\b(?:hvem|kven|kem|who|whose|which (?:one|child|boy|girl|pupil|tenant|family)|noen|nokon|"
                    r"someone|somebody|anyone|anybody|en ungdom|ein ungdom|(?:han|hun|ho) som)\b", re.IGNORECASE)
# A comment that asks who someone was ("Who was the man killed …?", "Kven var det som vart skadd?"),
# and the references that describe a private person in the answer's first sentence.
WHO_ASKED_RE = re.compile(r"\b(?:who|whose|hvem|kven|kem)\b", re.IGNORECASE)
DESCRIBED_KINDS = frozenset({"age", "house", "address"})
# A comment whose question opens with "who" ("Kven hadde vakt?", "Eg les i avisa … Kven er det?"), not a
# "who" in a relative clause ("Thank you to Siri … who helped us"); and the references that point a
# person out as its answer, within the first words of the reply ("Det var røktaren frå Sørbø …").
WHO_QUESTION_RE = re.compile(r"(?:^|[.!?]\s+|\b(?:og|men|and|but|so|så)\s+)(?:who|whose|hvem|kven|kem)\b[^.!?]*\?", re.IGNORECASE)
POINTED_KINDS = DESCRIBED_KINDS | {"kin", "role", "name"}
# A "who" that asks whom to turn to, who decides or who is in charge ("Who do I call?", "Who's responsible for the
# roads?", "Kven kan eg snakke med?"): a route or a post, public. Any other "who" asks who did something or had something
# befall them ("Who was it that got hurt?", "Who opened the email?", "Kven var det som køyrde?").
ROUTE_WHO_RE = re.compile(r"\b(?:who|hvem|kven|kem)(?:'s|\s+is|\s+er)?(?:\s+(?:det\s+)?som|\s+it\s+that)?\s+(?:do|does|did|should|can|could|will|would|shall|to|"
                          r"kan|skal|må|bør|vil|ska|in charge|responsible|speaking|the contact|decides|pays|fixes|runs|"
                          r"bestemmer|bestemmar|bestemte|bestemde|decided|planned|avgjør|avgjer|betaler|betalar|har ansvaret|har ansvar|ringer|ringjer|"
                          r"ansvarlig|ansvarleg|eier|eig|eiger|owns|rydder|ryddar|clears|cleans|"
                          r"(?:i|we|you|they|jeg|eg|vi|me|du|dere|de)\b)", re.IGNORECASE)
# "Det var kårkallen på Øvre Hjell … Vi har takka han for innsatsen": who did a good turn, thanked.
THANKED_ANYWHERE_RE = re.compile(r"\b(?:takk\w*|thank(?!fully)\w*|grateful|takknem\w*)", re.IGNORECASE)
# A comment that says who did it ("Everyone is saying it was a supply teacher at Ashgrove who clicked the link", "Folk seier det
# var han på verkstaden som …") asks who as a "who?" does; an answer that first denies it ("It wasn't a supply teacher.")
# gives its own in the next sentence.
CLAIMED_WHO_RE = re.compile(r"\b(?:it was|it's|det var|det er)\s+(?:a|an|the|one|some|en|ein|ei|han|hun|ho)\b[^.!?]{1,50}?\s(?:who|som)\s+[\wæøå]+(?:ed|te|de|t)\b",
                            re.IGNORECASE)
DENIED_OPEN_RE = re.compile(r"\W*(?:it wasn't|it was not|it isn't|it is not|det var ikke|det var ikkje|det er ikke|det er ikkje)\b", re.IGNORECASE)
# "… but it was someone fairly senior in Finance", "… men det var ein av dei nye": the answer a refusal goes on to give.
BUT_CLEFT_RE = re.compile(r"\b(?:but|men)\s+(?:it|det)(?:'s|\s+was|\s+is|\s+var|\s+er)\s", re.IGNORECASE)
# "Our engineers", "Vår nye rektor": the municipality's own staff, not a private person pointed out.
OURS_BEFORE_RE = re.compile(r"\b(?:our|vår|vårt|våre)\s+$", re.IGNORECASE)
# A "who" about something done or that befell someone, in the past ("Who was it that got hurt?", "Who was the person who
# opened the email?", "Kven var det som køyrde?", "Hvem ble skadet?"), or who the one spoken of is ("Kven er det?"), not who
# looks after something now ("Hvem passer på barna?").
EVENT_WHO_RE = re.compile(r"\b(?:who|hvem|kven|kem)\s+(?:was|were|var|vart|ble|blei)\b|"
                          # "Kven er det?", "Kven er teknikaren?", "Who is it?": who the one the comment speaks of is.
                          r"\b(?:who|hvem|kven|kem)(?:'s|\s+is|\s+er)\s+(?:it|det|the\s+[\wæøå]+|[\wæøå]+(?:en|et|a|aren|ane|arane))\s*\?|"
                          r"\b(?:who|whose|hvem|kven|kem)\b(?:'s|\s+(?:was|were|is|er|var))?(?:\s+(?:it|det)(?:\s+(?:that|who|som))?|"
                          r"\s+the\s+[\wæøå]+\s+(?:who|that)|\s+som)?\s+(?:was|were|got|had|did|has been|have been|left|took|shot|"
                          r"found|broke|ran|drove|hit|made|sent|stole|let|fell|went|came|threw|set|var|vart|ble|blei|fikk|fekk|"
                          r"hadde|har vore|har vært|har blitt|har fått|har fenge|[a-zæøå]{2,}(?:ed|te|de))\b", re.IGNORECASE)
# "It wasn't anyone from the front desk - it was one of the newer support workers", "We won't name them but it was …":
# the answer opens again after a dash or a "but".
ANSWER_AGAIN_RE = re.compile(r"\s[–—-]\s|\b(?:but|men)\s", re.IGNORECASE)
ANSWER_LEAD_WORDS = 3
# What we know or can confirm, before the answer itself ("Vi vet at det var …", "We can confirm that it was …").
KNOWN_LEAD_RE = re.compile(r"\W*(?:vi|me|we)\s+(?:vet|veit|know|kan bekrefte|kan stadfeste|can confirm)\s+(?:at|that)\s+", re.IGNORECASE)
# A comment that asks whether something can be had ("Can my son get extra help?", "Kan mor få
# trygghetsalarm?"): a "yes" says it can, and confirms nothing about the person. Asking for a
# confirmation ("Kan dere bekrefte at …") is not this. "Er det mulig å låne rullestol på kaia?", "Er det mogleg å få besøke
# mormor?" ask the same.
# "Får vi besøke?", "Er det plass til henne på båten?", "Blir det fortsatt trim …?", "Er legevakta åpen i påsken?": a
# question about what may be done or what is open asks about the service, as "can" does.
CAN_ASKED_RE = re.compile(r"(?:^|[.!?]\s+)(?:can|could|kan|kunne|er det mulig|er det mogleg|går det an|is it possible|"
                          r"får (?:jeg|vi|eg|me)(?! (?:beskjed|vite|svar|melding|høre|informasjon|info)\b)|may (?:i|we)|er det plass|"
                          r"blir det|(?:er|is) (?:the )?[\wæøå-]+ (?:still |fortsatt |framleis )?(?:åpen|åpent|open|ope)\b)(?:\s+|(?=\?))(?!(?:you|dere|de|dykk|the council|kommunen)\s+"
                          r"(?:confirm|tell|say|bekrefte|stadfeste|si|seie|fortelle)\b)[^.!?]*\?", re.IGNORECASE)
# A yes or no with at most this many words in one sentence ("Ja, sidan kl. 07.", "Yes, 2 to 8pm.") is an answer and
# nothing more (`ConfidentialityMatcher.answer_tells_nobody`).
SHORT_ANSWER_WORDS = 6
# "Er det Kari på Haugen?", "Is it Pop – Reg from Banksia?": a question of who or which it is (not "er det sant at", "is
# it safe"), asked of anyone the words stand for.
IDENTITY_ASKED_RE = re.compile(r"(?:^|[.!?]\s+)\W*(?:er|var|is|was)\s+(?:det|it)\s+(?!(?:sant|riktig|rett|trygt|mulig|mogleg|"
                               r"lov|greit|true|right|safe|possible|okay|ok|allowed|still|open|ope|åpen|åpent|"
                               # "Er det vanlig skole i morgen?", "Er det fortsatt besøksstans?", "Is it busy at the hall?": how things are, not who.
                               r"vanlig|vanleg|normal|normalt|nødvendig|naudsynt|gratis|stengt|stengd|fullt|plass|mange|"
                               r"flere|fleire|folk|mye|mykje|lenge|langt|usual|necessary|free|closed|full|busy|"
                               r"going|worth|many|much|enough|far|long|fortsatt|framleis|fremdeles|ennå|enno)\b)",
                               re.IGNORECASE)
# A question the citizen asks about what they themselves may or must do ("Kan jeg bytte barnehage?", "Må vi koke
# vatnet?", "Can I still use the tap?"): a yes or no to it answers about their options, not about a third person.
ASKER_MAY_RE = re.compile(r"(?:^|[.!?]\s+)(?:kan|kunne|får|må|skal|bør|burde|can|could|may|must|should|do|shall)\s+"
                          r"(?:jeg|eg|vi|me|i|we)\b[^.!?]*\?", re.IGNORECASE)
# A sentence that wishes someone well ("God bedring med handleddet", "Vi håper armen gror fint", "glad to hear your
# mum is over the infection"), and the matters it names of them; a comment in the first person, singular or plural.
WISH_RE = re.compile(r"\b(?:god bedring|håper|håpar|hope|hoping|get well|glad for at|glade for at|glad to hear|glad that|"
                     r"pleased to hear|pleased that|good to hear|godt å høre|kjekt å høyre|congratulations|gratulerer|gratulerar|"
                     r"great news|good news|gode nyheter|gode nyhende)\b", re.IGNORECASE)
WISHED_KINDS = frozenset({"health", "case_decision", "school"})
# In the answer to thanks, what else the one who thanked came through: addiction, benefits, child welfare.
THANKED_KINDS = WISHED_KINDS | {"addiction", "benefits", "child_welfare"}
# The thanks passed on to those who work there ("til de ansatte på NAV Lien"): the service is their workplace.
WORKERS_RE = re.compile(r"\b(?:ansatte|tilsette|staff|employees|colleagues|kolleg\w*|medarbeidere|medarbeidarar)\b", re.IGNORECASE)
# The reader spoken to ("du", "your"): in the answer to thanks, the one who thanked.
READER_RE = re.compile(r"\b(?:du|deg|din|di|ditt|dine|you|your|you're|you've)\b", re.IGNORECASE)
# A comment in the first person plural about the writers' own household ("Kan de hjelpe oss …", "our rent"): their own case.
OURS_RE = re.compile(r"\b(?:oss|us|our)\b", re.IGNORECASE)
WE_OR_I_RE = re.compile(r"\b(?:I|I'm|I've|[Mm]y|[Mm]e|[Jj]eg|[Ee]g|[Mm]eg|[Mm]in|[Mm]itt|[Mm]ine|[Oo]ur|[Vv]år|[Vv]årt|[Vv]åre|[Oo]ss|us)\b")
# Why something was decided or done ("fordi", "because", "sidan"), and who a decision's grounds may be told of.
REASON_RE = re.compile(r"\b(?:fordi|because|sidan|ettersom|since|due to|på grunn av)\b", re.IGNORECASE)
DECIDED_KINDS = frozenset({"kin", "name", "house", "age", "address"})
# What someone got or what was decided for them ("fekk reduksjon", "was placed at Lia", "ble innvilget"), not what
# befell them on the way ("ble forsinket fordi vegen var stengt").
DECIDED_RE = re.compile(r"\b(?:fikk|fekk|får|got|gets|received|(?:har|hadde|has|had)\s+(?:fått|fenge|got|received))\b|"
                        r"\b(?:ble|blei|vart|was|were|er|is|har blitt|har vorte|has been)\s+(?:ikke\s+|ikkje\s+|not\s+)?"
                        r"(?:plassert|placed|innvilget|innvilga|granted|refused|turned down|avslått|vurdert|assessed|tildelt|allocated|"
                        r"given|awarded|prioritert|prioritised|prioritized)\b", re.IGNORECASE)
# A reply that is nothing but its yes ("Ja.", "Yes, sadly.", "Det stemmer!", "Yes, that's right.", "Ja, det var det.").
# "Sadly yes, it was Paddy.": the yes after a sorry opener, and the name the comment asked about said back, are the yes too.
BARE_ANSWER_RE = re.compile(r"[\s,.!]*(?:(?:dessverre|diverre|sadly|unfortunately|it is|it's|det var det|det er det|det stemmer det|det er|det var|that's right|that is right|that's correct|"
                            r"that is correct|correct|det stemmer|det stemmer dessverre|det er riktig|det er rett|yes|ja|"
                            # "Ja, det er ordna.", "Yes, all sorted.": what was asked for is done.
                            r"det er ordna|det er ordnet|det er i orden|det er på plass|(?:it's|it is|that's|that is|all) (?:been )?sorted|"
                            r"(?:it was|it's|det var|det er) (?-i:[A-ZÆØÅ])[a-zæøåé]+|"
                            # "Yes, we believe so", "Ja, det ser slik ut": a hedged yes confirms all the same.
                            r"(?:we|i|vi|me|eg|jeg) (?:believe|think|reckon|tror|trur|trur nok|tror nok) (?:so|det)|"
                            r"(?:det )?ser (?:slik|sånn|så) ut|(?:it )?(?:looks|seems) (?:like it|that way|so)|"
                            r"så vidt (?:vi|me|eg|jeg) (?:vet|veit)|as far as (?:we|i) know)[\s,.!]*){0,3}", re.IGNORECASE)
# A reply that is nothing but "not yet" ("Nei, dessverre ikke ennå.", "No, not yet, sorry."; `pending_told`). Only the whole
# reply: "Not yet. The evacuation order stays in place …" goes on to say what it is about.
NOT_YET_RE = re.compile(r"\W*(?:(?:nei|no|nope)[\s,.!–—-]*)?(?:(?:dessverre|diverre|sadly|unfortunately)[\s,]+)?(?:ikke ennå|ikkje enno|ikkje ennå|ikke enda|ikkje endå|ikkje enda|"
                        r"not yet|not just yet|not as yet)(?:[\s,.!–—-]*(?:dessverre|diverre|sorry|I'm afraid|I am afraid))?"
                        r"[\s.!]*", re.IGNORECASE)
# Whether someone missing has been found: the search is news the police give out, not a confidential matter.
FOUND_ASKED_RE = re.compile(r"\b(?:found|funnet|funnen|funne|komme til rette|kome til rette|kommet til rette|turned up)\b",
                            re.IGNORECASE)
# A yes with a few words of answer and no verb of its own ("Yes, twice a day.", "Yes, till the end of the month.", "Ja, kvar
# morgon."): still nothing but the yes.
SHORT_ANSWER_RE = re.compile(r"\s*,\s*(?![^.!?]*\b(?:er|var|har|hadde|is|was|are|were|has|had|kan|can|will|vil|skal|får|fekk|fikk|"
                             r"han|hun|ho|he|she|they|de|dei|vi|me|we|du|you|alle|all|everyone)\b)(?:[\wæøå'’-]+\s+){0,5}[\wæøå'’-]+\s*[.!]?\s*",
                             re.IGNORECASE)
# The words a yes may say back from the comment (`_echoed`); the pronouns and small words it may add.
ECHO_WORD_RE = re.compile(r"[\wæøå]+")
# Every language's yeses, as the detector reads them (text.YES_WORDS).
YESES = frozenset(word for words in YES_WORDS.values() for word in words)
YES_ALTERNATION = "|".join(sorted(YESES))
ECHO_FREE = YESES | frozenset({"sadly", "dessverre", "diverre", "unfortunately", "he", "she", "they", "him", "her",
                               "them", "s", "re", "ve", "it", "that", "the", "a", "an", "is", "was", "are", "were", "has", "have", "had", "did",
                               "han", "hun", "ho", "de", "dei", "ham", "henne", "det", "er", "var", "har", "hadde", "den", "dem", "så",
                               "so", "both", "begge", "true", "right", "correct", "stemmer", "rett", "riktig", "sant"})
# What narrows a person down in a short yes (`_short_narrowed`).
NARROWING_KINDS = frozenset({"group", "house", "address", "age"})
# A yes that goes straight on with "but" ("Ja, men vi har snakket med familien og det er ordnet"): it grants what was asked first.
# So does a yes that goes on to why it is so ("Yes, which is why she's not at the school tonight", "Ja, det er derfor …").
YES_BUT_RE = re.compile(r"\s*,\s*(?:men|but|which is why|that's why|that is why|og det er derfor|det er derfor|som er grunnen til)\b", re.IGNORECASE)
# The definite noun a text opens on ("Båten til kommunen …", "Brua er stengd"): what "han" or "ho" after it may be.
FIRST_WORD_RE = re.compile(r"\W*([A-ZÆØÅ][a-zæøå]{2,}(?:en|et|a))\b")
# A yes said with regret ("Ja, dessverre.", "Yes, unfortunately."): it confirms what was asked.
REGRET_RE = re.compile(r"\b(?:dessverre|diverre|sadly|unfortunately|sørgeleg|sørgelig|beklageligvis)\b", re.IGNORECASE)
# Where a new subject may start inside a clause: after a dash, a colon or a comma.
SUBJECT_AFTER_RE = re.compile(r"\s[–—-]\s+|[:,]\s+")
# A comment in the first person ("I've been charged twice", "Søknaden min", "Eg har venta på svar")
# is the resident's own case: telling it back in public discloses it, named in the greeting or not.
FIRST_PERSON_RE = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Jj]eg|[Ee]g|[Mm]eg|[Mm]in|[Mm]i|[Mm]itt|[Mm]ine)\b")
# A group is not the one person asked about ("the children are safe", "pasientene hans får time").
PLURAL_RE = re.compile(r"(?:\b(?:they|them|their|theirs|de|dei|deira|deres)\b|\b(?:children|kids|boys|girls|pupils|parents|"
                       r"residents|volunteers|staff|families|barna|borna|ungane|ungene|ungdommane|foreldrene|foreldra|"
                       r"elevene|elevane|beboerne|bebuarane|pårørende|pårørande|familiene|familiane)\b|\w(?:ene|ane)\s+"
                       r"(?:hans|hennes|hennar)\b)", re.IGNORECASE)
# A yes that opens on the service itself, and a matter placed at a named place ("på Solbakken", "at Birchwood").
OPENED_BY_SERVICE_RE = re.compile(rf"\W*(?:{YES_ALTERNATION})\W+(?:the\s+)?(?=(?:[\wæøå-]+\s+){{0,2}}?[\wæøå-]*(?:care|service|tjenesten|tenesta|tjeneste|teneste)\b)", re.IGNORECASE)
# A yes that goes on about all of a kind ("Yes. All planned home-care visits, including medication, continue"): what holds for everyone.
ALL_OPENED_RE = re.compile(rf"\W*(?:{YES_ALTERNATION})\W+(?:all|every|alle|kvar|hver)\b", re.IGNORECASE)
PLACED_RE = re.compile(r"\b(?:på|ved|i|at|in)\s+((?-i:[A-ZÆØÅ])[\wæøå-]+)", re.IGNORECASE)
# A few people named together ("de to guttene", "the two boys", "the twins", "søsknene").
FEW_RE = re.compile(r"\b(?:de|dei|begge) (?:to|tre|fire)\b|\b(?:to|tre|fire) (?:barn|born|gutter|gutar|jenter|elever|elevar|"
                    r"unger|ungar|ungdommer|ungdomar|brødre|brør|søstre|søster)\w*|\b(?:two|three|four|both|begge|tvilling\w*|"
                    r"twins?|brødrene|brørne|brothers|sisters|siblings|søsken|søsknene|søskena)\b", re.IGNORECASE)
# A comment that asks whether anyone was hurt or who it was ("Was anyone hurt?", "Var det nokon frå …?").
ANYONE_ASKED_RE = re.compile(r"\b(?:who|whose|hvem|kven|kem|anyone|anybody|someone|somebody|noen|nokon)\b[^.!?]*\?", re.IGNORECASE)
FAMILY_RE = re.compile(r"\b(?:family|families|familien|familia|familie|household|husstanden|ekteparet|paret|couple)\b", re.IGNORECASE)
STAFF_PLURAL_RE = re.compile(r"ansatte|tilsette|beboerne|bebuarane|foreldrene|foreldra", re.IGNORECASE)
PLURAL_NOUN_RE = re.compile(r"\b(?:children|kids|boys|girls|pupils|parents|residents|families|barna|borna|ungane|ungene|ungdommane|"
                            r"foreldrene|foreldra|elevene|elevane|beboerne|bebuarane|familiene|familiane)\b", re.IGNORECASE)
# One person the comment describes ("Det er en ungdom som sitter på brygga", "a man who shouts at kids", "ein tysk turist med
# hjerneblødning"):
# the reply's "han" or "the lad" is that person.
ONE_DESCRIBED_RE = re.compile(r"\b(?:en|ein|ei|a|an) (?:[\wæøå]+ )?(?:ungdom|gutt|gut|jente|mann|kvinne|kvinna|dame|pensjonist|eldre mann|"
                              r"eldre dame|turist|student|man|woman|boy|girl|lad|teenager|youth|guy|bloke|lady|gentleman|pensioner|tourist) (?:som|who|that|med|with)\b"
                              # "an Aussie couple from the ski lodge", "eit eldre ektepar frå Li": a couple or family by where it is from.
                              r"|\b(?:a|an|et|eit|ein|en) (?:[\wæøå]+ )?(?:couple|family|ektepar|par|familie) (?:from|at|fra|frå|på)\b"
                              # "the young fella who works nights at the Esso": one person by what they do.
                              r"|\bthe (?:[a-z]+ )?(?:man|woman|lad|boy|girl|guy|bloke|fella|fellow|chap|lady|gentleman) who (?:works|lives|runs|drives|owns)\b"
                              # "the young guy from the Bluff who gets his methadone", "the old fella with the orange dinghy
                              # who got choppered out": one person by where they are from or what they have, and what befell them.
                              r"|\bthe (?:[a-z]+ )?(?:man|woman|lad|boy|girl|guy|bloke|fella|fellow|chap|lady|gentleman) (?:from|with) [^.?!,;]{1,40}? who\b",
                              re.IGNORECASE)
# An answer that opens on one person ("It's a young man …", "Det var ein eldre mann …").
ONE_OPENS_RE = re.compile(r"\W*(?:it's|it is|it was|det er|det var) (?:a|an|en|ein|ei) (?:[\wæøå]+ )?(?:man|woman|lad|boy|girl|mann|kvinne|"
                          r"dame|gutt|gut|jente|kar|pensjonist|pensioner)\b", re.IGNORECASE)
# A question of the comment, from the end of the sentence before it to its question mark.
QUESTION_RE = re.compile(r"[^.!?\n]*\?")
# A capitalised word inside a question, after a word of it ("Er Ola sykmeldt?", "Is it true Kevin was suspended?").
NAMED_IN_QUESTION_RE = re.compile(r"(?<=[\wæøå,]\s)([A-ZÆØÅ][a-zæøå]+)\b")
# The capitalised word after a name: a street or a place word there ("Myrtle Street") makes the name a place's.
NEXT_WORD_RE = re.compile(r"\s+([A-ZÆØÅ][a-zæøå]+)\b")
# A storm named as the weather services name them, with a first name ("Storm Ciara", "ekstremværet Ingunn").
NAMED_WEATHER_RE = re.compile(r"\W*(?:the\s+)?(?:storm|hurricane|cyclone|typhoon|tropical storm|ekstremværet|ekstremvêret|uværet|stormen)\s+[A-ZÆØÅ]", re.IGNORECASE)
# A capitalised word inside a sentence, not the one that opens it (`_named_asked`).
# Only a name placed by a surname or a place ("Ola Vik", "Nils frå Brekkeli", "Sofie i Blåklokka") or by age ("gamle
# Nils", "little Tom"): "klassen til Eirik som døydde" or "nå som Lars sluttet" asks about a class or a post.
NAME_INSIDE_RE = re.compile(r"\b(?i:gamle|vesle|lille|unge|old|little|young)\s+([A-ZÆØÅ][a-zæøå]+)"
                            r"|(?<=[a-zæøå,]\s)([A-ZÆØÅ][a-zæøå]+)(?=\s+(?:[A-ZÆØÅ][a-zæøå]+|(?i:fra|frå|i|på|ved|from|at|in|on)\s+(?:the\s+)?[A-ZÆØÅ]"
                            # "Fikk Ola på kaia hjelp …?", "Er Kari i kiosken sjuk?": placed by a place everyone there knows.
                            r"|(?:på|i|frå|fra|ved)\s+(?:kaia|kaien|kiosken|butikken|bruket|mottaket|hjørnet|campingen|gården|garden|brygga|fabrikken|verkstaden|verkstedet)\b))")
# A question that puts one person in focus: a cleft ("Is it true it's Gord and Linda who are missing?", "Er det han i
# rullestol fra Haugtun som ble liggende igjen?", "Kan dere bekrefte at det var Roar som kjørte?", "Er det min nabos gutt
# som …"), a pronoun singled out by what follows ("hun som er gravid på SFO", "han som henter metadon"), or one of a known
# few named in full ("Was one of them Paddy Moran from Carrowbeg?"): whatever the question asks is asked of that person,
# known first name or not. Not a place or a firm in the focus ("Er det Coop som …"): a name there is a person only when no
# office or institution word follows it.
CLEFT_FOCUS = (r"(?:(?-i:[A-ZÆØÅ])[a-zæøåé]+(?:\s+(?-i:[A-ZÆØÅ])[a-zæøåé]+)?(?:\s+(?:og|and|&)\s+[\wæøå]+)?"
               r"|han|hun|ho|ham|henne|him|her|(?:min|mi|mitt|din|di|vår|my|our|your)\s+[\wæøå']+(?:\s+[\wæøå]+)?)")
CLEFT_ASKED_RE = re.compile(r"\b(?:er det|var det|det er|det var|is it|was it|it's|it is|it was)\s+(?P<focus>" + CLEFT_FOCUS + r")"
                            r"(?=[^.!?]{0,60}?\s(?:(?P<who>som|who)|that)\b)"
                            r"|\b(?:han|hun|ho)\s+(?=som\b)"
                            r"|\b(?:was|is|were) one of (?:them|those|the \w+)\s+(?P<named>(?-i:[A-ZÆØÅ])[a-zæøåé]+\s+(?-i:[A-ZÆØÅ])[a-zæøåé]+)",
                            re.IGNORECASE)
# "Hansen på Tunet", "Sæther i Lia": a surname placed by where the person lives.
PLACED_AFTER_RE = re.compile(r"\s+(?:på|i|fra|frå|ved|from|at|in|on)\s+(?:the\s+)?(?-i:[A-ZÆØÅ])", re.IGNORECASE)
# A first name as a clause's subject, before its verb; a comment that thanks someone.
THANKS_RE = re.compile(r"\b(?:thanks|thank you|takk|tusen takk)\b", re.IGNORECASE)
# Thanks for help given ("Takk for kjempegod hjelp med søknaden i dag!", "Thanks for all your help with the forms"): the one who
# thanks speaks of their own case, "I" or not.
HELPED_THANKS_RE = re.compile(r"\b(?:takk|thanks|thank you)\s+(?:so much\s+|så mye\s+|så mykje\s+)?for\s+(?:[\wæøå-]+\s+){0,3}?(?:hjelp|hjelpa|hjelpen|help)\b",
                              re.IGNORECASE)
FIRST_NAME_SUBJECT_RE = re.compile(r"((?-i:[A-ZÆØÅ])[a-zæøåé]+)(?=\s+(?:[a-zæøå]+\s+)?[a-zæøå])")
# "Vi har sett på søknaden din", "We've looked at your drawings", "Vi har vurdert Linnea": the case examined. Also
# what the records show of the resident ("Vi ser at du var her kl. 01.15", "Vi har sett at du søkte i fjor", "We saw
# your case"): seeing that they did or had something in the past, not seeing that they are upset.
REVIEWED_RE = re.compile(r"\b(?:vi|we|me|(?:veilederen|veiledaren|rettleiaren|saksbehandleren|sakshandsamaren|kontaktpersonen)\s+(?:din|di)"
                         r"(?:\s*,\s*(?-i:[A-ZÆØÅ])[a-zæøå]+\s*,)?|your (?:caseworker|case officer|adviser|advisor|social worker)"
                         r"(?:\s*,\s*(?-i:[A-Z])[a-z]+\s*,)?)(?:'ve|\s+have|\s+har|\s+hev|\s+has)?\s+(?:nå\s+|no\s+|now\s+)?(?:sett på|sett nærmere på|sett nærmare på|"
                         r"sjekket|sjekka|gått gjennom|gått igjennom|vurdert|looked at|looked into|checked|reviewed|assessed|gone through"
                         r"|vurderte|så på|gikk gjennom|gjekk gjennom"
                         # "vi har notert at du ikke trenger stomipleie fredag": what the records now say the resident does without
                         # (not a wish noted: "we've noted that you'd like a collection on Friday").
                         r"|(?:notert|notert oss|registrert|noted|made a note)\s+(?:at|that)(?=\s+(?:du|you)\s+(?:ikke|ikkje|not|no longer|don't|do not)\b)"
                         r"|(?:ser|sett|see|seen|saw|can see)(?:\s+(?:at|that)|(?=\s+you\b))(?=\s+(?:du|you)\s+(?:(?:også|òg|allerede|alt|also|already)\s+)?"
                         r"(?:var|søkte|søkde|fikk|fekk|ble|vart|hadde|gikk|gjekk|was|were|had|got|applied|went|left|missed"
                         # "Vi ser at du ikkje har betalt dei to førre fakturaene": what the records show the resident has not done.
                         r"|(?:ikke|ikkje|not|never|aldri)\s+(?:har\s+|hadde\s+|have\s+|had\s+)?[a-zæøå]{3,}(?:et|t|a|d|ed))\b)|(?:saw|seen)(?=\s+your\b)|looked(?=\s+you\s+up\b)"
                         # "Vi har sett saken din: …", "Vi ser på saka di: røret som fraus …": what was found, told after a colon.
                         r"|(?:sett|ser på|har sett på)(?=\s+(?:saken|saka|søknaden|klagen|klaga)\s+(?:din|di|ditt|dykkar)\s*:))\b"
                         r"(?!\s+(?:med|with|alle|all|everyone|every|rutinene|routines)\b)", re.IGNORECASE)
CASE_COLON_RE = re.compile(r"\s+(?:saken|saka|søknaden|klagen|klaga)\s+(?:din|di|ditt|dykkar)\s*:", re.IGNORECASE)
# What was examined is the resident's own, said in the reply ("sett på saka di", "journalen din", "your case", "at du søkte").
OWN_REVIEWED_RE = re.compile(r"\s+(?:[\wæøå]+\s+)?(?:din|di|ditt|dine|deres|dykkar)\b|\s+your?\b|\s+(?:at|that)\s+(?:du|you)\b|(?<=at)|(?<=that)",
                             re.IGNORECASE)
FUTURE_BEFORE_RE = re.compile(r"\b(?:når|etter at|så|hvis|dersom|viss|om|when|after|once|so|if|and then)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A comment about the resident's own case, not a street light or a bin: an application, a bill, a claim, a place.
OWN_CASE_RE = re.compile(r"\b(?:søk\w*|avslag\w*|avslått|refused|turned down|rejected|applic\w*|applied|apply|klag\w*|appeal\w*|faktura\w*|regning\w*|bill|billed|gebyr\w*|fee|skatt\w*|tax|"
                         r"lønn\w*|salary|wages?|paid|payment\w*|insurance|forsikring\w*|erstatning\w*|compensation|claim\w*|plass|place|"
                         r"vedtak\w*|decision|permit|løyve|tillatelse|tillating|støtte|stønad\w*|benefit\w*|overtid\w*|overtime)\b", re.IGNORECASE)
# The resident's own case or property named in the reply ("Naustet ditt på gnr. 14", "Søknaden deres i Hagegata 8",
# "Your application for a double garage"): the reply speaks to them about their own case, as a name in the greeting does.
OWN_THING_RE = re.compile(r"\b(?:søknaden|saka|saken|klagen|klaga|naustet|huset|hytta|tomta|eigedomen|eiendommen|garasjen|"
                          r"tilbygget|tilbygga|fakturaen|rekninga|regningen|gebyret)\s+(?:din|di|ditt|deres|dykkar)\b|"
                          r"\byour\s+(?:application|appeal|claim|house|home|property|plot|cabin|garage|extension|bill|account|case)\b",
                          re.IGNORECASE)
# An answer that opens by telling the resident about themselves ("Du har ubetalt renovasjonsgebyr", "Hei Kjellaug! Du
# hadde jo alarm før", "You owe …", "Ja, du fikk jo innvilget …"): it speaks to them about their own case, not of anyone who might apply.
TOLD_YOU_RE = re.compile(r"\W*(?:(?:hei|hi|hello|hallo)\b[^.!?]{0,25}[.!?,]\s*)?(?:(?:ja|jo|nei|yes|no)\s*[,!.]\s*)?(?:du|dere|dykk|you)\s+(?:(?:jo|òg|også)\s+)?(?:har|hadde|skylder|skuldar|fekk|fikk|søkte|søkde|applied|"
                         r"owe|owed|had|missed)\b(?!\s+(?:rett|right|krav|spørsmål|questions|høve|mulighet|muligheter|moglegheit|anledning|lov|options|several))", re.IGNORECASE)
EVERYONE_RE = re.compile(r"\b(?:alle|everyone|everybody|all (?:the|our|residents|households))\b", re.IGNORECASE)
# A possessive right after a matter word ("sosialhjelpen din", "sykepengene dine"): whose the matter is.
OWN_AFTER_RE = re.compile(r"\s+(din|di|ditt|dine|dykkar)\b", re.IGNORECASE)
# A reason that is what the resident did or failed to do ("because you didn't pay", "fordi du ikkje har levert",
# "Fordi du bygde utan løyve sist òg").
BECAUSE_YOU_RE = re.compile(r"\b(?:fordi|because|ettersom|etter at|sidan|siden|since)\s+(?:du|dere|dykk|you)\s+(?:(?:også|òg|also|still|fortsatt|framleis)\s+)?(?:"
                            # … did something, told in the past ("fordi du bygde utan løyve", "because you moved out")
                            r"(?!need|feed)[a-zæøå]{3,}(?:de|te|ed)\b(?!\s+(?:to|å|om)\b)|"
                            # … did not pay, return or turn up ("because you didn't pay", "fordi du ikke har betalt", "etter at du ikkje leverte")
                            r"(?:ikke|ikkje|not|never|aldri|didn't|did not|haven't|have not|hadn't|had not)\s+(?:(?:har|hadde|have|had)\s+)?"
                            r"(?:betalt|betalte|betale|levert|leverte|levere|møtt|møtte|møte|svart|svarte|fornya|fornyet|paid|pay|returned|return|"
                            r"renewed|renew|turned up|turn up|showed up|show up|replied|reply)"
                            # … owe or missed it
                            r"|skylder|skuldar|owe|owed|missed|failed|forgot|glemte|gløymde|mangler|manglar"
                            # … have something outstanding ("because you have three overdue books")
                            r"|(?:har|hadde|have|had)\s+(?:[\wæøå]+\s+)?(?:ubetalt\w*|unpaid|overdue|outstanding|restanse\w*|gjeld|skyld|skuld|debt|arrears))\b",
                            re.IGNORECASE)
# A refusal with the resident's own circumstances as its reason ("You won't get a crisis grant since you're working at the
# fish farm", "The refusal is because you're under two miles from the pier", "du fyller ikke vilkårene siden du kan gå 200 meter").
REFUSED_RE = re.compile(r"\b(?:(?:won't|will not|wouldn't|would not|don't|doesn't|do not|does not|can't|cannot)\s+(?:get|qualify|be eligible)|"
                        r"not eligible|isn't eligible|aren't eligible|refusal|refused|declined|turned down|"
                        r"(?:fyller|oppfyller|får|fekk|fikk|har)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\b|avslag|avslått|avslege)\b",
                        re.IGNORECASE)
YOUR_GROUNDS_RE = re.compile(r"\b(?:because|since|as|fordi|siden|sidan|ettersom)\s+(?:you're|you've|you|du|dere|dykk)\s+"
                             r"(?!(?:can|could|may|will|would|kan|vil|skal|må)\s+(?:apply|søke|søkje|klage|appeal|ask|spørre|ring|call|contact)\b)",
                             re.IGNORECASE)
# A reason that is what the person asked about had, did or was ("because she had conflicts with two girls", "fordi han ikkje møtte").
BECAUSE_THEY_RE = re.compile(r"\b(?:fordi|because|ettersom)\s+(?:he|she|han|hun|ho)\s+(?:(?:also|også|òg|still|fortsatt|framleis)\s+)?"
                             r"(?:had|has|hadde|har|was|var|didn't|did not|hadn't|ikke|ikkje|never|aldri|kept|keeps)\b", re.IGNORECASE)
# A sentence that opens on the resident or their own thing, told what they got or what became of it ("Dere har fått
# fritak …", "Your bill for Fjellvegen 7 went up …", "Anlegget ditt på Bakkane 12 har ikkje vore godkjent …"), and a
# reason or what it followed (`_own_case_because`).
OWN_OPENER_RE = re.compile(r"\W*(?:(?:ja|jo|nei|yes|no)\s*[,!.]\s*)?(?:(?:du|dere|dykk|you)\s+(?:(?:jo|òg|også|already|allerede|alt)\s+)?"
                           r"(?:har|hadde|have|had|fekk|fikk|got|ble|blei|vart|were|was)\b(?!\s+(?:rett|right|krav|spørsmål|questions|høve|"
                           r"mulighet|muligheter|moglegheit|anledning|lov|options|several|to)\b)"
                           r"|(?!(?:kommentar|innlegg|melding|spørsmål|tilbakemelding|e-post|epost))(?-i:[A-ZÆØÅ])[a-zæøå]{3,}(?:en|et|a)\s+(?:din|di|ditt|deres|dykkar)\b|your\s+(?!(?:question|questions|comment|message|"
                           r"enquiry|email|post|feedback|help|patience|understanding)\b)[\w-]+)", re.IGNORECASE)
# What may stand before the resident's own case told back: a greeting by name ("Hi Tomasz, we can see …"), a yes or no,
# after a comma or a dash ("Hi Jenny, yes – you owe …"), and the name after it ("Ja, Morten, du har vært registrert …").
OWN_LEAD = (r"\W*(?:(?:hei|hi|hello|hallo|dear)\s+(?-i:[A-ZÆØÅ])[\wæøå-]+\s*,\s*)?"
            r"(?:(?:ja|jo|nei|yes|no)\s*(?:[,!.]|\s[–—-])\s*(?:(?-i:[A-ZÆØÅ])[\wæøå-]+\s*,\s*)?")
# A statement of fact about the resident's own case, record, health, money or application, told back to them in the
# second person in plain words (`_own_case_told`): "Du står allereie på ventelista", "Vi har sjekka, og du fekk berre
# éin dose som barn", "Garasjen din var 1,5 meter for nær nabogrensa", "You got help last month already", "Du er
# forresten ført opp som uvaksinert", "Your payments stopped …". What they got, were, stand on or owe, or what became
# of their own thing or child, or where it stands ("Sonen dykkar står som nummer 4 på ventelista", "Dunken din stod feil
# veg"; not "Bustadfeltet ditt står for tur i dag"); not "Du har rett", "you can", a condition or what holds for all.
# Also what became of their benefit or application, however many words name it ("Your statutory sick pay ran out on 1
# July", "Sjukepengane dine gjekk ut 1. juli", "Søknaden din er handsama"; after a colon too: "Vi har sjekket: utbetalingen din
# ble stanset …").
STATED_RE = re.compile(OWN_LEAD + r"(?:(?:og|and)\s+)?)?(?:(?:vi|we|me)(?:'ve|\s+har|\s+have|\s+hev)?\s+(?:sjekka|sjekket|checked|looked)"
                       r"[^,.!?]{0,25},?\s+(?:og|and)\s+|(?:vi|we|me)\s+(?:ser|ser òg|ser også|veit|vet|know|saw|see|can see)(?:\s+(?:at|that))?\s+(?=(?:du|dere|dykk|you|your)\s))?"
                       r"(?:(?:du|dere|dykk|you)\s+(?:(?:jo|òg|også|already|allerede|allereie|alt|forresten|faktisk|still|fortsatt|framleis)\s+)?"
                       r"(?:(?:får|receive|get)\s+(?:allerede|allereie|alt|fortsatt|framleis)\b|fekk|fikk|got|var|were|was|ble|blei|vart|står|stod|sto|ligger|ligg|skylder|skuldar|owe|owed|missed|"
                       r"(?:er|are|were)\s+(?:(?:forresten|allerede|allereie|alt|already)\s+)?(?:ført|registrert|oppført|registered|listed)|"
                       r"ligger etter|ligg etter|(?:har|hadde|have|had|'ve)\s+(?:(?:jo|òg|også|already|allerede|allereie|alt)\s+)?(?:fått|fenge|vore|vært|been|søkt|hatt|had|got|received|lånt|borrowed))\b"
                       r"|(?!(?:kommentar|innlegg|melding|spørsmål|tilbakemelding|e-post|epost))(?:(?-i:[A-ZÆØÅ])|(?<=:\s)[a-zæøå])[a-zæøå]{2,}(?:en|et|a|ene|ane)\s+(?:din|di|ditt|dine|deres|dykkar)\s+(?:var|vart|ble|blei|stoppa|stoppet|(?:står|stod|sto)\s+(?:som|på|feil|oppført|registrert)|er (?:ferdig|stoppa|stoppet|avslått|avslega|innvilga|innvilget|handsama|behandla|behandlet)"
                       r"|(?:gikk|gjekk)\s+ut|tok\s+slutt|(?:falt|fall)\s+bort)\b"
                       r"|your\s+(?!(?:question|questions|comment|message|enquiry|email|post|feedback|help|patience|understanding)\b)"
                       r"(?:[\w'’-]+\s+){1,3}?(?:was|were|stopped|went|got|had|failed|ran out|ended|expired|(?:is|are|has been|have been)\s+(?:now\s+)?(?:approved|granted|refused|rejected|turned down|stopped|suspended|cancelled|reduced|cut)\b))", re.IGNORECASE)
QUESTION_TAIL_RE = re.compile(r",\s+(?=(?:what|how|why|hva|kva|korleis|hvordan|hvorfor|kvifor)\b)", re.IGNORECASE)
NEXT_DOER_RE = re.compile(r",\s+(?=(?:the|our|we|we'll|vi|me)\s)|\s+and\s+(?=(?:we|we'll)\s)|\s+og\s+(?=(?:vi|me)\s)", re.IGNORECASE)
BUT_SO_AFTER_RE = re.compile(r",\s+(?:så|so|men|but)\s", re.IGNORECASE)
# In the resident's own case told back, what comes after ", and" is read apart as well ("you owe 4,320 kroner, and you can
# pay it off over six months"), and "we can see" is how the records were read, not what the resident can do.
AND_AFTER_RE = re.compile(r",\s+(?:og|and)\s", re.IGNORECASE)
SEEN_RE = re.compile(r"\b(?:vi|we|me)\s+(?:kan|can)\s+(?:se|see)\b", re.IGNORECASE)
# More of the resident's own case told back, read as `STATED_RE` is: what the records show they did, in any past tense
# ("Vi ser at du sendte søknad 2. oktober", "We can see you're already registered with us", "Your account shows you were
# behind"; not what they asked, wanted or felt), and what they did or got told as known to both ("Du har jo snakka med
# oss før", "Dere har jo allerede redusert pris", "De fekk jo sosialhjelp i vår òg" is read only with "du", "dere", "dykk").
STATED_MORE_RE = re.compile(OWN_LEAD + r")?(?:"
                            r"(?:(?:vi|we|me)\s+(?:ser|kan se|can see|see|saw)\s+(?:at|that)|our records (?:show|say)(?:\s+that)?)\s+(?:du|dere|dykk|you)(?:'ve|\s+have)?\s+(?:(?:jo|også|òg|already|allerede|allereie|alt)\s+)?"
                            r"(?!(?:need|feed|asked|wanted|wondered|mentioned|spurte|spurde|lurte|lurde|ønsket|ønskte|nevnte|nemnde|opplevde|"
                            r"experienced|felt|følte|kjente|commented|kommenterte|tried|prøvde|skrev|wrote|likte|liked|used|brukte)\b)[a-zæøå]{3,}(?:te|de|ed)\b"
                            r"|(?:vi|we|me)\s+(?:ser|kan se|can see|see)\s+(?:(?:at|that)\s+)?(?:you(?:'re|\s+are)|du\s+er|dere\s+er|de\s+er)\s+(?:already\s+|allerede\s+|allereie\s+|alt\s+)?"
                            r"(?:registered|listed|registrert|ført opp|oppført)\b"
                            r"|(?:du|dere|dykk)\s+(?:har|hadde)\s+jo\s+(?:(?:allerede|allereie|alt|også|òg)\s+)?"
                            r"(?!(?:rett|sikkert|helt|litt|nett|hørt|høyrt|lest|sett|gjort)\b)[a-zæøå]{3,}(?:et|t|a|d)\b"
                            r"|(?:du|dere|dykk)\s+(?:fekk|fikk)\s+jo\b"
                            r"|your\s+(?:account|records?|file|journal)\s+(?:shows?|says)\b|(?:kontoen|journalen)\s+(?:din|di|dykkar)\s+viser\b"
                            # "We can see you've had your hours cut", "You've got an appointment with us on Tuesday", "Du har time hjå oss
                            # på tysdag", "your account is already two months behind": what the records show of them.
                            r"|(?:vi|we|me)\s+(?:ser|kan se|can see|see|saw)\s+(?:(?:at|that)\s+)?(?:you've|you have|you had)\s+(?:had|been|got)\b"
                            r"|(?:you've got|you have got|you have|du har|de har|dere har|dykk har)\s+(?:an?\s+|ein\s+|en\s+)?(?:appointment|time|avtale)\s+"
                            r"(?:with us|hos oss|hjå oss|hjå me|med oss)\b"
                            r"|your\s+(?:account|rent|rent account|bill|council tax|payments?)\s+(?:is|are)\s+(?:already\s+|still\s+|now\s+)?"
                            r"(?:[\w-]+\s+){0,3}?(?:behind|overdue|in arrears|unpaid|outstanding)\b"
                            # "You had a bus pass off us last month", "You didn't register your premises with us": what they had or
                            # failed to do, in the plain past (not "you had to wait", "you didn't do anything wrong").
                            r"|you\s+(?:had|didn't|did not|never)\s+(?!(?:to|better|every|no|nothing|any|anything|do|need|needed|have|miss|hear|know|get the chance)\b)[a-z]+"
                            # "Your sample came back positive", "Your £65 top-up went through", "Your offer for 2 Abbey Court is on hold",
                            # "Your mother's contribution is based on her pension": where their own thing stands.
                            r"|your\s+(?!(?:question|questions|comment|comments|message|messages|enquiry|email|post|feedback|help|patience|understanding|bin|bins|road|street)\b)"
                            r"(?:[\w'’£$€.-]+\s+){1,4}?(?:came back|went through|bounced|(?:is|are|was|were|has been|have been)\s+(?:now\s+|still\s+)?(?:on hold|based on|flagged|paused|frozen|pending))\b)",
                            re.IGNORECASE)
# What was decided in the resident's own application, told back as "it" or its amount ("It's been approved for $250",
# "Hi Maria, yes, £250 was approved yesterday", "Ja, den er innvilga"): read by `_own_decision_told`.
DECISION_TOLD_RE = re.compile(r"\W*(?:(?:hei|hi|hello|hallo|dear)\s+(?-i:[A-ZÆØÅ])[\wæøå-]+\s*[,.!]\s*)?(?:(?:ja|jo|nei|yes|no)\s*[,!.]\s*)?"
                              r"(?:it|den|søknaden|the application|the claim|the grant|the payment|(?:£|\$|€|kr\.?)\s?\d[\d ,.]*|\d[\d ,.]*\s?(?:kr|kroner))"
                              r"(?:'s been|'s|\s+(?:has been|had been|was|is|er|ble|blei|vart|har blitt|har vorte|er blitt|er vorte))\s+"
                              r"(?:(?:now|no|nå|jo|already|allerede|alt)\s+)?(?:approved|granted|refused|rejected|turned down|declined|cancelled|"
                              r"innvilget|innvilga|avslått|avslegen|godkjent|godkjend)\b", re.IGNORECASE)
DECISION_CLAUSE_END_RE = re.compile(r",|\s(?:and|og|so|så|but|men)\s|\s[–—-]\s", re.IGNORECASE)
CLAUSE_OPENS_RE = re.compile(r":\s+|,\s+(?:og|and)\s+(?=(?:vi|we|me)\s+(?:ser|veit|vet|know|saw|see|can see)\b)"
                             # "Yours will be late – your claim was one of the ones flagged": the case told after a dash.
                             r"|\s[–—-]\s+(?=(?:your|din|di|ditt|dine)\s)", re.IGNORECASE)
# In the answer to thanks, what befell the reader or their kin, told by what it came after ("Godt å se at du er på
# bedring etter panikkanfallet", "We're glad your brother's settled in now, especially after the months in the
# hostel", "Særlig gøy å se deg klare hele runden nå, når du var helt i rullestol etter slaget i fjor"): the event
# after "etter" / "after" / "since", not a time of year or of day ("etter skulen", "after work") and not what the
# comment itself names (`_thanked_told`).
THANKED_AFTER_RE = re.compile(r"\b(?:etter|after|since|sidan|siden)\s+(?:(?:the|his|her|your|their|det|den|dei|de)\s+)?"
                              r"(?!(?:jul|julen|jula|påske|påsken|påska|sommaren|sommeren|ferien|ferie|helga|helgen|weekend|"
                              r"holidays|christmas|easter|summer|winter|vinteren|vinter|hausten|høsten|våren|spring|"
                              r"skulen|skolen|school|jobb|jobben|work|middag|middagen|dinner|lunsj|lunch|trening|treninga|treningen|"
                              r"i\s|in\s|at\s|på\s|we\s|vi\s|me\s|you\s|du\s|dere\s|de\s|dykk\s)\b)([a-zæøå]{4,})\b", re.IGNORECASE)
READER_OR_KIN_RE = re.compile(r"\b(?:du|deg|din|di|ditt|dine|dere|dykk|dykkar|you|your|you're|you've)\b", re.IGNORECASE)
DASH_RE = re.compile(r"\s[–—-]\s")
SO_AFTER_RE = re.compile(r",\s+(?:så|so)\s", re.IGNORECASE)
AFTER_RE = re.compile(r"\b(?:after|etter)\s+(?:the|your|at|du|dere|dykk|you)\b", re.IGNORECASE)
# A comment in the first person plural ("Hvorfor har ikke vi fått …", "We've been charged twice").
WE_RE = re.compile(r"\b(?:vi|me|we|we've|we're)\b", re.IGNORECASE)
# What was done to the person asked about, before its reason ("The school moved her because …").
DONE_TO_RE = re.compile(r"\b(?:she|he|hun|han|ho)\s+(?:ble|blei|vart|was|has been|har blitt|har vorte)\s+[a-zæøå]{3,}(?:et|t|a|d|ed)\b|"
                        r"\b[a-zæøå]{3,}(?:et|te|de|a|ed)\s+(?:her|him|ham|henne|ho|han)\b", re.IGNORECASE)
# What follows speaks to the resident or of someone by name.
TOLD_TO_RE = re.compile(r"\b(?:du|deg|din|di|ditt|dine|dykk|dykkar|de|dere|deres|you|your|you're|yours)\b|(?<=\s)(?-i:[A-ZÆØÅ][a-zæøå]+)\s+og\s+mener\b",
                        re.IGNORECASE)
# A possessive before an institution is not the clause's subject ("Her school has …", "Hans skole …").
POSSESSIVES = frozenset({"his", "her", "their", "hans", "hennes", "hennar", "deira", "deres"})
# "… and his daughter has …", "… og mora hans har …": a new subject after "and" ends the first one's predicate.
NEXT_SUBJECT_RE = re.compile(r"\s(?:and|but|og|men)\s+(?=(?:his|her|their|hans|hennes|hennar|deira|deres|the|a|an|we|vi|me|eg|jeg)\s)",
                             re.IGNORECASE)
# A service named as where to turn ("Broren din kan selv ringe NAV Fjellstrand", "contact the
# benefits team") is not a matter about anyone: the verb is one of asking, not of having.
# So is a place to drop in at or write to ("komme innom NAV-dagen", "send ei melding til NAV-leiaren").
CONTACT_BEFORE_RE = re.compile(r"\b(?:ring|ringe|ringje|kontakt|kontakte|kontakta|ta kontakt med|call|phone|"
                               r"contact|get in touch with|speak to|talk to|komme innom|kom innom|kome innom|stikk innom|stikke innom|"
                               r"send (?:gjerne |oss |us )?(?:ei|en|a) (?:melding|message) (?:til|to)|drop in at|pop in at"
                               # "Han kan komme til NAV på Strandgata 4": where one can go.
                               r"|(?:kan|can)\s+(?:\w+\s+)?(?:komme|kome|come|go)\s+(?:til|to|in to|innom))\s+(?:the\s+|your\s+)?$", re.IGNORECASE)
# A matter named as the topic of a public meeting, course or leaflet ("velkommen på åpent møte om
# barnevernet", "a talk about dementia") is what is discussed there, not anyone's case.
TOPIC_BEFORE_RE = re.compile(r"\b(?:møte|møtet|informasjonsmøte|informasjonsmøtet|foredrag|foredraget|kurs|kurset|temakveld|temakvelden|"
                             r"meeting|talk|course|session|workshop|leaflet|brosjyre|brosjyren)\s+(?:om|on|about)\s+(?:the\s+)?$", re.IGNORECASE)
PLACE_QUANTIFIER = r"(?:(?:hele|heile|all|all of|the whole of)\s+)?"
# The clause after a refusal that goes on with "but" (`_after_refusal`), and what makes it a referral;
# a "but" that confirms who it was or what they did ("men det stemmer at det var verkstadeigaren").
CONFIRM_AFTER_BUT_RE = re.compile(r"\W*(?:men|but)\s+(?:det stemmer|det er riktig|det er rett|det er sant|(?:vi|me) kan bekrefte|(?:vi|me) kan stadfeste|"
                                  r"det kan (?:vi|me) bekrefte|det kan (?:vi|me) stadfeste|it's true|it is true|that's right|that is right|"
                                  r"we can confirm|it's correct|it is correct)\s+(?:at\s+|that\s+)?"
                                  r"(?:det var|det gjaldt|det gjeld|det gjelder|han|ho|hun|it was|it concerned|he|she)\b", re.IGNORECASE)
HOW_ASKED_RE = re.compile(r"\b(?:how does (?:it|this|that) work|how do (?:i|we|you|they) (?:apply|go about|get)|how does (?:he|she) apply|"
                          r"how (?:can|could) (?:i|we) get|hvordan (?:får|kan) (?:jeg|vi|man|en) (?:få )?|korleis (?:får|kan) (?:eg|vi|me|ein) (?:få )?|"
                          r"what(?:'s| is) the process|hvordan fungerer|korleis fungerer|hvordan søker|korleis søkjer|korleis søker|"
                          r"hvordan går (?:man|en|jeg|vi|hun|han) fram|korleis går (?:ein|eg|me|vi|ho|han) fram|"
                          r"(?:hva|kva) skjer (?:når|etter|hvis|viss|om|da|så)|what happens (?:when|after|if|next|then)|"
                          r"hvordan foregår|korleis føregår|korleis går (?:det|dette|den|ei|ein) føre seg)\b", re.IGNORECASE)
# In the answer to how something works, the child or pupil it goes through is whoever it is about,
# as "he" is ("PPT snakker med deg, barnet og skolen … om barnet trenger spesialundervisning").
WHOEVER_RE = re.compile(r"barnet|eleven|søkeren|søkjaren|the child|the pupil|the applicant", re.IGNORECASE)
# "…, men kriseteamet har vore på skulen", "but the home care service keeps track …": what follows the refusal is
# said of a service or an institution, which is its subject.
SERVICE_AFTER_BUT_RE = re.compile(r"\W*(?:men|but)\s+(?:the\s+|our\s+|vår\s+)?(?:[\wæøå-]+\s+){0,2}?"
                                  r"(?:[\wæøå-]*(?:tjenesten|tenesta|tjenestene|tenestene|teamet|kontoret|service|services|team|office|"
                                  r"department)|skolen|skulen|school|barnehagen|kindergarten|kommunen|council|sykehjemmet|sjukeheimen|"
                                  r"care home|nav|legevakta|legevakten|avdelingen|avdelinga|ward)\s+(?:har|er|var|vil|skal|kan|følger|fylgjer|"
                                  r"has|is|was|will|keeps|follows|knows|kjenner|tilbyr|tilbyd|offers)\b", re.IGNORECASE)
# "…, men vi har ringt rundt til alle …", "but we take every report seriously": what follows is what we do, for all.
WE_AFTER_BUT_RE = re.compile(r"\W*(?:men|but)\s+(?:vi|me|we)\b", re.IGNORECASE)
SERIOUSLY_RE = re.compile(r"\b(?:på alvor|seriously)\b", re.IGNORECASE)
# "… men vi kan si at …", "but we can tell you that …": the "can" belongs to the telling.
SAY_AFTER_BUT_RE = re.compile(r"\W*(?:men|but)\s+(?:vi|me|we)\s+(?:kan|can)\s+(?:likevel\s+|still\s+|også\s+|òg\s+)?"
                              r"(?:si|seie|opplyse|fortelle|fortelje|say|tell you|tell)\s+(?:at|that)\b", re.IGNORECASE)
# A word that makes the person word before it part of a service's name ("The child welfare service", "the child protection team").
SERVICE_NAMED_AFTER_RE = re.compile(r"\s+(?:[a-z-]+\s+)?(?:services?|team|office|unit|cent(?:re|er)|department|board|welfare|protection)\b",
                                    re.IGNORECASE)
CONDITION_AFTER_BUT_RE = re.compile(r"\W*(?:men|but)\s+(?:når|dersom|hvis|viss|if|when|whenever)\b", re.IGNORECASE)
BUT_RE = re.compile(r"\W*(?:men|but)\b", re.IGNORECASE)
# "men vi har sendt meldinga di vidare til heimetenesta", "but we've passed your message to the home care team": routed on.
PASSED_ON_RE = re.compile(r"\b(?:passed|sent|forwarded)\s+(?:on\s+)?(?:your|the|this)\s+(?:message|details|concern|concerns|comment)\b|"
                          r"\b(?:sendt|sendte|gitt|gjeve|gått)\s+(?:meldinga|meldingen|beskjeden|bekymringa|bekymringen)\s+(?:(?:di|din)\s+)?"
                          r"(?:vidare|videre)\b", re.IGNORECASE)
# "but the Sula has a ramp and wheelchair space": a thing named with "the" (a boat, a building) and what it has.
THING_AFTER_BUT_RE = re.compile(r"\W*but\s+the\s+(?-i:[A-Z])[\w-]+\s+(?:has|have|is|offers|runs)\b", re.IGNORECASE)
CONTACT_RE = re.compile(r"\b(?:ring|ringe|ringje|kontakt|kontakte|ta kontakt|call|phone|contact|get in touch)\b", re.IGNORECASE)
# A matter word that is part of a web address ("nav.no", "helsenorge.no/vaksine") names a site.
DOMAIN_AFTER_RE = re.compile(r"\.(?:no|com|org|net|uk|gov)\b|\.[a-zæøå-]+\.(?:no|com|org|uk)\b", re.IGNORECASE)
WEB_RE = re.compile(r"\b[\w-]+\.(?:no|com|org|gov\.uk|uk)\b|https?://", re.IGNORECASE)
# "Ny rektor er Hallvard Bø", "Your new worker will be Dan": the reply introduces who holds a post now.
NEW_HOLDER_RE = re.compile(r"\b(?:[Nn]y|[Nn]ye|[Nn]ytt|[Nn]ew)\s+[\wæøå-]+\s*(?:er|is|will be|blir|vert|,)\s+[A-ZÆØÅ][\wæøå-]+")
# "Who is the new head?", "Kven blir ny rektor?": the comment asks who holds a post now.
# "Who's the new head?", "hvem den nye styreren på Storeng er": who holds a post now.
NEW_ASKED_RE = re.compile(r"\b(?:who|hvem|kven|kem)(?:'s|\s+(?:is|will be|er|blir|vert|skal bli))?\s+(?:the\s+|den\s+|det\s+)?(?:ny|nye|nytt|new)\b", re.IGNORECASE)
# A relative clause right after a person, closed by a comma ("… som var i bilen til faren sin, får …").
RELATIVE_RE = re.compile(r"\s+(?:som|who|that)\b[^,;.!?]*,", re.IGNORECASE)
# A member of a group named as an example ("til dømes til Olav", "including Kenneth").
EXAMPLE_RE = re.compile(r"\b(?:til dømes|til dæmes|for eksempel|blant andre|blant anna|blant annet|blant dei|blant dem|deriblant|"
                        r"bortsett fra|bortsett frå|unntatt|unnateke|including|such as|among them|except|apart from)\b"
                        r"|,\s+som(?=\s+(?:den|det|ein|en|ei|eit|et)\s)"
                        # "…, som jentene i 7A", "…, også damen med hunden i nr. 7", "– like Gunnar and Solveig", "– especially the two boys".
                        r"|,\s+som(?=\s+[a-zæøå]+(?:ene|ane|en|a)\s+(?:i|på|fra|frå|med|ved)\s)|,\s+(?:også|òg)(?=\s)"
                        r"|(?:,|\s[–—-])\s+(?:like|especially|særlig|særleg|spesielt)(?=\s+(?:the\s|(?-i:[A-ZÆØÅ])))", re.IGNORECASE)
# Who an example names, when it is not a name: a reference that singles one person out.
EXAMPLE_PERSON_KINDS = frozenset({"kin", "age", "house", "address", "group", "role"})
EXAMPLE_NAME_RE = re.compile(r"[\s,:]+(?:(?:til|hos|på|for|to|at|with)\s+)?([A-ZÆØÅ][a-zæøå]+)\b")
# "En spesiell takk til Johan på Nesgarden", "thanks to Kåre": a known first name after "to" is
# someone things are given or said to, not a place one goes to.
TO_PERSON_RE = re.compile(r"\b(?:til|to)\s+$", re.IGNORECASE)
NAV_BEFORE_RE = re.compile(r"\bNAV(?:-kontoret)?\s+$")
AND_RE = re.compile(r"\s+(?:and|og|or|eller|&)\b", re.IGNORECASE)
# A clause that goes on with "and" and then its subject ("…, og hun har vært så flink"), up to the subject.
AND_OPENS_RE = re.compile(r"[\s,]*(?:og|and)\s+", re.IGNORECASE)
# A job as the subject of what is said ("Rektor har ansvar for …", "the driver was …"): the stem must
# be in the comment for the subject to be the person it asked about.
ROLE_SUBJECT_RE = re.compile(r"(rektor|lærer|lærar|teacher|leder|leiar|sjef|manager|head|lege|doctor|sjåfør|driver|vikar|"
                             r"assistent|assistant|vaktme|caretaker|sykepleier|sjukepleiar|nurse|pedagog|trener|trenar|coach|"
                             r"kasserer|kasserar|treasurer|styrer|styrar|dirigent|conductor|carer|caregiver|pupil|elev|patient|pasient|tenant|leietaker|leigetakar)", re.IGNORECASE)
SINGULAR_PRONOUN_RE = re.compile(r"han|hun|ho|ham|henne|he|she|he's|she's|him|her", re.IGNORECASE)
# The opening of a reply that speaks to the resident by name: "Hei Randi.", "Hi Rasa,",
# "Kondolerer, Berit.".
GREETED_RE = re.compile(r"\W*(?:(?i:hei|hi|hello|hallo|dear|kjære|kondolerer|condolences|god morgon|god morgen|good morning)"
                        r"\W{0,3}\s*,?\s*)([A-ZÆØÅ][a-zæøå]+)(?:[ -][A-ZÆØÅ][a-zæøå]+)?\s*[.!,]")
# A sentence that tells what holds for anyone: a condition ("Kommunen dekker skader når det er …").
CONDITION_RE = re.compile(r"(?:^\W*|[,;:]\s*|\b(?:og|men|and|but|so|så)\s+)(?:om|when)\b|\b(?:hvis|dersom|viss|når|if|whenever|unless|in case)\b",
                          re.IGNORECASE)
# A sentence that offers, routes or states a rule rather than telling what has been found or decided:
# "du kan søke", "hjemmetjenesten ringer deg", "Det finnes avlastning", "Skolen har plikt til".
ROUTE_SENTENCE_RE = re.compile(r"\b(?:kan|can|can't|cannot|could|skal|vil|will|would|må|must|should|bør|may|"
                               r"finnes|finst|fins|plikt|duty|rett til|right to|ring\w*|call\w*|contact\w*|kontakt\w*|"
                               r"send|søk|søke|søkje|apply|bestill|book)\b|'ll\b|\bthere (?:is|are)\b", re.IGNORECASE)
# What holds for every case of a kind ("all applications sent in February", "hver søknad").
ALL_RE = re.compile(r"\b(?:alle|all|every|each|hver|kvar|enhver|kvar einaste)\b"
                    # Not how often ("samtaler hver andre uke", "every morning"): a frequency, not all of a kind.
                    r"(?!\s+(?:(?:andre|anna|other|second|tredje|third)\s+)?(?:dag|uke|veke|måned|månad|morgen|morgon|kveld|natt|helg|day|week|month|morning|evening|night|fortnight|weekend)\b)", re.IGNORECASE)
# What has been done or decided in a case, not what is done for anyone: a past or perfect verb
# ("ble sendt", "har prøvd", "kunne hjelpe"), or a participle after "er" ("er fastsatt",
# "er oppklara"); not "blir handsama innan tre veker", which is how any case goes.
DONE_RE = re.compile(r"\b(?:ble|blei|vart|vorte|blitt|fikk|fekk|kunne|was|were|got|did)\b|"
                     r"(?:\b(?:har|hadde|hev|has|had|have)|'ve)\s+(?:ikke\s+|ikkje\s+|not\s+|now\s+|nå\s+|no\s+|allerede\s+|alt\s+|already\s+)?"
                     r"(?:[a-zæøå]{3,}(?:et|tt|d|a|ed|te)|fått|fenge|vært|vore|been|gjort|sett|hatt|sent|seen|told|given)\b|"
                     r"\b(?:er|is|are)\s+(?:ikke\s+|ikkje\s+|not\s+|now\s+|nå\s+|no\s+)?[a-zæøå]{3,}(?:et|tt|ert|a|ed|te)\b",
                     re.IGNORECASE)
# Person references that only identify someone named before (a pronoun, "gutten").
# "Elvegata 20–40": a stretch of the street, many homes, no one's address.
NUMBER_RANGE_AFTER_RE = re.compile(r"\s?[–-]\s?\d")
SURNAME_AFTER_RE = re.compile(r"\s+[A-ZÆØÅ]")
# A capitalised word joined by "and" or "&" to another ("Work and Income", "People & Capability"): read as one title.
ORG_AND_BEFORE_RE = re.compile(r"[A-Z][a-z]+\s+(?:and|&)\s+$")
ORG_AND_AFTER_RE = re.compile(r"\s+(?:and|&)\s+[A-Z][a-z]+")
HOME_NOUN_RE = re.compile(r"Court|Close|House|Road|Street|Lane|Avenue|Drive|Place|Terrace|Farm|Flats|Estate|Gardens|Crescent|Way|Row|"
                          r"View|Cottage|Manor|Lodge|Hostel|Park|Block|Tower|Towers|Mews|Square")
# A capitalised word after "the" or "our" is a thing, a place or a title, unless it names a family or those
# living or working there by what follows ("the Forde boy", "the Lodge residents").
# Not after a place word ("the ones behind the Coop"): a place there may point someone out, as a house does.
THE_BEFORE_RE = re.compile(r"(?<!\bbehind )(?<!\boutside )(?<!\bnear )(?<!\bby )(?<!\bat )(?<!\bin )(?<!\bon )(?<!\bfrom )"
                           r"\b(?:the|an|our|their)\s+$", re.IGNORECASE)
FAMILY_NOUN_AFTER_RE = re.compile(r"(?:'s)?\s+(?:boy|boys|girl|girls|baby|kid|kids|child|children|family|families|lad|lads|lass|twins|"
                                  r"household|whānau|whanau|brothers|sisters|house|home|farm|place|property|flat|residents|tenants|workers|folks|people|"
                                  r"patients|pupils|students|crew|lot|gang)\b", re.IGNORECASE)
# What a reply that names nobody may tell of the one person the comment asks about (`_unspoken_subject`): a case
# with a service, the police or the employer, not health or care words, which answers use of anyone.
UNSPOKEN_KINDS = frozenset({"child_welfare", "criminal", "addiction", "personnel", "case_decision", "benefits"})
UNSPOKEN_WORDS = 60
NEVER_RE = re.compile(r"\b(?:aldri|never|verken|neither|ingen|nobody|no one)\b", re.IGNORECASE)
POINTED_ELSEWHERE_RE = re.compile(r"\b(?:send oss|send us|message us|du finn|du finner|you can find|you'll find|finn du|finner du)\b", re.IGNORECASE)
MAY_RE = re.compile(r"\b(?:kan|can|could|may|må|must|should|bør|plikt|duty|mulig|mogleg|possible|rett til|right to)\b", re.IGNORECASE)
NOT_RE = re.compile(r"\b(?:ikke|ikkje|not|ingenting|nothing)\b|n't\b", re.IGNORECASE)
# A reply that hides the comment or will not guess at a cause speaks of its police case or rules, not of the person.
HIDDEN_OR_UNKNOWN_RE = re.compile(r"\b(?:skjult|skjuler|fjerna|fjernet|hidden|hide|removed|spekuler\w*|speculat\w*|gjett\w*|guess\w*|"
                                  r"(?:vet|veit|kjenner|know) ikke|(?:veit|kjenner) ikkje|(?:don't|do not) know)\b",
                                  re.IGNORECASE)
MANY_CASES_RE = re.compile(r"(?:saker|sakene|cases)$", re.IGNORECASE)  # "samværssaker tar nå rundt tre måneder": cases of many
FEW_CHILDREN_ASKED_RE = re.compile(r"\b(?:the (?:two |three |four )?(?:kids|children|little ones)|the (?:two|three|four) (?:boys|girls|lads)|my grandchildren|my grandkids|barna|borna|ungene|ungane|"
                                   r"de (?:to|tre|fire) (?:barna|ungene|små)|dei (?:to|tre|fire) (?:borna|ungane|små)|tvillingane|tvillingene|barnebarna mine)\b",
                                   re.IGNORECASE)
FEW_SUBJECT_RE = re.compile(r"(?:they|they're|they've|they'll|de|dei|(?:the|de|dei) (?:two|three|four|to|tre|fire)\b)", re.IGNORECASE)
# "it isn't Larkspur Close", "ikkje på Nesset", "Det er ikke deres bil": a place named with a capital, or a thing said not
# to be the person's.
DENIED_PLACE_RE = re.compile(r"\b(?:it|that|det|dei|de|they)(?:'s|\s+is|\s+er|\s+was|\s+var|'re|\s+are)?\s*(?:not|n't|ikke|ikkje)\s+"
                             r"(?:(?:på|i|at|on|in)\s+)?(?:(?P<place>(?-i:[A-ZÆØÅ][a-zæøå])[\wæøå-]*(?:\s+(?-i:[A-ZÆØÅ])[\wæøå-]+)?)|"
                             r"(?:hers|his|theirs|deres|hans|hennes|hennar|deira)\b|(?:deres|hans|hennes|hennar|deira|her|his|their)\s+[\wæøå]+\b)"
                             r"|\b(?:nei|no)\s*,\s*(?:ikke|ikkje|not)\s+(?:på|i|at|on|in)\s+(?P<place2>(?-i:[A-ZÆØÅ][a-zæøå])[\wæøå-]*)",
                             re.IGNORECASE)
FAMILY_WORD_RE = re.compile(r"famil|besteforeld|grandparent", re.IGNORECASE)  # "fosterfamilien", "besteforeldra", "the foster family"
WHICH_ASKED_RE = re.compile(r"\b(?:which|what|who|hvilke|hvilken|hvilket|kva for|kva|hva|kven|hvem|kor mange|hvor mange|how many)\b", re.IGNORECASE)
LONE_RE = re.compile(r"\b(?:only one|just one|a single|bare én|bare ein|bare en|bare ei|berre éin|berre ein|berre ei|kun én|kun en)"
                     r"(?=\s+(?:in|i|på|case|child|pupil|kid|person|elev|barn|born|tilfelle|person)\b|\s*[.,!])", re.IGNORECASE)
# A class or a room by its name: "4A", "Year 5", "Owls", "P6", "i 3B", "på Ekorn".
GROUP_NAMED_RE = re.compile(r"\b\d{1,2}\s?[A-Ea-e]\b|\b(?:[Yy]ear|[Pp]|[Ss])\s?\d{1,2}\b|\b(?:in|i|på)\s+(?-i:[A-ZÆØÅ][a-zæøå]+)\b")
PARENT_SUBJECT_RE = re.compile(r"(?:(?:^\W*|[.!?]\s+|\b(?i:fordi|because|at|that|og|and|der|where)\s+)(?:det var\s+|there\s+)?)"
                               r"(?P<parent>(?-i:Mum|Dad|Mor|Far|Mora|Faren)|(?-i:mum|mom|mam|dad|mor|far|mora|faren|the father|the mother))"
                               r"(?=\s+(?:was|had|has|is|var|hadde|har|er|skulle|ville|would|hadn't|wasn't|fikk|fekk|got)\b)")
NUMBER_GIVEN_RE = re.compile(r"\d{2}[ \d]{4,}\d")
WEAK_KINDS = frozenset({"pronoun", "anaphor", "addressee"})
# One unnamed person at a whole institution ("A child at Solsikken has measles", "ein bebuar på Lyngtun har fått
# påvist influensa") is how an outbreak must be announced: the health matter is the institution's. A group, a room,
# a class or an age after it ("a child at Solsikken in the Yellow group", "bebuaren på rom 12") narrows it.
ONE_AT_PLACE_RE = re.compile(
    r"(?:a|an|one|en|ein|ei|et|eit|ett|én)\s+(?:(?:of the|of our|av (?:de|dei|våre))\s+)?(?:young\s+|little\s+|lite\s+|lita\s+)?"
    r"(?:child|children|kid|kids|toddler|toddlers|pupil|pupils|student|students|resident|residents|patient|patients|"
    r"barn|barna|born|borna|unge|ungane|ungene|elev|elevene|elevane|beboer|beboere|beboerne|bebuar|bebuarar|bebuarane|"
    r"pasient|pasienter|pasientene|pasientar|pasientane)\s+(?:at|in|from|på|i|ved|fra|frå)\s+(?:the\s+)?"
    r"(?:(?-i:[A-ZÆØÅ])[\wæøå-]+|[\wæøå]*(?:skolen|skulen|barnehagen|sykehjemmet|sjukeheimen|school|kindergarten|nursery|care home)\b)", re.IGNORECASE)
# "En elev ble skadet på leirskolen", "a resident was taken ill": the same one unnamed person, placed by the verb.
ONE_ALONE_RE = re.compile(r"(?:a|an|one|en|ein|ei|et|eit|ett|én)\s+(?:young\s+|little\s+)?(?:child|kid|pupil|student|resident|patient|"
                          r"barn|born|unge|elev|beboer|bebuar|pasient)", re.IGNORECASE)
NARROWED_AFTER_RE = re.compile(r"'s\b|\s*\(\d|(?:\s+[\wæøå-]+){0,3}?\s+(?:group|groups|room|class|year|ward|unit|"
                               r"avdeling\w*|grupp\w*|rom|klasse\w*|trinn\w*|\d+)\b", re.IGNORECASE)
OUTBREAK_KINDS = frozenset({"health"})
# "the sick child", "det sjuke barnet": a matter said as the attribute of a person noun is that person's, not
# another's nearby ("the last day your daughter was at Solsikken while the sick child was there").
ATTRIBUTE_OF_RE = re.compile(r"\s+(child|kid|boy|girl|pupil|man|woman|person|resident|patient|children|kids|pupils|"
                             r"residents|patients|people|barnet|barn|born|gutten|guten|gutt|gut|jenta|jenten|jente|eleven|"
                             r"elev|mannen|mann|kvinna|kvinnen|kvinne|personen|person|beboeren|bebuaren|pasienten|pasient|ungen)\b",
                             re.IGNORECASE)
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|that|this|det|den|dette|denne|ein|en|ei|et|eit)\s+$", re.IGNORECASE)
# "Kvar de står på ventelista, gjeld søknaden til barnet dykkar, så det kan vi ikkje gå inn på her": a refusal
# that points back at what its sentence named declines that matter, and so discloses nothing by naming it.
RESUMED_REFUSAL_RE = re.compile(r"^\W*(?:(?:så|og|so|and)\s+)?(?:det|dette|that|this)\s+(?:kan|vil|skal|får|can|will)\b|"
                                r"\b(?:discuss|comment on|go into|talk about|say anything about|share|gå inn på|kommentere|"
                                r"snakke om|snakka om|seie noko om|si noe om|si noko om)\s+(?:that|this|it|det|dette)\b",
                                re.IGNORECASE)
# "Det stemmer altså ikke at …", "Det er ikkje rett at …", "It is not true that …": what follows is denied.
# Denied of one unnamed person ("en beboer", "a resident", "someone"), it points nobody out; denied of
# someone named or placed ("at Ruth på rom 214 er død") it still tells who is meant.
DENIED_BEFORE_RE = re.compile(r"\b(?:det|dette|it|that)(?:'s|\s+(?:stemmer|stemmar|er|is|was|var))\s+(?:altså\s+|altso\s+|heller\s+|likevel\s+|simply\s+)?"
                              r"(?:ikke|ikkje|not)\s+(?:(?:true|correct|right|riktig|rett|sant|korrekt)\s+)?(?:at|that)\s+$", re.IGNORECASE)
# Our own employee ("elektrikeren vår", "our caretaker") works on a resident's case, service or benefit; it is not theirs.
OUR_STAFF_RE = re.compile(r"\s(?:vår|vårt|våre|vårar)$|^(?:our)\s", re.IGNORECASE)
RESIDENT_KINDS = frozenset({"case_decision", "care", "benefits", "school", "child_welfare"})
# The parties to a process named together ("Eleven, foreldra og skulen lagar saman ein plan", "the pupil, the
# parents and the school agree", "Eleven eller foreldrene gir beskjed til skolen"): the pupil is any pupil it goes
# through, as in a how-answer.
PARTY = (r"(?:foreldra|foreldrene|føresette|foresatte|skulen|skolen|barnehagen|læraren|læreren|kontaktlæraren|kontaktlæreren|PPT|"
         r"deg|dere|dykk|the parents|parents|the school|the teacher|you)")
PARTIES_AFTER_RE = re.compile(r"(?:\s*,|\s+(?:eller|or|og|and))\s*(?:the\s+)?" + PARTY + r"\b", re.IGNORECASE)
PARTIES_BEFORE_RE = re.compile(r"\b" + PARTY + r"\s*(?:,|og|and)\s*$", re.IGNORECASE)
# A job given as the person's apposition ("Velkomen til Ingrid Vik, ny assistent på Li skule", "Kari Moe,
# our new teaching assistant", "vår nye assistent Ingrid Vik"): the service is the work they are welcomed to.
APPOSITION_GAP_RE = re.compile(r"\s*,\s*(?:(?:vår|vårt|våre|our|the|a|an|den|det|ein|en|ei)\s+)?(?:nye?|new|nytilsett|nytilsette|"
                               r"nyansatt|nyansatte|newly appointed)?\s*(?:[\wæøå-]+\s+)?", re.IGNORECASE)
# A profession ("ergoterapeut", "occupational therapist", "helsesykepleier"): before a name it is the person's title,
# and "Anne og Jonas og er nye ergoterapeuter" tells what the named are (`_job_of`).
PROFESSION_RE = re.compile(r"(?:terapeut|terapeuter|terapeutar|therapist|therapists|pleier|pleiere|pleiar|pleiarar|psykolog|"
                           r"psykologar|psykologer|psychologist|nurse|nurses|pleierne|pleiarane|terapeutene|terapeutane)$", re.IGNORECASE)
PROFESSION_GAP_RE = re.compile(r"(?:\s+(?:og|and|&)\s+[A-ZÆØÅ][a-zæøå]+)?\s+(?:(?:og|and)\s+)?(?:er|is|are)\s+(?:(?:vår|våre|our|the|a|an|ein|en|ei)\s+)?"
                               r"(?:(?:nye?|new|nytilsette?|nyansatte?)\s+)?", re.IGNORECASE)
# A service and the one who leads or coordinates it, named after it ("The Home Care manager is Siri Lunde", "Our carers'
# coordinator, Hanne, would be glad to …", "Heimetenesta sin leiar er …"): the service is their post (`_job_of`).
LEADER_GAP_RE = re.compile(r"[\w'’]*\s+(?:sin\s+|sitt\s+)?(?:manager|coordinator|co-ordinator|lead|leader|head|leder|leiar|lederen|leiaren|"
                           r"koordinator|koordinatoren|sjef|sjefen)(?:\s+(?:is|er)\s+|\s*,\s*)", re.IGNORECASE)
TITLED_BEFORE_RE = re.compile(r"(?:terapeut|therapist|pleier|pleiar|psykolog|psychologist|nurse|lege|doctor|jordmor|midwife)\s+$", re.IGNORECASE)
STAFF_WINDOW = 8
TITLE_BEFORE_RE = re.compile(r"\b(?:nye?|new|nytilsett|nyansatt)\s+$", re.IGNORECASE)
ONE_UNNAMED_RE = re.compile(r"(?:en|ein|ei|et|eit|a|an|one|noen|nokon|someone|somebody)\b", re.IGNORECASE)
# References that single out someone across a sentence break ("en av de ansatte på renhold ...").
SITUATING_KINDS = frozenset({"age", "house", "group"})


@dataclass(frozen=True)
class _Name:
    nb: str
    nn: str
    en: str


CONFIRMED = _Name("bekrefter det innbyggeren spurte om", "stadfestar det innbyggjaren spurde om",
                  "confirms what the resident asked about")
ASSERTED = _Name("sier noe om personen innbyggeren spurte om", "seier noko om personen innbyggjaren spurde om",
                 "says something about the person the resident asked about")
CARRIED = {
    "asked": _Name("personen innbyggeren spurte om", "personen innbyggjaren spurde om", "the person the resident asked about"),
    "anaphor": _Name("viser tilbake til en person som er pekt ut", "viser attende til ein person som er peika ut",
                     "points back to a person already identified"),
    "refused": _Name("personen innbyggeren spurte om, som svaret først ikke ville si noe om",
                     "personen innbyggjaren spurde om, som svaret først ikkje ville seie noko om",
                     "the person the resident asked about, whom the reply first declined to discuss"),
    "addressee": _Name("innbyggeren, tiltalt med navn", "innbyggjaren, tiltalt med namn", "the resident, addressed by name"),
}


@dataclass(frozen=True)
class Part:
    """One half of a finding: a matter or a person reference, with its kind."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class ConfidentialHit:
    start: int
    end: int
    matter: Part
    person: Part
    detail: Detail


class ConfidentialityMatcher:
    """The compiled word lists of one language, shared by every reply."""

    def __init__(self, data: Confidentiality) -> None:
        self.data = data
        self._comments: dict[str, bool] = {}
        self._one_in: dict[str, bool] = {}
        self._asked_of_one: dict[str, bool] = {}

    @cached_property
    def matter_res(self) -> dict[str, re.Pattern[str]]:
        return {kind: _terms_re(m.terms) for kind, m in self.data.matters.items()}

    @cached_property
    def matter_not_res(self) -> dict[str, re.Pattern[str] | None]:
        return {kind: _any_re(m.unless) if m.unless else None for kind, m in self.data.matters.items()}

    @cached_property
    def person_res(self) -> dict[str, re.Pattern[str]]:
        """Each kind's patterns as one alternation: the same compiled regex its search falls back to."""
        return {kind: search.alternation for kind, search in self._person_searches.items()}

    @cached_property
    def refusal_re(self) -> re.Pattern[str]:
        return _any_re(self.data.refusals)

    @cached_property
    def _refusal_search(self) -> AnySearch:
        """`refusal_re` as a search that skips the refusals whose words are absent."""
        return AnySearch(self.data.refusals, re.IGNORECASE)

    def _refuses(self, text: str) -> bool:
        """Whether `text` declines to discuss a matter ("vi kan ikke kommentere", "we can't go into")."""
        return self._refusal_search.search(text)

    @cached_property
    def _person_searches(self) -> dict[str, AnySearch]:
        """`person_res` as searches that skip the patterns whose words are absent (`_strong_in`)."""
        return {kind: AnySearch(p.patterns, re.IGNORECASE) for kind, p in self.data.persons.items()}

    @cached_property
    def general(self) -> AnySearch:
        """Any general statement: most of the thirty patterns (in bokmål) have their words absent."""
        return AnySearch(self.data.general, re.IGNORECASE)

    @cached_property
    def clause_break_re(self) -> re.Pattern[str]:
        return _any_re(self.data.clause_breaks)

    @cached_property
    def gate_re(self) -> re.Pattern[str]:
        """Any matter term at all: most replies have none, and then nothing else is searched."""
        return re.compile("|".join(f"(?:{r.pattern})" for r in self.matter_res.values()), re.IGNORECASE)

    @cached_property
    def not_names(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.data.not_names)

    @cached_property
    def first_names(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.data.first_names)

    @cached_property
    def name_after_re(self) -> re.Pattern[str]:
        """A capitalised word followed by one of these nouns is an institution or place."""
        return re.compile(r"^[\s-]*(?:" + "|".join(self.data.institution_nouns) + r")", re.IGNORECASE)

    @cached_property
    def place_before_re(self) -> re.Pattern[str]:
        # "i hele Eikvåg", "across all of Fjordvik": a quantifier between the preposition and the place.
        return re.compile(r"\b(?:" + "|".join(self.data.place_prepositions) + r")\s+" + PLACE_QUANTIFIER + r"$",
                          re.IGNORECASE)

    @cached_property
    def anaphor_re(self) -> re.Pattern[str]:
        return _any_re(self.data.anaphors)

    @cached_property
    def affirmation_re(self) -> re.Pattern[str]:
        return _any_re(self.data.affirmations)

    @cached_property
    def addressee_re(self) -> re.Pattern[str]:
        return _any_re(self.data.addressee)

    @cached_property
    def signature_re(self) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(self.data.signature_before) + r")(?:\s+[A-ZÆØÅ][\w.-]*){0,2}\s*$"
                          if self.data.signature_before
                          else r"(?!)", re.IGNORECASE)

    def find(self, text: AnalysedText, context: str | None = None) -> list[ConfidentialHit]:
        """Hits in the reply (`_find`); when it has none, the readings of a reply that points at the
        comment's person without naming anyone: a matter told with no person of its own
        (`_unspoken_subject`), a place or thing of theirs denied (`_denied_of_person`), a lone one in a
        named class (`_lone_in_group`), a parent named by the bare role (`_parent_told`)."""
        hits = self._find(text, context)
        if not hits and context:
            unspoken = (self._unspoken_subject(text, context) or self._denied_of_person(text, context)
                        or self._lone_in_group(text, context) or self._parent_told(text, context))
            if unspoken is not None:
                return [unspoken]
        return hits

    def _parent_told(self, text: AnalysedText, context: str) -> ConfidentialHit | None:
        """"Mum was offered support repeatedly and turned it down", "Politiet var med fordi det var fare for at mor skulle
        gjøre motstand", "Because the father had threatened to turn up": a parent named by the bare role, as a family's own
        children name them, is one particular parent, and what the clause says of them is told of that person."""
        if self._refuses(text.text):
            return None
        for m in PARENT_SUBJECT_RE.finditer(text.text):
            sentence = text.sentence_at(m.start())
            if (self.not_asserted_re.search(text.text, m.end(), sentence.end) or MAY_RE.search(text.text, m.end(), sentence.end)
                    or CONDITION_RE.search(text.text, sentence.start, sentence.end)):
                continue
            person = Part(m.start("parent"), m.end("parent"), "asked")
            said = Part(m.end(), sentence.end, "asserted")
            return ConfidentialHit(person.start, said.end, said, person, self._detail(text.text, said, person))
        return None

    def _lone_in_group(self, text: AnalysedText, context: str) -> ConfidentialHit | None:
        """"Which classes have cases?" - "Year 1 Robins, Year 3 Kestrels and Year 5 Owls. There's only one in Owls",
        "I 4A er det bare én elev": a count of one in a group named by class or room, in answer to which or who,
        points that one person out to everyone who knows the group."""
        if "?" not in context or not WHICH_ASKED_RE.search(context):
            return None
        for sentence in text.sentences:
            said = text.sentence_text(sentence)
            one = LONE_RE.search(said)
            if one is not None and GROUP_NAMED_RE.search(said) and not NEVER_RE.search(said):
                at = sentence.start + one.start()
                return self._pointing_hit(text, at, sentence.start + one.end())
        return None

    def _pointing_hit(self, text: AnalysedText, start: int, end: int) -> ConfidentialHit:
        """One span that both points the person out and confirms the comment's matter of them ("it isn't
        Larkspur Close", "There's only one in Owls"): the words are the person and the matter at once."""
        person = Part(start, end, "asked")
        confirmed = Part(start, end, "confirmed")
        return ConfidentialHit(start, end, confirmed, person, self._detail(text.text, confirmed, person))

    def _denied_of_person(self, text: AnalysedText, context: str) -> ConfidentialHit | None:
        """"Someone said a couple on Larkspur Close took them" - "We can't say where they are but it isn't Larkspur
        Close", "Er det fosterfamilien sin bil?" - "Det er ikke deres bil": a denial of the place or the thing the
        comment ties to a person rules it out by name and so narrows down who and where the person is; a refusal before
        it does not undo that."""
        if "?" not in context or not (self._strong_in(context) or FAMILY_WORD_RE.search(context) or _comment_facts(context)[0]
                                      or self._named_asked(context)):
            return None
        for m in DENIED_PLACE_RE.finditer(text.text):
            place = m.group("place") or m.group("place2")
            if place is not None:
                words = place.split()
                if (words[0].lower() in self.not_names or words[0] in ANSWER_WORDS
                        or not re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(words[0])}\b", context)):
                    continue
            return self._pointing_hit(text, m.start(), m.end())
        return None

    def _unspoken_subject(self, text: AnalysedText, context: str) -> ConfidentialHit | None:
        """"Will she get them back?" - "There's a hearing in three weeks and we'll be asking for a care
        order", "Is it true they were taken because she smacked the older one?" - "It was about neglect
        over a long period": a reply that names nobody at all, answering a comment about one person,
        tells that person's matter; the comment is its subject. Only a question about someone is read, and
        only a short reply with none of what makes an answer general: a refusal, a referral, a number or
        a page, thanks, a hidden comment, a cause not known, everyone, what anyone may or must do, a
        negation or "never" in the clause, or cases in the plural. Health and care words are left out:
        answers use them of anyone ("The home care visits stopped on the north side")."""
        if (not self._gated(text) or self._refuses(text.text) or CONTACT_RE.search(text.text)
                or WEB_RE.search(text.text) or NUMBER_GIVEN_RE.search(text.text) or len(text.text.split()) > UNSPOKEN_WORDS
                or HIDDEN_OR_UNKNOWN_RE.search(text.text) or POINTED_ELSEWHERE_RE.search(text.text) or ALL_RE.search(text.text)
                or any(MAY_RE.search(text.sentence_text(s)) and not NOT_RE.search(text.sentence_text(s)) for s in text.sentences)):
            return None  # a referral, a number or a page to turn to, or a long reply that explains how things work
        if THANKS_RE.search(text.text) or not self.asks_about_someone(context):
            return None  # only a question about someone is answered; thanks, staff in general and what one may do are not
        addressed = self._addresses_by_name(text)
        told: Part | None = None
        clause = (0, 0)
        for start, end, skipped in self._signed_clauses(text):
            if skipped:
                continue
            matters, persons = self._clause_parts(text, start, end, addressed)
            if persons:
                return None  # a reply that names or points at anyone is read by the pairing readings
            sentence = text.sentence_text(text.sentence_at(start))
            if (told is None and matters and not self.not_asserted_re.search(text.text, start, end)
                    and not NEVER_RE.search(sentence)
                    and not NOT_RE.search(text.text, start, end) and not MAY_RE.search(text.text, start, end)):
                told = next((m for m in matters if m.kind in UNSPOKEN_KINDS
                             and not MANY_CASES_RE.search(text.text, m.start, m.end)), None)
                clause = (start, end)
        if told is None:
            return None
        person = Part(clause[0], clause[1], "asked")  # the clause that tells it stands for the person it is about
        return ConfidentialHit(told.start, told.end, told, person, self._detail(text.text, told, person))

    def _find(self, text: AnalysedText, context: str | None = None) -> list[ConfidentialHit]:
        """Hits in the reply. Besides a matter and a person in one clause, three carry-overs
        count: a matter next to a pronoun or "gutten" whose person was identified in the sentence
        before or in the citizen's comment; a matter in a clause next to one that identifies a
        person; and a reply that confirms ("Ja, dessverre") a matter the citizen asked about
        while identifying the person."""
        in_context = bool(context) and self.has_matter(context or "")
        gated = self._gated(text)
        if not gated and not in_context and not (context and self.data.not_asserted):
            return []
        one_described, group_asked, how_asked = _comment_facts(context or "")
        context_person = bool(context) and (self._strong_in(context or "") or one_described or self._named_asked(context or ""))
        addressed = (self._addresses_by_name(text) or bool(context and FIRST_PERSON_RE.search(context))
                     or bool(context and (OWN_THING_RE.search(text.text) or TOLD_YOU_RE.match(text.text))))
        # A pronoun identifies someone only when there is a comment to answer or the reply has
        # named someone before it: in a stand-alone post "fylle han ut" is about the form.
        pronoun_ok = bool(context and context.strip())
        # A reply with no matter term has no matter in any clause, so no clause pairs: its
        # clauses and persons are worked out below only if a later test reads them.
        clauses = self._signed_clauses(text) if gated else []
        asked_only = frozenset() if context_person else self._asked_kinds
        hits: list[ConfidentialHit] = []
        persons_by_clause: list[list[Part]] = []
        matters_by_clause: list[list[Part]] = []
        for start, end, skipped in clauses:
            matters, persons = ([], []) if skipped else self._clause_parts(text, start, end, addressed)
            if asked_only:
                matters = [m for m in matters if m.kind not in asked_only]
            persons_by_clause.append(persons)
            matters_by_clause.append(matters)
            if not pronoun_ok:
                pronoun_ok = any(p.kind not in WEAK_KINDS for p in persons)
                persons = persons if pronoun_ok else [p for p in persons if p.kind != "pronoun"]
            if how_asked:
                persons = [p for p in persons if p.kind != "pronoun"]
            hit = self._pair(text, matters, persons) if matters and persons else None
            if hit is not None:
                hits.append(hit)
        if hits:
            return hits
        example = self._example_of_group(text, clauses, addressed)
        if example is not None:
            return [example]
        for i, matters in enumerate(matters_by_clause):
            if not matters:
                continue
            here = text.sentence_at(clauses[i][0]).index
            if self._refuses(text.sentence_text(text.sentence_at(clauses[i][0]))):
                continue  # "Vi kan ikke gå inn på saken. Det er en personalsak."
            near = [j for j in range(len(clauses)) if j != i and not clauses[j][2]
                    and abs(text.sentence_at(clauses[j][0]).index - here) <= 1]
            # A person identified in a neighbouring clause ("Far din er en favoritt, og ... sårene
            # har grodd"), or by a role, age, house or group in the sentence next to it.
            own = [p for p in persons_by_clause[i] if p.kind not in WEAK_KINDS]
            for j in sorted(near, key=lambda j: abs(j - i)) if not own else []:
                # A matter whose own clause names someone it may not pair with ("Ordføreren har hatt
                # permisjon, og varaordfører Rune Nygård har ledet møtene") is theirs, not a neighbour's.
                same = text.sentence_at(clauses[j][0]).index == here
                strong = [p for p in persons_by_clause[j] if p.kind not in WEAK_KINDS
                          and (same or p.kind in SITUATING_KINDS) and self._may_pair(matters[0], p, text)]
                if strong:
                    return [self._hit(text, matters[0], strong[0])]
            # "Gutten", "she", "the father": a person the citizen's comment or the sentence
            # before identified.
            antecedent = context_person or any(
                p.kind not in WEAK_KINDS for j in near for p in persons_by_clause[j])
            if antecedent:
                # In the matter's own clause, or opening the sentence next to it ("Jenta har det bra").
                for j in [i, *near]:
                    if clauses[j][2]:
                        continue
                    s, e = clauses[j][0], clauses[j][1]
                    if j != i:
                        sentence = text.sentence_at(s)
                        # "Vi vet at spiseforstyrrelser tar tid, og hun har vært så flink …": the next clause of the
                        # matter's own sentence, opening on the person, is about them too.
                        if sentence.index == here and not (context_person and j == i + 1 and AND_OPENS_RE.match(text.text, s, e)):
                            continue
                        if sentence.index != here and s != sentence.start:
                            continue
                        if sentence.index != here and ROUTE_SENTENCE_RE.search(text.sentence_text(sentence)):
                            continue  # "… for eksempel arbeidsavklaringspenger. Mannen din kan se sin egen sak på nav.no": what he can do
                    # Not a group ("Foreldrene har hatt møte med helsesykepleier", "They help schools").
                    m = next((a for a in self.anaphor_re.finditer(text.text, s, e)
                              if (group_asked or not _group(a.group(0)))
                              and not (how_asked and (SINGULAR_PRONOUN_RE.fullmatch(a.group(0))
                                                      or WHOEVER_RE.fullmatch(a.group(0))))), None)
                    if m and m.start() < matters[0].start < m.end():
                        m = None  # one word is not both parts ("The child welfare service")
                    if m and (j == i or not text.text[s : m.start()].strip()
                              or (text.sentence_at(s).index == here and AND_OPENS_RE.fullmatch(text.text, s, m.start())
                                  and _singular(m.group(0)))):
                        part = Part(m.start(), m.end(), "anaphor")
                        if _office_holder(text, matters[0], part) or not self._may_pair(matters[0], part, text):
                            continue
                        if j != i or _word_gap(text, matters[0], part) <= self.data.window:
                            return [self._hit(text, matters[0], part)]
        # What is said of an elected official the comment asked about ("Ordføreren var på ferie?" -
        # "Hun var tilbake innen ett døgn") is their public office; their own matters still need a matter word.
        official_only = bool(context) and bool(ELECTED_RE.search(context or "")) and not self._strong_in(ELECTED_RE.sub(" ", context or ""))
        if not official_only and (context_person or (context and self._one_referred_to(context))):
            asserted = self._asserted(text, self._signed_clauses(text), context or "")
            if asserted is not None:
                return [asserted]
        # "Are the kids safe now?" - "They're absolutely fine and loving their new home": the few children the comment asks
        # about, told of by "they" or "the two …" (not "Ungane har alltid tilgang til …", children in general, nor "all").
        if (not official_only and context and "?" in context and FEW_CHILDREN_ASKED_RE.search(context)
                and not ALL_RE.search(text.text)):
            asserted = self._asserted(text, self._signed_clauses(text), context, few=True)
            if asserted is not None:
                return [asserted]
        if context_person or (context and self._one_referred_to(context)):
            if not gated:  # no matter term in the reply: only a "but" that confirms the comment's can tell
                clauses = self._signed_clauses(text)
                matters_by_clause = [[] for _ in clauses]
            after = self._after_refusal(text, clauses, matters_by_clause, in_context)
            if after is not None:
                return [after]
        opener = self.affirmation_re.match(text.text)
        if self._refuses(text.text):
            # "We won't name them but it was someone fairly senior in Finance": only a "but" that goes on to point the
            # person out is read.
            return self._pointed_out(text, addressed, context or "", False, refused=True) if opener is None and context else []
        first_said = text.sentences[0].end if text.sentences else len(text.text)
        bare = opener is not None and BARE_ANSWER_RE.fullmatch(text.text, opener.end()) is not None
        # "Kommer ordføreren på minnestunden?" - "Ja.": a yes about an elected official, to a comment with no matter in it,
        # confirms their public doings.
        if (opener is not None and (context_person or self.asks_matter_of_one(context or ""))
                and not (official_only and not in_context)
                and (bare or "?" in (context or ""))
                and (bare or YES_BUT_RE.match(text.text, opener.end())
                     or self._bare_then_but(text.text, opener.end())
                     or _echoed(text.text, opener.end(), first_said, context or "")
                     or self._short_narrowed(text, opener.end(), first_said)
                     or SHORT_ANSWER_RE.fullmatch(text.text, opener.end())
                     or (BARE_ANSWER_RE.fullmatch(text.text, opener.end(), first_said)
                         and REGRET_RE.search(text.text, 0, first_said)))
                and not CAN_ASKED_RE.search(context or "")):
            # "Har de fått med dykk den eldre dama i Granvegen 9? Ho hadde hjelp frå Omsorgspluss" - "Ja.": a bare yes
            # about a person the comment points out confirms what it says of them, whatever the words; so does a sorry
            # yes that is a sentence of its own before the reply goes on ("Ja, dessverre. Han og kompisen dro ut …"; a
            # plain "Ja." may open what is offered to anyone: "Ja. Det går eigen skulebuss …"), and a yes that goes
            # straight on with "but" ("Ja, men vi har snakket med familien og det er ordnet"), and a yes with a few words of
            # answer and no verb ("Yes, twice a day."). A bare yes alone confirms a comment that asks nothing as well ("The
            # bloke in flat 3 got arrested yesterday, so that's that sorted." - "Yes.").
            return [self._hit(text, Part(opener.start(), opener.end(), "confirmed"), Part(opener.start(), opener.end(), "asked"))]
        if context and gated:
            greeted = self._greeting_name(text)
            if greeted is not None:
                told_back = self._told_to_named(text, greeted, clauses, matters_by_clause)
                if told_back is not None:
                    return [told_back]
        if context and gated:
            wished = self._wished_well(text, clauses, matters_by_clause, persons_by_clause,
                                       context_person or bool(WE_OR_I_RE.search(context) or HELPED_THANKS_RE.search(context)),
                                       thanked=bool(THANKS_RE.search(context)))
            if wished is not None:
                return [wished]
        if context and (REASON_RE.search(text.text) or BECAUSE_YOU_RE.search(text.text) or AFTER_RE.search(text.text)
                        or YOUR_GROUNDS_RE.search(text.text)):
            reasoned = self._decided_because(text, addressed) if REASON_RE.search(text.text) else None
            residents_own = bool(FIRST_PERSON_RE.search(context) or WE_RE.search(context) or self._greeting_name(text) is not None)
            if reasoned is None and residents_own:
                reasoned = self._because_you(text)
            if reasoned is None and residents_own:
                reasoned = self._own_case_because(text)
            if reasoned is None and residents_own:
                reasoned = self._refused_for_you(text)
            if reasoned is None and context_person and FIRST_PERSON_RE.search(context):
                # "Why was my daughter moved?" - "The school moved her because she had conflicts with two girls".
                reasoned = self._because_you(text, BECAUSE_THEY_RE)
            if reasoned is not None:
                return [reasoned]
        if context and context.strip():
            stated = self._own_case_told(text)
            if stated is not None:
                return [stated]
        if context and (FIRST_PERSON_RE.search(context) or OURS_RE.search(context)) and OWN_CASE_RE.search(context):
            decided = self._own_decision_told(text)
            if decided is not None:
                return [decided]
        if context and THANKS_RE.search(context):
            thanked = self._thanked_told(text, context)
            if thanked is not None:
                return [thanked]
        if in_context:
            got = self._kin_got(text)
            if got is not None:
                return [got]
        if context and (FIRST_PERSON_RE.search(context) or OURS_RE.search(context) or self._greeting_name(text) is not None):
            reviewed = _reviewed_case(text, own_case=bool(OWN_CASE_RE.search(context)))
            if reviewed is not None:
                examined, resident = reviewed
                kind = "case_decision" if "case_decision" in self.data.matters else "asserted"
                return [self._hit(text, Part(examined.start, examined.end, kind), resident)]
        if opener is None:
            return (self._described(text, addressed, context) if in_context else []) or self._pointed_out(text, addressed, context or "", in_context)
        if not gated:
            # With no matter term in the reply, only the answer after a "yes" reads its persons.
            persons_by_clause = [[] if skipped else self._clause_parts(text, start, end, addressed)[1]
                                 for start, end, skipped in self._signed_clauses(text)]
        strong = [p for ps in persons_by_clause for p in ps if p.kind not in WEAK_KINDS]
        yes_pronoun = False
        if not strong and context_person:
            # Only in the sentence the "yes" opens: "Yes, there is help. ... He can bring you
            # along" confirms that help exists, not anything about him.
            first = text.sentences[0].end if text.sentences else len(text.text)
            strong = [Part(m.start(), m.end(), "anaphor") for m in [self.anaphor_re.search(text.text, 0, first)]
                      if m and (group_asked or not _group(m.group(0)))]
            yes_pronoun = bool(strong)
        # "Can my son get extra help?" - "Yes. Pupils who need it can …": the yes says help exists, unless
        # its own sentence goes on about the person ("Ja, vi kjenner faren din godt frå heimetenesta").
        first_end = text.sentences[0].end if text.sentences else len(text.text)
        can_only = bool(CAN_ASKED_RE.search(context or "")) and not any(p.start < first_end for p in strong)
        if "?" in (context or "") and ONE_OPENS_RE.match(text.text):
            # "Who's moving in next to me?" - "It's a young man just out of rehab", "Kva skjedde på Strandvegen?" - "Det var ein
            # eldre mann som hadde falle": an answer that opens on one person and tells their matter in its first sentence.
            opening = [m for ms in matters_by_clause for m in ms if m.start < first_end]
            if opening:
                return [self._hit(text, opening[0], Part(opener.start(), opener.end(), "asked"))]
        if (in_context and "?" in (context or "") and strong and (context_person or WHO_RE.search(context or ""))
                and not can_only):
            # "Hvem har fått lus?" - "Det gjeld to av jentene i 2B": the answer names the person.
            return [self._hit(text, Part(opener.start(), opener.end(), "confirmed"), strong[0])]
        told = [m for ms in matters_by_clause for m in ms]
        if context_person and told and (strong or not CAN_ASKED_RE.search(context or "")):
            # "Jeg så at Kari sin datter ble hentet" - "Det stemmer. ... barnevernet": the reply
            # confirms the comment about a person and adds the matter.
            person = strong[0] if strong else Part(opener.start(), opener.end(), "asked")
            opening = [m for m in told if m.start < first_end]
            if not strong and ((opening and all(_said_of_place(text, m, context or "") for m in opening)) or ALL_OPENED_RE.match(text.text)):
                return []  # the yes confirms what holds at the place or in the service, for everyone there
            if yes_pronoun:
                # "Kan han gå tur?" - "Ja, det kan han. Beboerne kan gå ute som vanlig, og legionella smitter ikke mellom
                # mennesker": the person is only the pronoun in the yes's own sentence, so a matter in a later sentence that
                # says what holds for anyone (a route, a condition, everyone) is not theirs.
                told = [m for m in told if m.start < first_end or not _of_anyone(text.sentence_text(text.sentence_at(m.start)))]
            told = [m for m in told if self._may_pair(m, person, text)]
            return [self._hit(text, told[0], person)] if told else []
        return []

    def _short_narrowed(self, text: AnalysedText, at: int, end: int) -> bool:
        """"Is the wee one they airlifted from the nursery at Tarrach Primary?" - "Yes, from the Puffins room. …", "Yes, three
        from P6. …": a yes whose own sentence is a few words with no verb (`SHORT_ANSWER_RE`) that narrow the person down
        (a class, a room, a house) answers the comment, whatever the reply goes on to say."""
        if SHORT_ANSWER_RE.fullmatch(text.text, at, end) is None:
            return False
        return any(p.kind in NARROWING_KINDS for p in self._persons(text, text.text[at:end], at))

    @staticmethod
    def _bare_then_but(reply: str, at: int) -> bool:
        """"Yes, we believe so, but please keep it quiet", "Ja, det stemmer, men …": the yes and its own few words,
        then "but"."""
        bare = BARE_ANSWER_RE.match(reply, at)
        return bare is not None and bare.end() > at and "," in reply[at:bare.end()] and bool(BUT_RE.match(reply, bare.end()))

    def _example_of_group(self, text: AnalysedText, clauses: list[tuple[int, int, bool]],
                          addressed: bool) -> ConfidentialHit | None:
        """"… til dei som får praktisk bistand, til dømes til Olav på Hjelle", "the regulars,
        including Kenneth": a clause about a group speaks generally until it names one member,
        and then the group's matter is that person's."""
        for start, end, skipped in clauses:
            example = EXAMPLE_RE.search(text.text, start, end)
            if example is None or self.refusal_re.search(text.text, start, end) or text.text[start:end].rstrip().endswith("?"):
                continue
            name = EXAMPLE_NAME_RE.match(text.text, example.end(), end)
            matters = self._clause_parts(text, start, end, addressed)[0]
            if name is None or (name.group(1).lower() not in self.first_names
                                and not self._is_name(text, name.start(1), name.end(1))):
                # "… blant annet styreren", "bortsett fra nr. 11, der beboeren ligger på sykehus", "som den
                # blinde mannen på Nedre Lia": one member singled out by role, home or kinship.
                hit = self._example_reference(text, example.start(), example.end(), end, matters)
                if hit is not None:
                    return hit
                continue
            person = Part(name.start(1), name.end(1), "name")
            told = [m for m in matters if m.end <= example.start()]
            if told and self._may_pair(told[-1], person, text):
                return self._hit(text, told[-1], person)
        return None

    def _example_reference(self, text: AnalysedText, word: int, start: int, end: int, matters: list[Part]) -> ConfidentialHit | None:
        """The group's matter (before the example word) or the member's own (within the window after it),
        paired with the first reference from the example word on that singles one person out
        ("bortsett fra nr. 11" keeps its preposition)."""
        gap = re.match(r"[\s,:]*(?:\S+\s+){0,5}", text.text[start:end])
        persons = [p for p in self._persons(text, text.text[word:end], word)
                   if p.kind in EXAMPLE_PERSON_KINDS and p.start <= start + (gap.end() if gap else 0)]
        if not persons:
            return None
        person = min(persons, key=lambda p: p.start)
        for matter in sorted(matters, key=lambda m: abs(m.start - person.start)):
            if matter.start < person.end and person.start < matter.end:
                continue
            if (matter.end <= word or _word_gap(text, matter, person) <= self.data.window) and self._may_pair(matter, person, text):
                return self._hit(text, matter, person)
        return None

    def _after_refusal(self, text: AnalysedText, clauses: list[tuple[int, int, bool]],
                       matters_by_clause: list[list[Part]], in_context: bool = False) -> ConfidentialHit | None:
        """"Vi kan ikkje gå inn på det, men saka er sendt til inkasso": a refusal, then "but" and a
        matter in the same sentence, in answer to a comment about one person, tells the matter
        of that person; the refusal only names what follows. A "but" that points somewhere to
        turn (a phone number, a web page, "ring", "contact") or says what is allowed or owed
        (`not_asserted`) tells nothing, nor does one after a refusal to discuss a group, nor what we do for all ("men vi
        har ringt rundt til alle med hjemmetjenester", "men vi tar bekymringsmeldinger på alvor"). A "but"
        that confirms ("men det stemmer at det var verkstadeigaren") confirms the comment's matter."""
        for i in range(1, len(clauses)):
            start, end, skipped = clauses[i]
            before = clauses[i - 1]
            confirms = in_context and bool(CONFIRM_AFTER_BUT_RE.match(text.text, start, end))
            if (skipped or not before[2] or not (matters_by_clause[i] or confirms)
                    or text.sentence_at(start).index != text.sentence_at(before[0]).index
                    or not BUT_RE.match(text.text, start, end)
                    or not self.refusal_re.search(text.text, before[0], before[1])
                    or not _singular(text.text[before[0]:before[1]])):
                continue  # "We can't discuss other families' applications, but …": a group's cases
            clause = text.text[start:end]
            if CONDITION_AFTER_BUT_RE.match(clause):
                continue  # "…, men når båtane er innstilte, brukar heimetenesta ambulansebåt": what is done whenever, for anyone
            if SERVICE_AFTER_BUT_RE.match(clause):
                continue  # "…, men hjemmetjenesten har oversikt over brukerne sine": said of the service, not of them
            if WE_AFTER_BUT_RE.match(clause) and (ALL_RE.search(clause) or EVERYONE_RE.search(clause) or SERIOUSLY_RE.search(clause)):
                continue  # "…, men vi har ringt rundt til alle med hjemmetjenester", "men vi tar bekymringsmeldinger på alvor": what we do for all
            said = SAY_AFTER_BUT_RE.match(clause)
            if said:  # "men vi kan si at plasseringen er midlertidig": what follows "si at" is told, not allowed
                clause = clause[said.end():]
            if (self.not_asserted_re.search(clause) or CONTACT_RE.search(clause)
                    or privacy.found_phones(clause) or WEB_RE.search(clause)):
                continue
            if PASSED_ON_RE.search(clause) or THING_AFTER_BUT_RE.match(clause):
                continue  # "but we've passed your message to the home care team", "but the Sula has a ramp": a route, a thing
            matter = matters_by_clause[i][0] if matters_by_clause[i] else Part(start, end, "confirmed")
            return self._hit(text, matter, Part(before[0], before[1], "refused"))
        return None

    def _described(self, text: AnalysedText, addressed: bool, context: str | None) -> list[ConfidentialHit]:
        """An answer to "who was …?" that opens by describing a private person ("A 62-year-old
        local man from Upper Street, a retired postman", "Ein pensjonist frå Nedre Bakke 4")
        points them out, whatever words follow: the comment holds the matter."""
        if not WHO_ASKED_RE.search(context or "") or not text.sentences:
            return []
        first = text.sentences[0].end
        for start, end, skipped in self._signed_clauses(text):
            if start >= first:
                break
            if skipped:
                continue
            # The first sentence's persons only (kept per text: `find` may have read them already).
            described = [p for p in self._clause_parts(text, start, end, addressed)[1] if p.kind in DESCRIBED_KINDS]
            if described:
                return [self._hit(text, Part(start, end, "confirmed"), described[0])]
        return []

    def _pointed_out(self, text: AnalysedText, addressed: bool, context: str, in_context: bool,
                     refused: bool = False) -> list[ConfidentialHit]:
        """An answer to "who …?" whose first words point out one person ("Det var røktaren frå Sørbø
        …", "Det er kona til han som driv bensinstasjonen", "Det er familien Dale frå Nordbø") names
        whom the comment asked about, so what it goes on to tell of them is theirs: a matter in the
        answer's sentence or the next ("…, ho har fått ei skriftleg åtvaring"), or a clause whose
        subject is them, in whatever words ("…, og han har vore åtvara før", "Ho fekk stein over
        seg"). When the comment holds the matter ("Kven ligg på sjukehuset?") the answer alone
        tells it. `_described` is the older, narrower case (an age, house or address anywhere in
        the first sentence). A name or a job with no matter word is not enough: who holds a post
        ("Kommuneoverlege er Per Ivar Sande. Han nås …") is public, and a "who" that only opens a
        relative clause ("Thank you to Siri … who helped us") asks nothing. After a refusal (`refused`) only the "who"
        about something done or that befell someone is read, and only where a "but it was …" goes on to answer it ("We
        won't name them but it was someone fairly senior in Finance")."""
        claimed = CLAIMED_WHO_RE.search(context)
        if not (WHO_QUESTION_RE.search(context) or claimed) or not text.sentences:
            return []
        clauses = self._signed_clauses(text)
        first = text.sentences[0].end
        if len(text.sentences) > 1 and DENIED_OPEN_RE.match(text.text):
            # "It wasn't a supply teacher. It was a permanent member of staff in the school office.": the answer follows the denial.
            first = text.sentences[1].end
        for start, end, skipped in clauses:
            if start >= first:
                break
            if refused:
                answered = BUT_CLEFT_RE.search(text.text, start, end)
                refusal = self.refusal_re.search(text.text, start, end)
                if answered is None or refusal is None or refusal.start() > answered.start():
                    continue
                start = answered.start()
            elif skipped:
                continue
            opening = text.sentence_at(start).start
            known = KNOWN_LEAD_RE.match(text.text, opening)
            opening = known.end() if known else opening  # "Vi vet at det var bonden på Nedre Lia …": the answer follows
            persons = [p for p in self._clause_parts(text, start, end, addressed)[1] if p.kind in POINTED_KINDS
                       and len(ANSWER_AGAIN_RE.split(text.text[opening:p.start])[-1].split()) <= ANSWER_LEAD_WORDS]
            if not persons:
                continue
            person = min(persons, key=lambda p: p.start)
            here = text.sentence_at(start).index
            told = [(s, e) for s, e, skip in clauses
                    if s >= start and not skip and text.sentence_at(s).index <= here + 1]
            for s, e in told:
                matters = [m for m in self._clause_parts(text, s, e, addressed)[0] if self._may_pair(m, person, text)]
                if matters:
                    return [self._hit(text, matters[0], person)]
            if person.kind != "name" and (EVENT_WHO_RE.search(context) or claimed) and self._private_doer(text, context, start, end, person):
                # "Who was it that got hurt?" - "… it was one of the newer support workers from the homelessness team": a "who"
                # about what someone did or what befell them is answered by pointing the person out, in any words.
                return [self._hit(text, Part(start, end, "confirmed"), person)]
            if refused:
                return []
            if person.kind == "name" or STAFF_RE.search(text.text[person.start:person.end]):
                return []  # "Kommuneoverlege er Per Ivar Sande. Han nås …": who holds a post is public
            asserted = self._asserted(text, [(s, e, False) for s, e in told if s > start], context)
            if asserted is not None:
                return [asserted]
            if in_context:
                return [self._hit(text, Part(start, end, "confirmed"), person)]
            return []
        return []

    def _private_doer(self, text: AnalysedText, context: str, start: int, end: int, person: Part) -> bool:
        """Whether the person an answer to a "who" points out is a private one the answer discloses, and not what is
        public: whom to turn to or who is in charge (`ROUTE_WHO_RE`), a new holder of a post asked about or introduced,
        a good turn thanked, a clause that asserts nothing (`not_asserted`), an elected official or the municipality's
        own staff ("our engineers", "vår nye rektor")."""
        said = text.text[person.start:person.end]
        return not (ROUTE_WHO_RE.search(context) or NEW_ASKED_RE.search(context) or NEW_HOLDER_RE.search(text.text)
                    or THANKS_RE.search(context) or THANKED_ANYWHERE_RE.search(text.text)
                    or self.not_asserted_re.search(text.text, start, end)
                    or ELECTED_RE.search(said) or OUR_STAFF_RE.search(said) or OURS_BEFORE_RE.search(text.text, start, person.start))

    def _asserted(self, text: AnalysedText, clauses: list[tuple[int, int, bool]], context: str = "",
                  few: bool = False) -> ConfidentialHit | None:
        """A clause whose subject is the person the comment asked about ("Hun har det bra",
        "He's been off since", "Sjåføren var på jobb igjen i dag") says something about them in
        whatever words: no word list holds every state, whereabouts or outcome. A refusal, a
        question, a general statement, a modal or referral ("han kan ringe legevakta", "she's
        welcome to"), thanks and praise assert nothing about them (`not_asserted`), and once the
        reply introduces the new holder of a post ("Ny rektor, Sigrid Nilsen, begynte 1. august, og
        hun …") its pronouns are about that public appointment. The subject must be someone the
        comment can have asked about: a job ("rektor") only when the comment names that job (a
        comment about the teacher is not about the head), and "han" or "she" only when the comment
        speaks of one person, not only of a group ("skyssen for borna …" - "Han går frå …" is the bus)."""
        if not self.data.not_asserted or NEW_ASKED_RE.search(context):
            return None  # "Who is the new head at Lindhaug?" - "It's Mona Eriksen … She starts on …": a public appointment
        introduced = NEW_HOLDER_RE.search(text.text)
        for start, end, skipped in clauses:
            if skipped:
                continue
            if introduced is not None and start >= introduced.start():
                break  # "Ny rektor er Hallvard Bø. Han kjem frå Sunnfjord": the new holder of an office
            # The clause's start, or after a dash or comma ("Your gran's at Birchwood — she was
            # …", "Stakkars Kjell, han fikk …").
            subject = None
            for at in [start, *(m.end() for m in SUBJECT_AFTER_RE.finditer(text.text, start, end))]:
                opener = self.asserted_opener_re.match(text.text, at, end)
                at = opener.end() if opener else at
                subject = (self.kin_subject_re.match(text.text, at, end) or self.anaphor_re.match(text.text, at, end)
                           or self._named_in_comment(text.text, at, end, context))
                if (subject is not None and subject.group(0).lower() in POSSESSIVES
                        and self.name_after_re.match(text.text[subject.end():end])):
                    subject = None  # "Her school has support in place": the subject is her school
                if subject is not None and SERVICE_NAMED_AFTER_RE.match(text.text, subject.end(), end):
                    subject = None  # "The child welfare service mostly helps families": the subject is a service
                if (subject is not None and subject.end() > at and _singular(subject.group(0)) != few
                        and len(text.text[subject.end():end].split()) >= 2
                        and not AND_RE.match(text.text, subject.end(), end)):
                    break  # "she and the other volunteers …" is a group
                subject = None
            if subject is None or not self._could_be_asked(subject.group(0), context):
                continue
            if few and not FEW_SUBJECT_RE.match(subject.group(0)):
                continue  # "Ungane har alltid tilgang til varme klede": children in general, not the few asked about
            if WORKERS_RE.fullmatch(subject.group(0).strip()):
                continue  # "Ansatte setter stor pris på …": staff in general, no one asked about
            if SINGULAR_PRONOUN_RE.fullmatch(subject.group(0)) and self._thing_first(text, context):
                continue  # "Båten … Kven har lov å bruke han?" - "Båten er ein arbeidsbåt … Han ligg ved …": "han" is the boat
            # What the clause says of them ends where another subject takes over ("He's known
            # to us and his daughter has been told …"): a letter to the daughter does not
            # unsay what was said of him.
            then = NEXT_SUBJECT_RE.search(text.text, subject.end(), end)
            if then and len(text.text[subject.end():then.start()].split()) < 2:
                then = None  # "Her teacher and the school nurse …": one subject of two people
            if self.not_asserted_re.search(text.text, start, then.start() if then else end):
                continue
            predicate = Part(subject.end(), end, "asserted")
            person = Part(subject.start(), subject.end(), "asked")
            return ConfidentialHit(subject.start(), end, predicate, person, self._detail(text.text, predicate, person))
        return None

    def _thing_first(self, text: AnalysedText, context: str) -> bool:
        """Whether the reply's first sentence opens on the same definite noun as the comment and that noun
        is no person ("Båten til kommunen …" - "Båten er ein arbeidsbåt"): then "han" or "ho" after it, as
        nynorsk and bokmål use them of things, is that thing."""
        if not text.sentences:
            return False
        first = FIRST_WORD_RE.match(text.text)
        said = FIRST_WORD_RE.match(context)
        if first is None or said is None or first.group(1).lower() != said.group(1).lower():
            return False
        word = first.group(1)
        return not (self.anaphor_re.fullmatch(word) or SINGULAR_PRONOUN_RE.fullmatch(word)
                    or any(search.fullmatch(word) for kind, search in self.person_res.items() if kind != "name")
                    or word.lower() in self.first_names)

    def _named_in_comment(self, reply: str, at: int, end: int, context: str) -> re.Match[str] | None:
        """A known first name opening the clause that the comment also names ("My aunt Maria …" -
        "Maria cancelled her help …", "Kva skjer med Lars i 3. klasse?" - "Lars får eigen drosje"):
        the person the comment asked about, as a pronoun would be."""
        name = FIRST_NAME_SUBJECT_RE.match(reply, at, end)
        if name is None or name.group(1).lower() not in self.first_names or THANKS_RE.search(context):
            return None  # "Thanks to coach Erik …" - "Erik has been a volunteer coach …": a helper thanked
        return name if re.search(rf"\b{re.escape(name.group(1))}\b", context) else None

    def _could_be_asked(self, subject: str, context: str) -> bool:
        """Whether the subject of an asserted clause may be the person the comment asked about."""
        role = ROLE_SUBJECT_RE.search(subject)
        if role is not None:
            return role.group(1)[:5].lower() in context.lower()
        if SINGULAR_PRONOUN_RE.fullmatch(subject.strip()) and PLURAL_NOUN_RE.search(context):
            return (self._one_referred_to(context)
                    or any(_singular(m.group(0)) for kind, search in self.person_res.items() if kind not in ("name", "pronoun")
                           for m in search.finditer(context))
                    or any(w.lower() in self.first_names for w in re.findall(r"\b[A-ZÆØÅ][a-zæøå]+\b", context)))
        return True

    @cached_property
    def asserted_opener_re(self) -> re.Pattern[str]:
        return _any_re([f"(?:{p})" for p in self.data.asserted_openers]) if self.data.asserted_openers else re.compile(r"\s*")

    @cached_property
    def kin_subject_re(self) -> re.Pattern[str]:
        """A relative or neighbour as the clause's subject ("Your nan had a couple of visits
        cancelled", "Mora di har fått …"): the person asked about, named by kinship."""
        kin = self.data.persons.get("kin")
        return _any_re(kin.patterns) if kin is not None else re.compile(r"(?!)")

    @cached_property
    def not_asserted_re(self) -> re.Pattern[str]:
        return _any_re(self.data.not_asserted)

    def parts(self, text: AnalysedText) -> tuple[list[Part], list[Part], bool]:
        """Every matter and person reference in clauses that are not skipped, and whether any
        clause declines to discuss a matter: the raw material of `find`, which the learned
        model reads as features so it can weigh combinations the pairing rules do not name."""
        if not self._gated(text):
            return [], [], False
        addressed = self._addresses_by_name(text)
        matters: list[Part] = []
        persons: list[Part] = []
        refused = False
        for start, end, skipped in self._clause_list(text):
            if skipped:
                refused = refused or self._refuses(text.text[start:end])
                continue
            clause_matters, clause_persons = self._clause_parts(text, start, end, addressed)
            matters += clause_matters
            persons += clause_persons
        return matters, persons, refused

    def _clause_list(self, text: AnalysedText) -> tuple[tuple[int, int, bool], ...]:
        """Every clause of the reply (start, end) and whether it is skipped (`_skipped`), found
        once per reply text: `find`, for every comment, and `parts` read the same clauses."""
        found: tuple[tuple[int, int, bool], ...] | None = text.derived.get("confidential.clauses")
        if found is None:
            found = text.derived["confidential.clauses"] = tuple(
                clause for sentence in text.sentences for clause in self._sentence_clauses(text, sentence))
        return found

    def _sentence_clauses(self, text: AnalysedText, sentence: Sentence) -> list[tuple[int, int, bool]]:
        """One sentence's clauses and whether each is skipped. A clause before a refusal that points back
        at it ("…, gjeld søknaden til barnet dykkar, så det kan vi ikkje gå inn på her", "That is about
        your son's application, so we can't discuss it here") names the matter declined and is skipped
        with it, unless a "but" comes between (what comes before "but we can't say more" was told)."""
        spans = self._clauses(text, sentence)
        skipped = [self._skipped(text.text[s:e]) for s, e in spans]
        for j in range(len(spans) - 1, 0, -1):
            clause = text.text[spans[j][0]:spans[j][1]]
            if not (skipped[j] and RESUMED_REFUSAL_RE.search(clause) and self._refuses(clause)):
                continue
            for i in range(j - 1, -1, -1):
                if BUT_RE.match(text.text, spans[i + 1][0], spans[i + 1][1]):
                    break
                skipped[i] = True
        return [(s, e, skipped[k]) for k, (s, e) in enumerate(spans)]

    def _signed_clauses(self, text: AnalysedText) -> list[tuple[int, int, bool]]:
        """`_clause_list` with the closing "Name, department" line skipped as well (`find`)."""
        signed = _sign_off_start(text.text)
        return [(s, e, e > signed or skipped) for s, e, skipped in self._clause_list(text)]

    @cached_property
    def _asked_kinds(self) -> frozenset[str]:
        """Matter kinds that count only when the comment points at a particular person."""
        return frozenset(kind for kind, m in self.data.matters.items() if m.asked)

    def _gated(self, text: AnalysedText) -> bool:
        """Whether any matter term is in the reply (`find` and `parts` both ask)."""
        found = text.derived.get("confidential.gate")
        if found is None:
            found = text.derived["confidential.gate"] = self.has_matter(text.text)
        return bool(found)

    def _clause_parts(self, text: AnalysedText, start: int, end: int, addressed: bool) -> tuple[list[Part], list[Part]]:
        """The matters and persons of one clause, found once per reply text: `find` (the rule)
        and `parts` (the learned model's features) read the same clauses, for every comment."""
        key = ("confidential.clause", start, end, addressed)
        found = text.derived.get(key)
        if found is None:
            clause = text.text[start:end]
            matters = self._matters(clause, start, self._kinds_in(text))
            persons = self._persons(text, clause, start, addressed)
            if addressed and DONE_RE.search(clause):
                # "sosialhjelpen din ble stanset", "sykepengene dine": a service, benefit or decision said to be the resident's own
                # right after it, in a clause that tells what was done (not advice on "medisinene dine", not how "bostøtten din
                # regnes ut").
                persons += [Part(m.start(1), m.end(1), "addressee") for m in
                            (OWN_AFTER_RE.match(text.text, matter.end, end) for matter in matters if matter.kind in RESIDENT_KINDS)
                            if m is not None]
            found = text.derived[key] = (matters, persons)
        return found

    @cached_property
    def _terms(self) -> TermIndex:
        """Every matter term by kind, searched in one pass (scoring.tone.terms): whether any
        stands in a reply (`has_matter`), and which kinds a reply's clauses are tried for."""
        return TermIndex({kind: matter.terms for kind, matter in self.data.matters.items()})

    def has_matter(self, text: str) -> bool:
        """Whether `gate_re` finds a term in `text`. The same search runs through the term index
        over the lower-cased text where that text shows every case-insensitive match
        (literals.UNFOLDED): a thousand terms tried one by one at every word cost more than the
        rest of the analysis."""
        lower = text.lower()
        if self._index_usable and aligned(text, lower):
            return self._terms.any_bounded(lower)
        return bool(self.gate_re.search(text))

    @cached_property
    def _index_usable(self) -> bool:
        """Terms whose lower-cased form is what the case-insensitive regex compares."""
        terms = [term for matter in self.data.matters.values() for term in matter.terms]
        return all(len(t.lower()) == len(t) and UNFOLDED.isdisjoint(t.lower()) and t.strip("*").split() for t in terms)

    def _kinds_in(self, text: AnalysedText) -> frozenset[str] | None:
        """The kinds of matter whose words stand somewhere in the reply (None: not known)."""
        if "confidential.kinds" not in text.derived:
            lower = text.lower
            text.derived["confidential.kinds"] = (
                self._terms.kinds(lower)
                if self._index_usable and aligned(text.text, lower) else None)
        found: frozenset[str] | None = text.derived["confidential.kinds"]
        return found

    @cached_property
    def signature_line_re(self) -> re.Pattern[str]:
        return re.compile(r"^\s*(?:" + "|".join(self.data.signature_before) + ")" if self.data.signature_before
                          else r"(?!)", re.IGNORECASE)

    def _skipped(self, clause: str) -> bool:
        """A question, a refusal, a general statement or the signature ("Hilsen Nina, kommunikasjonsavdelingen")."""
        return (clause.rstrip().endswith("?") or bool(self.signature_line_re.match(clause)) or self._refuses(clause)
                or self.general.search(clause))

    def asks_about_someone(self, comment: str) -> bool:
        """Whether the citizen's comment asks about one particular person, so that a short answer
        ("Ja.", "No, not yet") tells that person's matter: a question, not about an elected official,
        how things work, what one may do or staff in general, that points at, describes, names or
        speaks of one person, or holds a matter and one person in one of its questions
        (`asks_matter_of_one`: "Har Hege fått sparken nå?"). The detector's own reading of a bare answer asks this, and so do the
        rule for a bare "not yet" (`pending_told`) and the learned model, through `answer_tells_nobody`."""
        if ("?" not in comment or ELECTED_RE.search(comment) or HOW_ASKED_RE.search(comment) or CAN_ASKED_RE.search(comment)
                or WORKERS_RE.search(comment)):
            return False
        return bool(self._strong_in(comment) or _comment_facts(comment)[0] or self._named_asked(comment)
                    or self._one_referred_to(comment) or self.asks_matter_of_one(comment))

    def pending_told(self, reply: str, comment: str | None) -> tuple[int, int] | None:
        """"Har sykepleieren fått sparken?" - "Nei, ikke ennå.", "Has Child Safety been out to the family on Quarry
        Road?" - "Not yet.": a bare "not yet" to a question about one person (`asks_about_someone`) says that what the
        comment asks of them is on its way, a dismissal, a child welfare case, a test result, whatever the words. The
        span of the answer, or None."""
        if (NOT_YET_RE.fullmatch(reply) is None or not comment or FOUND_ASKED_RE.search(comment)
                or not self.asks_about_someone(comment)):
            return None
        return len(reply) - len(reply.lstrip()), len(reply.rstrip())

    def answer_tells_nobody(self, text: AnalysedText, comment: str) -> bool:
        """Whether a reply that opens with yes or no tells nothing of anyone by it, so that the learned
        model's opening "Ja" does not count (`features.Features.answer_to_nobody`): the comment asks
        what the citizen may or must do (ASKER_MAY_RE) and about nobody else, or the reply is a short
        answer (one sentence, SHORT_ANSWER_WORDS words) to a question about no one in particular
        (`asks_about_nobody`) with no sensitive matter in it ("Er Storgata åpen igjen?" - "Ja.")."""
        if ASKER_MAY_RE.search(comment) and not self.asks_about_someone(comment):
            return True
        return (len(text.words) <= SHORT_ANSWER_WORDS and len(text.sentences) <= 1 and not self.has_matter(comment)
                and self.asks_about_nobody(comment))

    def asks_about_nobody(self, comment: str) -> bool:
        """Whether the comment asks something, or what the citizen may or must do (ASKER_MAY_RE), and
        about no one in particular (`asks_about_someone`): "Er Storgata åpen igjen?", "Is The Shed
        open on Saturday?"."""
        if IDENTITY_ASKED_RE.search(comment):
            return False  # "Is it the Kellys out on Bracken Hill Rd?": who it is, whoever the words name
        return ("?" in comment or bool(ASKER_MAY_RE.search(comment))) and not self.asks_about_someone(comment)

    def asks_matter_of_one(self, comment: str) -> bool:
        """"Er han utvist nå?", "Is Mary on sick leave?": one question of the comment holds both a matter
        and one person, by a singular pronoun or a known first name inside it (not the word that opens the
        question, nor a name spoken to: "Hei Kari, er mange sykmeldte?"). A bare yes to it confirms the
        matter of that person; the name alone, without the matter beside it, says no more than
        `_named_asked` lets it. Kept per comment, as `_strong_in` is."""
        return _kept_per_comment(self._asked_of_one, comment, lambda c: any(
            self.has_matter(question) and self._one_in_question(question) for question in QUESTION_RE.findall(c)))

    def _one_in_question(self, question: str) -> bool:
        if any(SINGULAR_PRONOUN_RE.fullmatch(m.group(0)) for m in self.anaphor_re.finditer(question)):
            return True
        for m in NAMED_IN_QUESTION_RE.finditer(question):
            if (self._first_name_at(question, m.group(1), m.end(1))
                    and not GREETING_BEFORE_RE.search(question[: m.start(1)])
                    and not question[m.end(1):].lstrip().startswith(",")):
                return True
        return False

    def _first_name_at(self, text: str, word: str, end: int) -> bool:
        """Whether `word`, ending at `end` in `text`, is someone's first name there: one the list knows and
        `not_names` does not, and not the first word of a place's name ("Myrtle Street", "Victoria Road": the
        capitalised word after it is one `not_names` holds). Both readings of a question ask this."""
        lowered = word.lower()
        if lowered not in self.first_names or lowered in self.not_names:
            return False
        following = NEXT_WORD_RE.match(text, end)
        return following is None or following.group(1).lower() not in self.not_names

    def _named_asked(self, comment: str) -> bool:
        """"Er det sant at dei har flytta gamle Nils frå Brekkeli til sjukeheimen?", "Vesle Sofie i Blåklokka var heime
        sjuk i går. Var det vatnet?": a question that names someone by a known first name inside a sentence (not the word
        that opens it, which is capitalised anyway) points at that person."""
        if "?" not in comment:
            return False
        if any(self._first_name_at(comment, m.group(1) or m.group(2), m.end()) for m in NAME_INSIDE_RE.finditer(comment)):
            return True
        # A person put in focus by a cleft or a "som"-clause (CLEFT_ASKED_RE), not a place or an office.
        for m in CLEFT_ASKED_RE.finditer(comment):
            focus = m.group("focus") or m.group("named")
            if focus is None:
                return True
            if NAMED_WEATHER_RE.match(focus):
                continue  # "Was it Storm Ciara that took the roof?": a storm's first name is no one's
            words = [w.lower() for w in focus.split() if w[0].isupper()]
            if words and (any(w in self.not_names for w in words) or self.name_after_re.match(comment, m.end())
                          or ELECTED_RE.search(focus)
                          or any(w.endswith((*self.data.institution_suffixes, *self.data.place_suffixes)) for w in words)):
                continue
            if words and not any(w in self.first_names for w in words) and (
                    (m.group("focus") and not m.group("who"))
                    or (len(focus.split()) == 1 and not PLACED_AFTER_RE.match(comment, m.end()))):
                # "Er det Coop som har stengt?", "Was it Storm Ciara that took the roof?": no name a list knows, and neither
                # a "who" nor a home that makes the focus a person.
                continue
            return True
        return False

    def _strong_in(self, other: str) -> bool:
        """Whether the citizen's comment points at a particular person (names are not checked
        there: a comment may open with anything capitalised). Kept per comment, as a reply's
        facts are kept per reply: a comment is often answered more than once, and its search
        runs the longest person lists."""
        return _kept_per_comment(self._comments, other, lambda c: any(
            kind not in ("name", "pronoun") and search.search(c) for kind, search in self._person_searches.items()))

    def _one_referred_to(self, comment: str) -> bool:
        """Whether the comment speaks of one person by a word that stands for someone ("han", "the
        boy"; `anaphor_re`, singular). Kept per comment, as `_strong_in` is: several readings of
        every reply to it ask."""
        return _kept_per_comment(self._one_in, comment,
                                 lambda c: any(_singular(m.group(0)) for m in self.anaphor_re.finditer(c)))

    def _addresses_by_name(self, text: AnalysedText) -> bool:
        """"Hei Tommy." / ", Kristine.": the reply speaks to a named resident in public."""
        # A first name of two ("Hei Tor Erik.", "Hi Anne-Lise,"): the first is the one the list knows.
        for m in re.finditer(r"(?:^|\b(?i:hei|hi|hello|dear|kjære)\s+|,\s*)([A-ZÆØÅ][a-zæøå]+)(?:[ -][A-ZÆØÅ][a-zæøå]+)?\s*[.!,]", text.text):
            if m.group(1).lower() in self.first_names and not self.signature_re.search(text.text[: m.start(1)]):
                if m.start() == 0 or not text.text[: m.start()].rstrip().endswith(("Hilsen", "hilsen")):
                    return True
        return False

    def _greeting_name(self, text: AnalysedText) -> Part | None:
        """The resident's name in the reply's opening sentence ("Hei Randi.", "Kondolerer, Berit."),
        when the reply opens by speaking to them."""
        if not text.sentences:
            return None
        first = text.sentences[0]
        m = GREETED_RE.match(text.text, first.start, first.end)
        if m is None or m.group(1).lower() not in self.first_names:
            return None
        return Part(m.start(1), m.end(1), "addressee")

    def _wished_well(self, text: AnalysedText, clauses: list[tuple[int, int, bool]], matters_by_clause: list[list[Part]],
                     persons_by_clause: list[list[Part]], asked: bool, thanked: bool = False) -> ConfidentialHit | None:
        """"Vi håper armen gror fint, og at han kommer seg på ski igjen", "God bedring med handleddet, og lykke til
        med gipsen!", "Vi er glade for at moren din har kommet seg etter sårinfeksjonen": a sentence that wishes
        someone well names their injury or illness, however far the words stand apart. Whose it is: a person in the
        sentence, else the resident who wrote in the first person or the person their comment points out (`asked`).
        Not a wish for everyone or a group ("Vi håper alle som ble skadd kjem seg"). When the comment thanks (`thanked`),
        the whole answer is the warm reply: any sentence of it that names a person's illness or injury with the person
        ("Demensen har gått fort siden i høst, men hun har det godt hos oss") tells it, wish or not; there its addiction,
        benefits and child welfare count too ("at du no er rusfri", "startlån og gjeldsordningen for deg"), and where
        the comment is in the first person, a sentence that names such a matter with no one else in it is the thanked
        one's ("Hopefully the disability benefit comes through quickly now"), unless it passes the thanks on to those
        who work there ("til de ansatte på NAV Lien")."""
        for i, ((start, end, skipped), matters) in enumerate(zip(clauses, matters_by_clause)):
            health = [m for m in matters if m.kind in (THANKED_KINDS if thanked else WISHED_KINDS)]
            if skipped or not health:
                continue
            sentence = text.sentence_at(start)
            said = text.sentence_text(sentence)
            wish_said = bool(WISH_RE.search(said))
            if not (wish_said or thanked) or EVERYONE_RE.search(said) or ALL_RE.search(said) or "?" in said:
                continue
            persons = [p for j, (s, _e, skip) in enumerate(clauses) if not skip and text.sentence_at(s).index == sentence.index
                       for p in persons_by_clause[j] if p.kind != "group" and _singular(text.text[p.start:p.end])]
            for person in persons:
                if not (person.start < health[0].end and health[0].start < person.end) and self._may_pair(health[0], person, text):
                    return self._hit(text, health[0], person)
            reader = READER_RE.search(said) if thanked and not persons else None
            if reader is not None and not (ROUTE_SENTENCE_RE.search(said) or CONDITION_RE.search(said) or THANKS_RE.search(said)):
                # "Takk for hyggelige ord! Godt å høre at kuttet i hånda grodde fint, og at du slapp …": the one who
                # thanked, spoken to in the sentence that names the injury, is told it back in public.
                return self._hit(text, health[0], Part(sentence.start + reader.start(), sentence.start + reader.end(), "addressee"))
            if asked and not persons and (wish_said or (thanked and not _of_anyone(said) and not THANKS_RE.search(said)
                                                        and not WORKERS_RE.search(said))):
                wish = WISH_RE.search(said)
                at = sentence.start + (wish.start() if wish else 0)
                return self._hit(text, health[0], Part(at, at + (len(wish.group(0)) if wish else 0), "asked"))
        return None

    def _decided_because(self, text: AnalysedText, addressed: bool) -> ConfidentialHit | None:
        """"Naboen din fekk reduksjon fordi hytta hans vart vurdert som i dårleg stand": a sentence that opens on one
        person pointed out (a relative, a neighbour, a name, an age or a home), tells what they got or what was decided in
        their case (`DECIDED_RE`) and why, tells the grounds of a decision about them, whatever the words. Not a
        question, a condition, a route or what holds for everyone; not a job ("Sjåføren fikk beskjed om å kjøre om
        fordi …" is the service's work), staff or an elected official, whose posts are public."""
        for start, end, skipped in self._signed_clauses(text):
            sentence = text.sentence_at(start)
            if skipped or start != sentence.start:
                continue
            said = text.sentence_text(sentence)
            reason = REASON_RE.search(said)
            if reason is None or _of_anyone(said) or ALL_RE.search(said):
                continue
            persons = [p for p in self._clause_parts(text, start, end, addressed)[1] if p.kind in DECIDED_KINDS
                       and len(text.text[start:p.start].split()) <= ANSWER_LEAD_WORDS]
            persons = [p for p in persons if not STAFF_RE.search(text.text[p.start:p.end])
                       and not ELECTED_RE.search(text.text[p.start:p.end]) and _singular(text.text[p.start:p.end])]
            if not persons:
                continue
            person = persons[0]
            done = DECIDED_RE.search(text.text, person.end, sentence.start + reason.start())
            if done is None:
                continue
            grounds = Part(done.start(), sentence.end, "asserted")
            return ConfidentialHit(person.start, sentence.end, grounds, person, self._detail(text.text, grounds, person))
        return None

    def _because_you(self, text: AnalysedText, grounds_re: re.Pattern[str] = BECAUSE_YOU_RE) -> ConfidentialHit | None:
        """"Your card was blocked because you have three overdue books", "… fordi du ikkje har betalt": in answer to
        the resident's own case (a comment in the first person, or a reply that greets them by name), a sentence that
        gives as its reason what the resident did or failed to do tells the grounds of their case, whatever the words.
        Not a question, a condition, a route or what holds for everyone. With `BECAUSE_THEY_RE`, the same of the relative
        the resident asks about ("because she had conflicts with two girls")."""
        for sentence in text.sentences:
            said = text.sentence_text(sentence)
            grounds = grounds_re.search(said)
            if grounds is not None and grounds_re is BECAUSE_THEY_RE and not DONE_TO_RE.search(said, 0, grounds.start()):
                continue  # "The bus was late because he had to wait": the reason is not what was decided about the person
            if grounds is None or _of_anyone(said) or ALL_RE.search(said) or self._refuses(said):
                continue
            at = sentence.start + grounds.start()
            told = Part(sentence.start, sentence.end, "asserted")
            return self._hit(text, told, Part(at, sentence.start + grounds.end(), "asked"))
        return None

    def _refused_for_you(self, text: AnalysedText) -> ConfidentialHit | None:
        """"You won't get a crisis grant since you're working at the fish farm", "du fyller dessverre ikke vilkårene
        siden du kan gå 200 meter": in answer to the resident's own case, a sentence that refuses and gives the
        resident's own circumstances as the reason decides their case in public with its grounds. Not a condition, a
        route ("because you can apply again"), or what holds for everyone."""
        for sentence in text.sentences:
            said = text.sentence_text(sentence)
            refused = REFUSED_RE.search(said)
            grounds = YOUR_GROUNDS_RE.search(said)
            if refused is None or grounds is None or refused.start() > grounds.start():
                continue
            # What the refusal says before its reason (the reason may well say what the resident can do: "siden du kan gå").
            if _of_anyone(said[: grounds.start()]) or ALL_RE.search(said) or self._refuses(said):
                continue
            return self._hit(text, Part(sentence.start, sentence.end, "asserted"),
                             Part(sentence.start + grounds.start(), sentence.start + grounds.end(), "asked"))
        return None

    def _own_case_because(self, text: AnalysedText) -> ConfidentialHit | None:
        """"Your bill for Fjellvegen 7 went up because the property was revalued", "Dere har fått fritak fordi dere har
        lav inntekt", "Anlegget ditt … har ikkje vore godkjent sidan 2019": in answer to the resident's own case, a
        sentence that opens on them or on their own thing, tells what was done or found, and gives its reason or what it
        followed, tells the grounds of their case in public, whatever the words. Not a question, a condition, a route or
        what holds for everyone."""
        for sentence in text.sentences:
            opener = OWN_OPENER_RE.match(text.text, sentence.start, sentence.end)
            # "…, så det må du opplyse om": what the resident must do next is another clause.
            said = SO_AFTER_RE.split(text.sentence_text(sentence), maxsplit=1)[0]
            reason = REASON_RE.search(said) or AFTER_RE.search(said)
            if (opener is None or reason is None or _of_anyone(said) or ALL_RE.search(said) or self._refuses(said)
                    or not DONE_RE.search(said) and not DECIDED_RE.search(said) and not re.search(r"\b\w+(?:ed)\b|\bwent\b", said)):
                continue
            told = Part(sentence.start, sentence.end, "asserted")
            return self._hit(text, told, Part(opener.start(), opener.end(), "asked"))
        return None

    def _own_case_told(self, text: AnalysedText) -> ConfidentialHit | None:
        """"Du står allereie på ventelista", "Vi har sjekka, og du fekk berre éin dose som barn", "Garasjen din var 1,5
        meter for nær nabogrensa": in answer to the resident's own comment, a sentence that opens on them or their own
        thing and states what they got, were, owe or stand on tells a fact of their own case in public, whatever the
        words and with no reason given. Only the clause before a "so" or "but" is read (what they must do next is
        another clause); not a question, a condition, a route, what holds for everyone or a refusal."""
        for sentence in text.sentences:
            # At the sentence's start, after a colon ("We've looked you up: you still owe …"), or where an "og" / "and"
            # opens what the records show ("…, og vi ser at du har lånt over 40 bøker"; not "…, og du har fått
            # begrunnelse i svarbrevet", which points to the letter).
            starts = [sentence.start] + [sentence.start + m.end() for m in CLAUSE_OPENS_RE.finditer(text.sentence_text(sentence))]
            opener = next((m for m in (STATED_RE.match(text.text, at, sentence.end) or STATED_MORE_RE.match(text.text, at, sentence.end)
                                       for at in starts) if m is not None), None)
            if opener is None:
                continue
            said = BUT_SO_AFTER_RE.split(text.text[opener.start():sentence.end], maxsplit=1)[0]
            said = SEEN_RE.sub(" ", AND_AFTER_RE.split(said, maxsplit=1)[0])
            # "You had a bus pass off us last month, what happened to that?": the question after the comma asks about what
            # was just told, it does not make the telling a question.
            said = QUESTION_TAIL_RE.split(said, maxsplit=1)[0]
            if not STATED_RE.match(text.text, opener.start(), sentence.end):
                # "Your sample came back positive yesterday, the public health nurse will call", "Your £65 top-up went through
                # and we'll look at the arrears with you": after what the records show, what the council does next is a
                # clause of its own, with its own subject.
                said = NEXT_DOER_RE.split(said, maxsplit=1)[0]
            if _of_anyone(said) or ALL_RE.search(said) or self._refuses(said):
                continue
            told = Part(sentence.start, sentence.end, "asserted")
            return self._hit(text, told, Part(opener.start(), opener.end(), "asked"))
        return None

    def _own_decision_told(self, text: AnalysedText) -> ConfidentialHit | None:
        """"I applied for a hardship grant on Monday …" - "Hi Chloe, no need – we've got it. It's been approved for $250":
        in answer to the resident's own application, a sentence that opens on "it" or the amount and tells what was
        decided tells their case in public, with no "you" in it (`DECISION_TOLD_RE`). Not a question, a condition, a
        route or what holds for everyone ("If it's approved, …")."""
        for sentence in text.sentences:
            told = DECISION_TOLD_RE.match(text.text, sentence.start, sentence.end)
            if told is None:
                continue
            # Only its own clause: what follows "and" ("… and should be with you tomorrow") is what happens next.
            said = text.text[sentence.start:told.end()] + DECISION_CLAUSE_END_RE.split(text.text[told.end():sentence.end], maxsplit=1)[0]
            if _of_anyone(said):
                continue
            return self._hit(text, Part(sentence.start, sentence.end, "asserted"), Part(told.start(), told.end(), "asked"))
        return None

    def _thanked_told(self, text: AnalysedText, context: str) -> ConfidentialHit | None:
        """"Takk til legevakten!" - "Godt å se at du er på bedring etter panikkanfallet", "We're glad your brother's
        settled in now, especially after the months in the hostel": in the answer to thanks, a sentence that speaks to
        the reader and tells what they, or their own, came through, by what it came after, tells their life in public,
        whatever the words. Not a time of year, nor what the comment itself names ("etter raset"), nor a question, a
        condition or a route; only the part before a dash is read."""
        for sentence in text.sentences:
            said = DASH_RE.split(text.sentence_text(sentence), maxsplit=1)[0]
            reader = READER_OR_KIN_RE.search(said)
            after = THANKED_AFTER_RE.search(said)
            if (reader is None or after is None or after.group(1).lower()[:5] in context.lower() or _of_anyone(said)
                    or ALL_RE.search(said) or THANKS_RE.search(said)):
                continue
            told = Part(sentence.start + after.start(), sentence.start + after.end(), "asserted")
            return self._hit(text, told, Part(sentence.start + reader.start(), sentence.start + reader.end(), "addressee"))
        return None

    def _kin_got(self, text: AnalysedText) -> ConfidentialHit | None:
        """"Kor lang tid tek det å få tryggleiksalarm?" - "Mor di fekk sin på tre dagar": in answer to a comment that
        names a matter, a sentence that opens on a relative or neighbour and tells what they got or what was decided for
        them (`DECIDED_RE`) tells that matter of them, though the reply never names it. Not a question, a condition, a
        route or what holds for everyone."""
        for sentence in text.sentences:
            said = text.sentence_text(sentence)
            kin = self.kin_subject_re.match(text.text, sentence.start + len(said) - len(said.lstrip()), sentence.end)
            if (kin is None or not DECIDED_RE.match(text.text, kin.end() + 1, sentence.end) or not _singular(kin.group(0))
                    or _of_anyone(said)):
                continue
            told = Part(kin.end(), sentence.end, "asserted")
            return self._hit(text, told, Part(kin.start(), kin.end(), "kin"))
        return None

    def _told_to_named(self, text: AnalysedText, greeted: Part, clauses: list[tuple[int, int, bool]],
                       matters_by_clause: list[list[Part]]) -> ConfidentialHit | None:
        """"Hei Randi. Samværet er fastsatt til to timer annenhver uke": a reply that greets the
        resident who wrote by name and then states a matter tells their own case in public, though
        no "du" stands beside it. Not a matter in a condition, a question or a route ("Hvis du …",
        "kan søke"), which tells what holds for anyone; what follows a "but" or a dash ("… while the debt settlement is
        being sorted – your adviser will call you Monday") is another clause."""
        for i, ((start, end, skipped), matters) in enumerate(zip(clauses, matters_by_clause)):
            if skipped or not matters or start < greeted.end:
                continue
            # What comes after a "but" ("…, men du kan klage") is an offer; it does not unsay the decision before it.
            here = text.sentence_at(start)
            cut = next((s for s, e, _ in clauses[i + 1:] if text.sentence_at(s).index == here.index
                        and BUT_RE.match(text.text, s, e)), here.end)
            # So is what comes after a dash ("… while the debt settlement is being sorted – your adviser will call you").
            dash = DASH_RE.search(text.text, matters[0].end, cut)
            cut = dash.start() if dash else cut
            sentence = text.text[here.start:cut]
            if _of_anyone(sentence) or ALL_RE.search(sentence) or not DONE_RE.search(sentence):
                continue
            for matter in matters:
                if self._may_pair(matter, greeted, text):
                    return self._hit(text, matter, greeted)
        return None

    def _pair(self, text: AnalysedText, matters: list[Part], persons: list[Part]) -> ConfidentialHit | None:
        best: tuple[int, Part, Part] | None = None
        for matter in matters:
            for person in persons:
                if not self._may_pair(matter, person, text):
                    continue
                if person.start < matter.end and matter.start < person.end and not (person.kind == "addressee" and person.start < matter.start):
                    continue  # one word is not both parts ("pasienten"); "du fekk avslag" is the resident and the decision
                if _office_holder(text, matter, person):
                    continue
                gap = _word_gap(text, matter, person)
                kind = self.data.persons.get(person.kind)
                limit = kind.window if kind is not None else None
                if gap > (self.data.window if limit is None else limit):
                    continue
                if best is None or gap < best[0]:
                    best = (gap, matter, person)
        if best is None:
            return None
        return self._hit(text, best[1], best[2])

    def _may_pair(self, matter: Part, person: Part, text: AnalysedText) -> bool:
        """Whether the matter's kind accepts this kind of person reference (`persons` in the word
        list), and the matter is not the workplace of the staff member referred to (`STAFF_RE`)."""
        reference = text.text[person.start:person.end]
        if matter.kind in WORKPLACE_KINDS and (STAFF_RE.search(reference) or CARER_RE.search(reference) or _works_in(text, matter, person)):
            return False
        if person.kind == "name" and _job_of(text, matter, person):
            return False
        if person.kind == "name" and _titled_staff(text, matter, person):
            return False
        if person.kind == "name" and matter.end <= person.start and _leader_named(text, matter, person):
            return False
        if person.kind == "role" and _one_of_parties(text, person):
            return False
        if matter.kind in RESIDENT_KINDS and OUR_STAFF_RE.search(reference):
            return False  # "meldt til elektrikeren vår med høy prioritet": a case, a service or a benefit is a resident's, not our employee's
        if matter.kind == "personnel" and ELECTED_RE.fullmatch(reference):
            return False  # "Ordføreren har hatt permisjon": an elected official is no employee with a personnel file
        if matter.kind in OUTBREAK_KINDS and _one_at_place(text, person):
            return False  # "A child at Solsikken has measles": the outbreak is announced, nobody pointed out
        if ONE_UNNAMED_RE.match(text.text, person.start) and DENIED_BEFORE_RE.search(text.text[max(0, person.start - 60):person.start]):
            return False  # "Det stemmer altså ikke at en beboer er død": a rumour denied of nobody in particular
        attribute = ATTRIBUTE_OF_RE.match(text.text, matter.end)
        if (attribute is not None and DETERMINER_BEFORE_RE.search(text.text[max(0, matter.start - 12):matter.start])
                and not person.start <= attribute.start(1) < person.end):
            return False  # "the sick child": the matter is that child's, not the person named nearby
        allowed = self.data.matters[matter.kind].persons if matter.kind in self.data.matters else []
        return not allowed or person.kind in allowed

    def _hit(self, text: AnalysedText, matter: Part, person: Part) -> ConfidentialHit:
        return ConfidentialHit(
            min(matter.start, person.start),
            max(matter.end, person.end),
            matter,
            person,
            self._detail(text.text, matter, person),
        )

    def _clauses(self, text: AnalysedText, sentence: Sentence) -> list[tuple[int, int]]:
        spans, start = [], sentence.start
        body = text.text[sentence.start : sentence.end]
        for match in self.clause_break_re.finditer(body):
            spans.append((start, sentence.start + match.start()))
            start = sentence.start + match.start()
        spans.append((start, sentence.end))
        return [(s, e) for s, e in spans if text.text[s:e].strip()]

    def _matters(self, clause: str, offset: int, kinds: frozenset[str] | None = None) -> list[Part]:
        """The matter terms of a clause. Where the term index applies (`kinds` known) and the clause
        is spaced plainly, each kind's regex is tried only where the index puts one of its terms
        (TermIndex.starts): a scan tried hundreds of terms at every word."""
        found = []
        starts = self._terms.starts(clause.lower()) if kinds is not None and not UNEVEN_SPACE_RE.search(clause) else None
        for kind, pattern in self.matter_res.items():
            if kinds is not None and kind not in kinds:
                continue  # none of its words is in the reply (`_kinds_in`)
            if starts is not None and kind not in starts:
                continue  # none in this clause
            blocked = self.matter_not_res[kind]
            if blocked is not None and blocked.search(clause):
                continue
            matches = pattern.finditer(clause) if starts is None else matches_at(pattern, clause, starts[kind])
            found += [Part(offset + m.start(), offset + m.end(), kind) for m in matches
                      if not clause[max(0, m.start() - 1) : m.start()] in ("/", ".", "@")
                      and not DOMAIN_AFTER_RE.match(clause, m.end())
                      and not CONTACT_BEFORE_RE.search(clause[max(0, m.start() - 30) : m.start()])
                      and not TOPIC_BEFORE_RE.search(clause[max(0, m.start() - 40) : m.start()])]
        return found

    def _persons(self, text: AnalysedText, clause: str, offset: int, addressed: bool = False) -> list[Part]:
        found: list[Part] = []
        if addressed:
            found += [Part(offset + m.start(), offset + m.end(), "addressee") for m in self.addressee_re.finditer(clause)]
        searches = self._person_searches
        for kind, pattern in self.person_res.items():
            if not searches[kind].search(clause):
                continue  # no pattern of the kind matches: the alternation would find nothing, at a greater cost
            for m in pattern.finditer(clause):
                span = (m.start("name"), m.end("name")) if "name" in pattern.groupindex and m.group("name") else None
                if kind == "name" and span is not None:
                    if not self._is_name(text, offset + span[0], offset + span[1]):
                        # "Especially Leanne, who …": a word capitalised because it opens the sentence is no part of the name after it.
                        last = clause.rfind(" ", span[0], span[1]) + 1
                        first = clause[span[0]:last - 1] if last else ""
                        if (not last or clause[last:span[1]].lower() not in self.first_names
                                or first.lower() in self.first_names or first.lower() in ANSWER_WORDS
                                or GREETING_BEFORE_RE.fullmatch(first + " ") or self.gate_re.fullmatch(first)
                                or SURNAME_AFTER_RE.match(clause, span[1])
                                or not self._is_name(text, offset + last, offset + span[1])):
                            continue  # not after a greeting ("Hi Tracey") or a title ("Kommuneoverlege Per Lunde")
                        span = (last, span[1])
                if SPEAKER_AFTER_RE.match(text.text, offset + (span[1] if span is not None else m.end())):
                    continue  # who says it, not whom it is about
                start_at = span[0] if kind == "name" and span is not None and span[0] > m.start() + 1 else m.start()
                found.append(Part(offset + start_at, offset + m.end(), kind))
        if "address" in self.data.persons:
            found += [Part(offset + s, offset + e, "address") for s, e in privacy.street_addresses(clause)
                      if not self.office_before_re.search(clause[max(0, s - 40) : s])
                      and not NUMBER_RANGE_AFTER_RE.match(clause, e)]
        return found

    def person_in_sentence(self, text: AnalysedText, start: int, end: int) -> bool:
        """Whether the sentence around `start`..`end` refers to a person other than by that span
        (an address is a place until someone is said to be there)."""
        sentence = text.sentence_at(start)
        clause = text.text[sentence.start : sentence.end]
        return any(not (p.start < end and start < p.end)
                   for p in self._persons(text, clause, sentence.start, self._addresses_by_name(text)))

    @cached_property
    def office_before_re(self) -> re.Pattern[str]:
        """An address right after an office ("NAV-kontoret i Storgata 4", "helsestasjonen,
        Kirkeveien 3", "eitt kontor, i Storgata 12"), also after the town the office is in
        ("NAV-kontoret i Skjærvik, Storgata 15") or what it does there ("NAV Storvang har drop-in i
        Torggata 8"), is where the office is."""
        words = [*self.data.institution_suffixes, *self.data.institution_nouns, *OFFICES]
        return re.compile(r"(?:" + "|".join(words) + r")(?:\s+(?:i|på|in)\s+(?-i:[A-ZÆØÅ])[\wæøå-]+)?"
                          r"(?:\s+(?:har|hev|has)\s+(?:drop-in|åpent|open|ope|kontor|an office)|\s+(?:holder|held|ligger|ligg|is)(?:\s+til)?)?"
                          r"(?:,?\s+(?:i|på|ved|in|at|on)\s+|,\s*)$", re.IGNORECASE)

    def _is_name(self, text: AnalysedText, start: int, end: int) -> bool:
        """A capitalised word or two that stands for a person, not a place, institution or a
        word capitalised only because it opens the sentence."""
        words = text.text[start:end].split()
        if any(w.lower() in self.not_names for w in words):
            return False
        if any(w.lower().endswith(tuple(self.data.institution_suffixes)) for w in words if self.data.institution_suffixes):
            return False  # "Korttidsavdelingen", "Fylkesnemnda", "Senterpartiet"
        if self.signature_re.search(text.text[max(0, start - 40) : start]):
            return False  # "Hilsen Marte", "– Camilla, Mental health": the writer signs
        before_word = re.search(r"(\S+)\s+$", text.text[max(0, start - 30) : start])
        after_word = re.match(r"\s+(\S+)", text.text[end : end + 30])
        if len(words) >= 2 and any(w and w[0].isupper() for w in
                                   (before_word and before_word.group(1), after_word and after_word.group(1))):
            return False  # "Food Safety Authority": a run of three capitalised words is an organisation
        if (self.data.language == "en" and words[0].lower() not in self.first_names
                and (len(words) == 2 and words[1].lower() not in self.first_names and not HOME_NOUN_RE.fullmatch(words[1])
                     or len(words) == 1 and (ORG_AND_BEFORE_RE.search(text.text, max(0, start - 30), start)
                                             or ORG_AND_AFTER_RE.match(text.text, end)))):
            # "Regional District", "Work and Income", "People and Capability": an organisation, no first name in it
            # (a home by its name still points its people out: "the two families who lost their flat in the Elm Court fire").
            return False
        if len(words) == 1 and words[0].lower() not in self.first_names and any(
            words[0].lower().endswith(suffix) for suffix in self.data.place_suffixes
        ):
            return False  # "Fjordvik", "Sørlia"
        if self.name_after_re.match(text.text[end : end + 30]):
            return False  # "Solsikken barnehage", "Lia sykehjem"
        sentence = text.sentence_at(start)
        before = text.text[sentence.start : start]
        listed = LIST_BEFORE_RE.search(before)
        if listed and listed.group(0).rstrip().endswith(",") and (
                listed.group(1).lower() in ANSWER_WORDS or GREETING_BEFORE_RE.search(before[: listed.start()])):
            listed = None  # "Ja, Ola får plass", "Hi Tracey, Kyle was …": an answer or a greeting, not a list
        if (self.place_before_re.search(before) and not (TO_PERSON_RE.search(before) and words[0].lower() in self.first_names)) or listed:
            return False  # "på Lia", "i Granveien", "Hagevik og Nordstranda": a place
        if NAV_BEFORE_RE.search(before):
            return False  # "NAV Fjordbotn": the office named by its place
        if (len(words) == 1 and words[0].lower() not in self.first_names and THE_BEFORE_RE.search(before)
                and not words[0].endswith("s") and not FAMILY_NOUN_AFTER_RE.match(text.text, end)):
            return False  # "the Province", "the Sula", "our Director": no one's name takes "the" (but "the Forde boy", "the Hendersons")
        opening = not before.strip() or bool(re.search(r"[^\w\s,;]\s*$", before))
        if opening:  # "Vedrørende Deres ...": only a known first name may open a sentence as a name
            return words[0].lower() in self.first_names or words[0].lower().rstrip("s") in self.first_names
        return True

    def _detail(self, text: str, matter: Part, person: Part) -> Detail:
        data = self.data
        m_name = (data.matters[matter.kind].name if matter.kind in data.matters
                  else ASSERTED if matter.kind == "asserted" else CONFIRMED)
        p_name = data.persons[person.kind].name if person.kind in data.persons else CARRIED[person.kind]
        m_text, p_text = text[matter.start : matter.end], text[person.start : person.end]
        return {
            "nb": f"Sensitivt forhold: «{m_text}» ({m_name.nb}); kan identifisere en person: «{p_text}» ({p_name.nb}).",
            "nn": f"Sensitivt forhold: «{m_text}» ({m_name.nn}); kan identifisere ein person: «{p_text}» ({p_name.nn}).",
            "en": f"Sensitive matter: «{m_text}» ({m_name.en}); identifies a person: «{p_text}» ({p_name.en}).",
        }


@lru_cache(maxsize=KEPT_COMMENTS)
def _echoed(reply: str, start: int, end: int, comment: str) -> bool:
    """"Was 8C on that bus??" - "Yes, 8C was on the bus.", "Anyone know if the Hendersons got out?" - "Yep, they're out.":
    a yes whose own sentence says back what the comment asked, in the comment's words (a pronoun for its person aside),
    adds nothing but the yes, and confirms it as a bare yes does."""
    words = ECHO_WORD_RE.findall(reply[start:end].lower())
    if not words:
        return False
    asked = set(ECHO_WORD_RE.findall(comment.lower()))
    return all(w in asked or w in ECHO_FREE for w in words) and any(w in asked and w not in ECHO_FREE for w in words)


@lru_cache(maxsize=KEPT_COMMENTS)
def _comment_facts(comment: str) -> tuple[bool, bool, bool]:
    """What the comment says of whom it asks about, worked out once per comment (a comment is often
    answered more than once): one person it describes ("en ungdom som sitter på brygga"); whether it
    asks about several people together ("the Hansen twins", "the family at no. 22", "foreldra hans") or
    whoever it was ("was anyone hurt?"), for only then may a plural word in the reply ("they",
    "foreldrene") be who it asked about; and whether it asks how something works ("Korleis søkjer ho?",
    "What's the process?"), where "he" in the answer is whoever applies."""
    if not comment:
        return False, False, False
    group = bool(FEW_RE.search(comment) or PLURAL_NOUN_RE.search(comment) or FAMILY_RE.search(comment)
                 or ANYONE_ASKED_RE.search(comment))
    return bool(ONE_DESCRIBED_RE.search(comment)), group, bool(HOW_ASKED_RE.search(comment))


def _reviewed_case(text: AnalysedText, own_case: bool = True) -> tuple[Part, Part] | None:
    """"Vi har sett på søknaden din, og … blir den nok avslått", "We looked at your application. You're
    number 12 on the list": in answer to a resident's own case, a reply that says the case was examined
    and goes on to tell them what was found handles their case in public, whatever the words. Not an
    examination to come ("send oss saksnummeret, så ser vi på det", "when we have checked"), one made
    with someone else ("vi har sjekket med renovatøren") or of everyone ("alle som bor …"), and only
    when what follows speaks to or of the resident ("du", "your", a name) and not of everyone ("alle i
    Storgata fikk dobbelt gebyr"). Unless the comment names its own case (`own_case`: an application, a
    bill, a claim), the reply must say that what it examined is the resident's ("sett på journalen din",
    "We saw your case", "Vi ser at du var her"): a comment in the first person about a street light is
    not a case. Returns what was told and the word for the resident."""
    for match in REVIEWED_RE.finditer(text.text):
        if not own_case and not OWN_REVIEWED_RE.match(text.text, match.end()):
            continue
        sentence = text.sentence_at(match.start())
        if FUTURE_BEFORE_RE.search(text.text, sentence.start, match.start()):
            continue
        following = text.sentences[sentence.index + 1] if sentence.index + 1 < len(text.sentences) else None
        end = following.end if following is not None else sentence.end
        # After "Vi har sett saken din:" what was found follows the colon, and it must speak of the resident there too
        # ("postkassestativet ditt står …", not "vi sender en montør i morgen").
        told = CASE_COLON_RE.match(text.text, match.end())
        resident = TOLD_TO_RE.search(text.text, told.end() if told else match.end(), end)
        if resident is not None and not EVERYONE_RE.search(text.text, match.end(), end):
            return Part(match.start(), end, "asserted"), Part(resident.start(), resident.end(), "asked")
    return None


def _said_of_place(text: AnalysedText, matter: Part, context: str) -> bool:
    """A matter a yes tells of the service or the place the comment named, not of the person it asked
    about: the service is the clause's subject ("Yes, home care visits go on as usual") or the clause
    places the matter there ("Ja, det er påvist norovirus på Solbakken")."""
    sentence = text.sentence_at(matter.start)
    clause = text.text[sentence.start : sentence.end]
    opened = OPENED_BY_SERVICE_RE.match(text.text, sentence.start)
    if opened is not None and opened.end() >= matter.start:
        return True
    return any(m.group(1) in context for m in PLACED_RE.finditer(clause))


def _one_at_place(text: AnalysedText, person: Part) -> bool:
    """Whether the reference is one unnamed person at a whole institution, with nothing after it that
    narrows who (`ONE_AT_PLACE_RE`)."""
    one = ONE_AT_PLACE_RE.match(text.text, person.start) or ONE_ALONE_RE.fullmatch(text.text, person.start, person.end)
    return (one is not None and one.end() >= person.end
            and NARROWED_AFTER_RE.match(text.text, one.end()) is None)


def _group(reference: str) -> bool:
    """A plural reference that is no small known set of people ("they", "foreldrene", "Ansatte",
    not "de to guttene" or "the twins")."""
    head = reference.split()[-1] if reference.split() else reference
    return bool(PLURAL_RE.fullmatch(head) or STAFF_PLURAL_RE.fullmatch(head)) and not FEW_RE.search(reference)


def _kept_per_comment(kept: dict[str, bool], comment: str, read: Callable[[str], bool]) -> bool:
    """`read(comment)`, kept in `kept` for the next reply to the same comment (a comment is often answered more than
    once); emptied when it holds KEPT_COMMENTS comments, so a long drill's comments do not pile up."""
    found = kept.get(comment)
    if found is None:
        if len(kept) >= KEPT_COMMENTS:
            kept.clear()
        found = kept[comment] = read(comment)
    return found


def _singular(reference: str) -> bool:
    """Whether a pronoun or definite noun points at one person, not a group."""
    return not PLURAL_RE.search(reference)


def _sign_off_start(text: str) -> int:
    """Where the closing "Name, department" line starts (len(text) when there is none), or a closing department alone
    ("… We'll pass it on. Children's Services", "Benefits team")."""
    m = SIGN_OFF_RE.search(text)
    if m and len(m.group(1).split()) <= 8:
        return m.start(1)
    dept = DEPARTMENT_SIGN_OFF_RE.search(text)
    return dept.start(1) if dept else len(text)


def _works_in(text: AnalysedText, matter: Part, person: Part) -> bool:
    """Whether the person is named as one of the staff of the service the matter names (`COLLEAGUES_GAP_RE`)."""
    return (person.end <= matter.start and bool(COLLEAGUES_GAP_RE.match(text.text[person.end:matter.start]))
            and bool(SERVICE_RE.search(text.text[matter.start:matter.end])))


def _one_of_parties(text: AnalysedText, person: Part) -> bool:
    """Whether the person is one of the parties to a process listed together ("Eleven, foreldra og skulen")."""
    return (bool(PARTIES_AFTER_RE.match(text.text, person.end))
            or bool(PARTIES_BEFORE_RE.search(text.text, max(0, person.start - 30), person.start)))


def _job_of(text: AnalysedText, matter: Part, person: Part) -> bool:
    """Whether the matter is the named person's job, given beside the name: "Ingrid Vik, ny assistent",
    "vår nye assistent Ingrid Vik"; and a profession told as a title or what the named are ("ergoterapeut Jan",
    "occupational therapist Jan", "Vi heter Anne og Jonas og er nye ergoterapeuter")."""
    profession = bool(PROFESSION_RE.search(text.text, matter.start, matter.end))
    if matter.start >= person.end:
        if profession and PROFESSION_GAP_RE.fullmatch(text.text, person.end, matter.start):
            return True
        gap = APPOSITION_GAP_RE.fullmatch(text.text, person.end, matter.start)
        return gap is not None and text.text[person.end:matter.start].lstrip().startswith(",")
    if person.start >= matter.end and LEADER_GAP_RE.fullmatch(text.text, matter.end, person.start):
        return True  # "The Home Care manager is Siri Lunde", "Our carers' coordinator, Hanne, …": who leads the service
    return (person.start >= matter.end and not text.text[matter.end:person.start].strip()
            and (profession or bool(TITLE_BEFORE_RE.search(text.text, max(0, matter.start - 20), matter.start))))


def _of_anyone(said: str) -> bool:
    """A question, a condition, a route or what holds for everyone ("Hvis du …", "kan søke", "alle som …"):
    the sentence says what holds for anyone, not a fact of the person it speaks of."""
    return "?" in said or bool(CONDITION_RE.search(said) or ROUTE_SENTENCE_RE.search(said) or EVERYONE_RE.search(said))


def _titled_staff(text: AnalysedText, matter: Part, person: Part) -> bool:
    """"et demensteam med sykepleier Tove og ergoterapeut Jan", "Our dementia team — nurse Tove and occupational therapist
    Jan", "Marit og resten av helsesykepleierne": a name with a profession as its title, or listed with the rest of a
    profession, is one of the municipality's staff; a profession or a service beside them is their work, not a matter
    about them. A matter that names a service ("dementia team") is not excused: in dev-41 that pair is what finds a
    reply that goes on to tell of the reader's mother."""
    titled = bool(TITLED_BEFORE_RE.search(text.text, max(0, person.start - 40), person.start))
    work = bool(PROFESSION_RE.search(text.text, matter.start, matter.end)) or bool(SERVICE_RE.search(text.text, matter.start, matter.end))
    if not work:
        return False
    if matter.start >= person.end and COLLEAGUES_GAP_RE.match(text.text[person.end:matter.start]):
        return True
    return titled and _word_gap(text, matter, person) <= STAFF_WINDOW


def _leader_named(text: AnalysedText, matter: Part, person: Part) -> bool:
    """"lederen i hjemmetjenesten, Anne Grethe Holm": the service before the name is where the named leader works."""
    window = max(0, person.start - LEADER_NAMED_WINDOW)
    found = LEADER_NAMED_RE.search(text.text, window, person.start)
    return found is not None and window <= matter.start and found.start() <= matter.end


def _office_holder(text: AnalysedText, matter: Part, person: Part) -> bool:
    """"enhetslederen for hjemmetjenesten": the service is where the leader works."""
    return (matter.start >= person.end and bool(LEADER_RE.search(text.text[person.start:person.end]))
            and bool(UNIT_GAP_RE.match(text.text[person.end:matter.start])))


def _word_gap(text: AnalysedText, a: Part, b: Part) -> int:
    """Words strictly between the two parts, less a relative clause closed by a comma after the
    first ("dei to gutane i 5. klasse som var i bilen …, får samtalar med PPT"): the subject and
    its predicate stand that far apart only in words, not in what is said of whom."""
    left, right = (a, b) if a.start < b.start else (b, a)
    between = [t for t in text.tokens if left.end <= t.start and t.end <= right.start]
    relative = RELATIVE_RE.match(text.text, left.end, right.start)
    if relative is not None:
        between = [t for t in between if t.start >= relative.end()]
    return len(between)


def _terms_re(terms: list[str]) -> re.Pattern[str]:
    """Word-list entries as one regex: `word` is the word itself, `stem*` any word starting
    with the stem, `*part*` any word containing it, and a phrase matches its words with any
    spacing. The `*part*` terms stand together behind one run of word characters, where the
    last of them stood in the list: the run is tried once at each word, not once per term."""
    parts: list[str] = []
    inside: list[str] = []
    at = 0
    for term in terms:
        prefix, infix = term.endswith("*"), term.startswith("*")
        words = [re.escape(w) for w in term.strip("*").split()]
        body = r"\s+".join(words) + (r"[\wæøåÆØÅ-]*" if prefix else "") + r"(?![\wæøåÆØÅ])"
        if infix:
            inside.append(body)
            at = len(parts)
        else:
            parts.append(body)
    if inside:
        parts.insert(at, r"[\wæøåÆØÅ-]*(?:" + "|".join(inside) + ")")
    return re.compile(r"(?<![\wæøåÆØÅ])(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _any_re(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)
