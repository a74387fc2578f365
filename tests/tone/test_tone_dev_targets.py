"""The analyser on the labelled development files (tests/tone/labelled/).

The learned model is trained on these very files, so these are in-sample figures: guards that
notice a broken rule, feature or model file, not evidence that the analyser generalises. The
cross-validated figures (each file scored by a model trained on the others) are printed by
`python -m scoring.tone.train --report` and given in docs/tone.md. The floors sit under what
the analyser reaches today; each labelled flag also has a recall floor, so a rule family or a
flag model that stops firing is noticed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from scoring.tone.evaluation import Evaluation, evaluate, read_labelled

LABELLED = Path(__file__).parent / "labelled"

# file -> (AUC floor per language, privacy-recall floor, most good replies flagged for privacy)
# In sample: these files trained the model. When privacy gained its trees (7 December), twelve files'
# floors moved to what they now reach (dev-54, 56, 91, 92, 107, 110, 111, 117, 122, 130, 142, 154):
# the trees are less sure of their own training replies than the regression, which nearly learns
# them by heart, so in sample the average loses a few finds and gains a few false alarms, while on
# the held-back part it found 72 more breaches for 12 more false alarms (docs/tone.md). The model on 195 files
# (7 December) sets its privacy threshold a little higher (0.423 -> 0.436): seven more files' floors moved to what
# they now reach (dev-52, 110, 118, 128, 130, 142, 145), and after the rules round that followed, dev-164's. The model on
# 201 files (later that day) raised it again (0.436 -> 0.457): ten more (dev-88, 101, 105, 110, 117, 128, 142, 144, 151, 152).
# The model on 207 files (the next stop) raised it once more (0.457 -> 0.466): four more (dev-87, 110, 141, 152); after
# the rules round that followed (0.466 -> 0.471), three more (dev-104, 105, 196). The model on 213 files (the stop after,
# with a rules round) raised it to 0.480: thirteen privacy floors (dev-105, 107, 117, 118, 121, 128, 130, 137, 138, 142,
# 151, 153, 161) and two false-alarm ceilings (dev-201, 202) moved to what they now reach. The model on 219 files, after
# a second round, set it at 0.474: eight more privacy floors (dev-86, 104, 118, 120, 130, 136, 142, 196) and one
# ceiling (dev-211) moved. The model on 231 files, after a third round, set it at 0.464: two privacy floors (dev-130,
# 152) and three ceilings (dev-115, 122, 213) moved. The model on 237 files, after a fourth round, set it at 0.469: seven
# more privacy floors (dev-87, 112, 128, 145, 155, 161, 225) and two ceilings (dev-215, 230) moved. The model on 243 files,
# after a fifth round, set it at 0.479: seven more privacy floors (dev-88, 107, 110, 133, 141, 151, 236) moved. The model
# on 249 files, after a sixth round, set it at 0.477: six privacy floors (dev-116, 127, 140, 161, 202, 236) and two
# ceilings (dev-52, 218) moved.
FLOORS = {
    "dev-en.jsonl": ({"en": 0.97}, 0.96, 0.02),
    "dev.jsonl": ({"nb": 0.965, "nn": 0.945}, 0.96, 0.02),
    # The first held-back set, now development data: it judged the rules once (AUC 0.903,
    # privacy 56.8 %) before the confidentiality detector learnt carry-over and wider word lists.
    "dev-2.jsonl": ({"nb": 0.935, "nn": 0.96, "en": 0.955}, 0.97, 0.01),
    # The second held-back set (rules alone, unseen: AUC 0.866, privacy 59.3 %, 4.3 % of good
    # replies flagged); the rules' own false alarms on it remain, the model removes none.
    "dev-3.jsonl": ({"nb": 0.95, "nn": 0.95, "en": 0.95}, 0.95, 0.05),
    # The third held-back set (unseen: AUC 0.970, privacy 79.2 %, 2.8 % of good replies flagged);
    # its misses taught the detector roles, confirmations and nynorsk forms.
    "dev-4.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.01),
    # The fourth held-back set (unseen: AUC 0.967, privacy 82.6 %, 3.2 % of good replies flagged);
    # its misses taught the detector everyday ailment, medicine and care words, people by job or
    # home, and possessives ("legen hans") for the person the comment named.
    "dev-5.jsonl": ({"nb": 0.97, "nn": 0.97, "en": 0.97}, 0.97, 0.02),
    # Three quarters of the fifth held-back set (unseen: AUC 0.941, privacy 87.5 %, 8.2 % of good
    # replies flagged); its misses taught the detector everyday health words after a pronoun, staff
    # by job at a named place, and its false alarms that a pronoun needs someone to point back to.
    "dev-6.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the sixth held-back set (unseen: AUC 0.956, privacy 89.0 %, 7.0 % of good
    # replies flagged); its false alarms taught the detector who holds an office, how questions and
    # benefits are handled in general, and that a "yes" confirms only what its own sentence says.
    "dev-7.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the seventh held-back set (unseen: AUC 0.978, privacy 82.1 %, 2.3 % of good
    # replies flagged); its misses taught the detector everyday words said of the person the comment
    # asked about, the missing by address and an amount told to a resident addressed by name.
    "dev-8.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the eighth and ninth held-back sets (unseen: AUC 0.971 and 0.953, privacy
    # 87.1 %, 5.6 % of good replies flagged); their misses taught the detector that a clause about
    # the person the comment asked about says something of them in any words.
    "dev-9.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-10.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the tenth and eleventh held-back sets (unseen: AUC 0.987 and 0.966, English
    # 0.946 on the eleventh, privacy 91.9 %, 4.0 % of good replies flagged); their misses taught the
    # detector the resident's own case told back, a relative as the subject and a "who was it?"
    # answered by a description, and their false alarms who will call back and a school's support.
    "dev-11.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-12.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the twelfth and thirteenth held-back sets (unseen: AUC 0.972 and 0.980,
    # privacy 86.7 %, 2.7 % of good replies flagged); their misses taught the detector a disclosure
    # after a refusal, a group's member named as an example and a person by trade and home place,
    # and their false alarms an address said again as a place and the new holder of a post.
    "dev-13.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-14.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the fourteenth and fifteenth held-back sets (unseen: AUC 0.972 and 0.968,
    # privacy 88.2 %, 6.3 % of good replies flagged); their false alarms taught the detector matter
    # words used of a house, a fundraiser or staff at work, a place after 'på' and a yes that opens a rule.
    "dev-15.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-16.jsonl": ({"nb": 0.96, "nn": 0.97, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the sixteenth and seventeenth held-back sets (unseen: AUC 0.981 and 0.973,
    # privacy 86.3 %, 3.1 % of good replies flagged); their misses taught the detector who is blamed
    # for a fire, an outbreak or a pollution, a group's member singled out by role or home, people by
    # origin, and their false alarms a range of year groups, a municipal team and a yes to "can he get …".
    "dev-17.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-18.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the eighteenth and nineteenth held-back sets (unseen: AUC 0.958 and 0.969,
    # privacy 87.7 %, 5.8 % of good replies flagged); their false alarms taught the detector to ask
    # for one person the comment could have asked about (not a job it did not name, a group, "han"
    # for a bus, the service after a refusal) and a matter said of them, and their misses who an
    # outbreak started with, a person known to the police and a household's own finances told back.
    "dev-19.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-20.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the twentieth and twenty-first held-back sets (unseen: AUC 0.989 and 0.981,
    # privacy 89.8 %, 2.8 % of good replies flagged); their misses taught the detector an answer to
    # "who …?" that points a person out, the resident's own case examined and told back, people by
    # origin or by a compound and home, and the name the comment gave as a clause's subject.
    "dev-21.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-22.jsonl": ({"nb": 0.97, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    # Three quarters of the twenty-second and twenty-third held-back sets (unseen: AUC 0.975 and
    # 0.989, privacy 87.2 %, 3.2 % of good replies flagged); their false alarms taught the detector a
    # job beside a name, a visiting carer and a group told the rules, and their misses illness in
    # thanks, a few counted by what they did, and the resident's own case told back.
    "dev-23.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-24.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the twenty-fourth and twenty-fifth held-back sets (unseen: AUC 0.991 and
    # 0.979, privacy 91.1 %, 1.3 % of good replies flagged); their misses taught the detector the
    # resident greeted by name and told their own case, people by common names and acute states, and
    # their false alarms what is done whenever something happens and a verb-first "if".
    "dev-25.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-26.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the twenty-sixth and twenty-seventh held-back sets (unseen: AUC 0.895 and
    # 0.988, privacy 86.6 %, 11.7 % of good replies flagged, 49 of the 55 an office's mobile taken for
    # a private one); they taught the detector whose line a number is, the resident's own case read
    # from the records, a bare yes, a counted few, a wish that names an illness and a decision's grounds.
    "dev-27.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-28.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the twenty-eighth and twenty-ninth held-back sets (unseen: AUC 0.985, privacy
    # 91.9 %, 4.1 % of good replies flagged, eleven of the eighteen false alarms the model's alone);
    # they taught the detector a sorry yes, an illness or injury in plain words in thanks, people by
    # home, job or post with a police, staff or welfare matter, and a few counted and described.
    "dev-29.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-30.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the thirtieth and thirty-first held-back sets (unseen: AUC 0.987, privacy
    # 93.7 %, 2.8 % of good replies flagged, five of the fourteen false alarms the outreach team's and
    # the caretaker's mobiles); they taught the detector the resident's own case told back with a
    # decision and its grounds, one singled out in a list or in thanks, and NAV as an office.
    "dev-31.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-32.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the thirty-second to thirty-fifth held-back sets, four new writers (unseen: AUC
    # 0.979, privacy 89.9 %, 3.9 % of good replies flagged, twenty of the 36 an office's mobile taken
    # for a private one); they taught the detector whose a mobile number is (private only when the reply
    # ties it to a private person), the resident's own case after a plain yes, an illness named in an
    # answer to thanks, and an eviction or a lost job.
    "dev-33.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-34.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-35.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-36.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the thirty-sixth and thirty-seventh held-back sets, two new writers (unseen: AUC
    # 0.989, privacy 93.5 %, 1.6 % of good replies flagged, five of the seven the confidentiality detector's
    # on general or happy news); they taught the detector the resident's own case told back with its
    # reason, the one who thanked told their own injury or case, a family's loss and a few counted with
    # what befell them, and that a missing person found well is news, not a breach.
    "dev-37.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-38.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the thirty-eighth to forty-first held-back sets, four new writers (unseen: AUC
    # 0.987, privacy 91.8 %, 2.8 % of good replies flagged, most of the false alarms the municipality's
    # own staff named in their role); they taught the detector the resident's own case told back in
    # plain words, what the one who thanked came through, and staff named by their profession.
    "dev-39.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-40.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-41.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-42.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the forty-second to forty-fifth held-back sets, four new writers (unseen: AUC
    # 0.986, privacy 93.7 %, 1.8 % of good replies flagged, most of the false alarms advice about the
    # reader's own child or relative and the municipality's own staff in their role); they taught the
    # detector what the one who thanked came through beyond health, a short yes, a name placed in the
    # question, and addresses and buildings open to the public.
    "dev-43.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-44.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-45.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-46.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the forty-sixth to forty-ninth held-back sets, four new writers (unseen: AUC 0.993,
    # privacy 93.8 %, 1.6 % of good replies flagged, most of the false alarms the reader's relative pointed to a
    # service or the right to appeal); they taught the detector people by job or a few counted with what holds for
    # them, the resident's own case as the records show it, and the one a known case is about.
    "dev-47.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-48.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-49.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-50.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the fiftieth to fifty-seventh held-back sets, eight new writers (unseen: AUC 0.991,
    # privacy 94.2 %, 1.8 % of good replies flagged, the largest group of false alarms a "Ja"/"Yes" opening a
    # general answer to a comment about someone); the model learned from them first, then round 24's rules were
    # written against them.
    "dev-51.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-52.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.025),
    "dev-53.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-54.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.029),
    "dev-55.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-56.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.018),
    "dev-57.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-58.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the fifty-eighth to sixty-first held-back sets, four new writers (unseen: AUC 0.994,
    # privacy 94.8 %, 1.9 % of good replies flagged, most of the false alarms warm words about a person the comment
    # named or advice about the reader's relative); round 24's rules were written against them and dev-51 to dev-58.
    "dev-59.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-60.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-61.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-62.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the sixty-second to sixty-ninth held-back sets, eight new writers (unseen: AUC 0.993,
    # privacy 93.9 %, 1.7 % of good replies flagged); round 25's rules were written against them, then the model
    # learned from them.
    "dev-63.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-64.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-65.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-66.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-67.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-68.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-69.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-70.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the seventieth to seventy-seventh held-back sets, eight new writers (unseen: AUC 0.989,
    # privacy 89.1 %, 1.9 % of good replies flagged); round 26's rules were written against them, then the model
    # learned from them.
    "dev-71.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-72.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-73.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-74.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-75.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-76.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-77.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-78.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the seventy-eighth to eighty-third held-back sets, six new writers (unseen: AUC 0.993,
    # privacy 93.0 %, 1.5 % of good replies flagged); round 27's rules were written against them, then the model
    # learned from them.
    "dev-79.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-80.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-81.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-82.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-83.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-84.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the eighty-fourth to eighty-ninth held-back sets, six new writers (unseen: AUC 0.992,
    # privacy 89.9 %, 1.8 % of good replies flagged); round 28's rules were written against them, then the model
    # learned from them.
    "dev-85.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-86.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-87.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.95, 0.015),
    "dev-88.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.95, 0.015),
    "dev-89.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-90.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the ninetieth to hundred-and-seventh held-back sets, eighteen new writers (unseen, in three
    # sixes: privacy 89.2, 91.3 and 87.3 % found, 1.6, 1.6 and 1.7 % of good replies flagged); rounds 29 to 31's rules
    # were written against them, then the model learned from them (109 files).
    "dev-91.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.017),
    "dev-92.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-93.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-94.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-95.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-96.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-97.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-98.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-99.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-100.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-101.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-102.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-103.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-104.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.02),
    "dev-105.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.925, 0.015),
    "dev-106.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-107.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.935, 0.017),
    "dev-108.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the hundred-and-eighth to hundred-and-thirteenth held-back sets (unseen: privacy 88.4 % found,
    # 2.3 % of good replies flagged); the model learned from them (115 files). The home-care theft set keeps, even in
    # sample, 5 of its 183 good replies flagged: refusals that go on to tell what the employer did.
    "dev-109.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-110.jsonl": ({"nb": 0.965, "nn": 0.98, "en": 0.98}, 0.925, 0.04),
    "dev-111.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-112.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.965, 0.015),
    "dev-113.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-114.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the hundred-and-fourteenth to hundred-and-forty-third held-back sets (unseen by the model on
    # 115 files: privacy 87.0-91.9 % found, 1.4-2.3 % of good replies flagged); the model learned from them (145 files).
    "dev-115.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-116.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-117.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.905, 0.015),
    "dev-118.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.945, 0.015),
    "dev-119.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-120.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-121.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-122.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.025),
    "dev-123.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-124.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-125.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-126.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-127.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-128.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.935, 0.015),
    "dev-129.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-130.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.905, 0.015),
    "dev-131.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-132.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-133.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.945, 0.015),
    "dev-134.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-135.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-136.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-137.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-138.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.955, 0.015),
    "dev-139.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-140.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-141.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.955, 0.015),
    "dev-142.jsonl": ({"nb": 0.98, "nn": 0.975, "en": 0.98}, 0.925, 0.02),
    "dev-143.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-144.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.965, 0.015),
    # Three quarters of the hundred-and-forty-fourth to hundred-and-forty-ninth held-back sets (unseen by the model on
    # 145 files: privacy 93.0 % found, 2.0 % of good replies flagged); the model learned from them (151 files).
    "dev-145.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.955, 0.015),
    "dev-146.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-147.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-148.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-149.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-150.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the hundred-and-fiftieth to hundred-and-fifty-third held-back sets (unseen by the model on
    # 145 files: privacy 88.9 % found, 1.8 % of good replies flagged); the model learned from them (155 files). The
    # measles set keeps three good replies flagged in-sample (1.6 %).
    "dev-151.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.945, 0.015),
    "dev-152.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.945, 0.015),
    "dev-153.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-154.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.022),
    # Three quarters of the hundred-and-fifty-fourth to hundred-and-seventy-third held-back sets, twenty writers (unseen
    # by the model on 155 files: privacy 90.9 %, 91.6 % and 92.9 % found in their three batches); the model learned from
    # them (175 files). The fire in municipal flats keeps five good replies flagged in-sample (2.6 %), the suspended
    # teacher three (1.5 %).
    "dev-155.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-156.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.03),
    "dev-157.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-158.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-159.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-160.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-161.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.945, 0.015),
    "dev-162.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-163.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-164.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.97}, 0.97, 0.025),
    "dev-165.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-166.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-167.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-168.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-169.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-170.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-171.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-172.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-173.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-174.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    # Three quarters of the hundred-and-seventy-fourth to hundred-and-ninety-third held-back sets, trained on
    # from the model on 195 files (7 December).
    "dev-175.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-176.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-177.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-178.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-179.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-180.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-181.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-182.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-183.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-184.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-185.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-186.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-187.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.97}, 0.97, 0.025),
    "dev-188.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-189.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-190.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-191.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-192.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-193.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-194.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-195.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-196.jsonl": ({"nb": 0.98, "nn": 0.975, "en": 0.98}, 0.96, 0.03),
    "dev-197.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-198.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-199.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-200.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.02),
    # Three quarters of the two-hundredth to two-hundred-and-fifth held-back sets, trained on from the model on 207 files.
    "dev-201.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.04),
    "dev-202.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.935, 0.025),
    "dev-203.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-204.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.02),
    "dev-205.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.025),
    "dev-206.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-207.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-208.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.95, 0.015),
    "dev-209.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-210.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.01),
    "dev-211.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.95, 0.02),
    "dev-212.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.02),
    "dev-213.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.025),
    "dev-214.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-215.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.975, 0.02),
    "dev-216.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.975, 0.015),
    "dev-217.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.96, 0.015),
    "dev-218.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.935, 0.02),
    # Three quarters of the two-hundred-and-eighteenth to two-hundred-and-twenty-ninth held-back sets, twelve writers
    # (unseen by the model on 219 files: privacy 95.9 % and 94.0 % found in their two batches, 1.8 % and 2.0 % of good
    # replies flagged); round 41's rules were written against them, then the model learned from them (231 files).
    "dev-219.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-220.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-221.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-222.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-223.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-224.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-225.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-226.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-227.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-228.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-229.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-230.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.02),
    # Three quarters of the two-hundred-and-thirtieth to two-hundred-and-thirty-fifth held-back sets (unseen by the model
    # on 231 files: privacy 94.7 % found, 2.2 % of good replies flagged); round 42's rules were written against them,
    # then the model learned from them (237 files).
    "dev-231.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-232.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.035),
    "dev-233.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.02),
    "dev-234.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-235.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-236.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.955, 0.015),
    # Three quarters of the two-hundred-and-thirty-sixth to two-hundred-and-forty-first held-back sets (unseen by the model
    # on 237 files: privacy 94.3 % found, 2.4 % of good replies flagged); round 43's rules were written against them,
    # then the model learned from them (243 files).
    "dev-237.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.97}, 0.98, 0.02),
    "dev-238.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-239.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.97, 0.015),
    "dev-240.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.03),
    "dev-241.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-242.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    # Three quarters of the two-hundred-and-forty-second to two-hundred-and-forty-seventh held-back sets (unseen by the
    # model on 243 files: privacy 94.0 % found, 1.7 % of good replies flagged); round 44's rules were written against
    # them, then the model learned from them (249 files).
    "dev-243.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-244.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.02),
    "dev-245.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-246.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.92, 0.015),
    "dev-247.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
    "dev-248.jsonl": ({"nb": 0.98, "nn": 0.98, "en": 0.98}, 0.98, 0.015),
}
# file -> lowest recall per labelled flag (what the rules reach today, rounded down).
FLAG_RECALL_FLOORS = {
    "dev-en.jsonl": {"defensive": 0.55, "dismissive": 0.35, "sarcasm": 0.8, "party_politics": 0.95,
                     "false_reassurance": 0.85, "speculation": 0.55, "casualties": 0.9},
    "dev.jsonl": {"defensive": 0.5, "dismissive": 0.6, "sarcasm": 0.55, "party_politics": 0.9,
                  "false_reassurance": 0.9, "speculation": 0.55, "casualties": 0.85, "case_processing": 0.5},
    "dev-3.jsonl": {"defensive": 0.5, "dismissive": 0.5, "sarcasm": 0.5, "false_reassurance": 0.5,
                    "speculation": 0.5, "case_processing": 0.5},
    "dev-4.jsonl": {"defensive": 0.9, "dismissive": 0.9, "sarcasm": 0.9, "party_politics": 0.9,
                    "false_reassurance": 0.9, "speculation": 0.9, "casualties": 0.9, "case_processing": 0.9},
    "dev-11.jsonl": {"defensive": 0.8, "dismissive": 0.8, "speculation": 0.8, "casualties": 0.8, "case_processing": 0.8},
    "dev-12.jsonl": {"defensive": 0.8, "dismissive": 0.8, "speculation": 0.8, "casualties": 0.8, "case_processing": 0.8},
    "dev-2.jsonl": {"defensive": 0.3, "dismissive": 0.07, "sarcasm": 0.2, "party_politics": 0.65,
                    "false_reassurance": 0.5, "speculation": 0.25, "casualties": 0.6, "case_processing": 0.25},
}


@cache
def _evaluation(name: str) -> Evaluation:
    return evaluate(read_labelled(LABELLED / name), source=name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_set_meets_its_floor(name: str) -> None:
    if not (LABELLED / name).exists():
        pytest.skip(f"{name} is not there yet")
    auc_floors, recall_floor, good_rate = FLOORS[name]
    report = _evaluation(name)
    for language, auc_floor in auc_floors.items():
        value = report.auc.get(language)
        assert value is not None and value >= auc_floor, (language, report.auc)
    assert report.privacy.recall is not None and report.privacy.recall >= recall_floor, [
        s.item.id for s in report.privacy_missed()
    ]
    assert report.privacy.flagged_rate is not None and report.privacy.flagged_rate <= good_rate, [
        s.item.id for s in report.privacy_false_alarms()
    ]


@pytest.mark.parametrize("name", sorted(FLAG_RECALL_FLOORS))
def test_each_flag_keeps_its_recall(name: str) -> None:
    if not (LABELLED / name).exists():
        pytest.skip(f"{name} is not there yet")
    report = _evaluation(name)
    below = {flag: report.flags[flag].recall for flag, floor in FLAG_RECALL_FLOORS[name].items()
             if (report.flags[flag].recall or 0.0) < floor}
    assert not below, below
