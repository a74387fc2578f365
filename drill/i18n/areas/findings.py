"""The scorers' sentences: what each rule measured, in bokmål, nynorsk and English.

Keys ending in `.one` / `.other` are plural forms, chosen by the count named in the key's
docs in the scorer (Babel's plural rules for the language); `{share}` is "3 av 11".
"""

TEXTS: dict[str, dict[str, str]] = {
    "nb": {
        # shared pieces
        "findings.share": "{part} av {whole}",
        "findings.hours_unit": "t",
        "findings.days": "{n} døgn",
        "findings.unplayed_of_them": " {n} av dem var planlagt etter at øvelsen ble avsluttet.",
        # speed
        "findings.speed.summary.one": "{share} henvendelse fikk svar innen {target}.",
        "findings.speed.summary.other": "{share} henvendelser fikk svar innen {target}.",
        "findings.speed.summary_none": "Ingen henvendelser å måle.",
        "findings.speed.s1_none": "Ingen henvendelser trengte svar i denne øvelsen.",
        "findings.speed.s1_within.one": "{share} henvendelse fikk svar innen {target}{unit} (mål {origin}).",
        "findings.speed.s1_within.other": "{share} henvendelser fikk svar innen {target}{unit} (mål {origin}).",
        "findings.speed.office_time": " kontortid",
        "findings.speed.s1_median": " Mediantid til første svar: {median}; lengste: {longest}.",
        "findings.speed.s1_never": " {n} fikk aldri svar.",
        "findings.speed.s1_partial_day": " {n} fikk delvis uttelling for svar samme arbeidsdag.",
        "findings.speed.s1_partial_incident": " {n} fikk delvis uttelling for svar litt over målet.",
        "findings.speed.unplayed.one": "{n} henvendelse som scenariet hadde planlagt, kom aldri fordi øvelsen ble "
                                       "avsluttet før tiden; den teller som ubesvart.",
        "findings.speed.unplayed.other": "{n} henvendelser som scenariet hadde planlagt, kom aldri fordi øvelsen ble "
                                         "avsluttet før tiden; de teller som ubesvart.",
        "findings.speed.origin_scenario": "fra scenariet",
        "findings.speed.origin_rubric": "etter rubrikkens standard",
        "findings.speed.s2_acknowledged.one": "{n} henvendelse fikk først en bekreftelse; {kept} av {n} fikk senere "
                                              "et fullt svar.",
        "findings.speed.s2_acknowledged.other": "{n} henvendelser fikk først en bekreftelse; {kept} av dem fikk "
                                                "senere et fullt svar.",
        "findings.speed.s2_too_long": "{n} ventet mer enn {max_wait} på svar.",
        "findings.speed.s3_incident.one": "En hendelse pågikk, så svartiden ble målt i vanlig tid uten lettelse "
                                          "utenfor kontortid ({hours}); {n} henvendelse kom utenfor kontortid.",
        "findings.speed.s3_incident.other": "En hendelse pågikk, så svartiden ble målt i vanlig tid uten lettelse "
                                            "utenfor kontortid ({hours}); {n} henvendelser kom utenfor kontortid.",
        "findings.speed.s3_normal.one": "Ingen hendelse pågikk: svartiden ble målt i kontortid ({hours}, "
                                        "mandag–fredag); {n} henvendelse kom utenfor kontortid.",
        "findings.speed.s3_normal.other": "Ingen hendelse pågikk: svartiden ble målt i kontortid ({hours}, "
                                          "mandag–fredag); {n} henvendelser kom utenfor kontortid.",
        "findings.speed.s4_telling.one": "{n} offisielt innlegg sa hvilken svartid folk kan vente.",
        "findings.speed.s4_telling.other": "{n} offisielle innlegg sa hvilken svartid folk kan vente.",
        "findings.speed.s4_none": "Ingen offisielle innlegg sa hvilken svartid folk kan vente.",
        "findings.speed.s5.one": "I den travleste perioden ({span}, {n} henvendelse) fikk {share} svar innen {target}.",
        "findings.speed.s5.other": "I den travleste perioden ({span}, {n} henvendelser) fikk {share} svar innen "
                                   "{target}.",
        # coverage
        "findings.coverage.c1_none": "Ingen henvendelser trengte svar.",
        "findings.coverage.c1.one": "{share} henvendelse som trengte svar, fikk svar.",
        "findings.coverage.c1.other": "{share} henvendelser som trengte svar, fikk svar.",
        "findings.coverage.c1_unplayed": " {n} av dem var planlagt for tiden etter at øvelsen ble avsluttet, og "
                                         "teller som ubesvart.",
        "findings.coverage.c1_complaints": " Av klagene og kritikken fikk {share} svar.",
        "findings.coverage.c1_unaddressed": " {n} fikk et svar som ikke svarte på det som ble spurt om.",
        "findings.coverage.c1_pasted": " Samme tekst ble limt inn under {n} ulike henvendelser: {quote}.",
        "findings.coverage.c1_silenced": " {n} ble slettet i stedet for å få svar.",
        "findings.coverage.c2.one": "{share} svar og innlegg kom fra den som hadde vakt ({members} person svarte i "
                                    "alt).",
        "findings.coverage.c2.other": "{share} svar og innlegg kom fra den som hadde vakt ({members} personer svarte "
                                      "i alt).",
        "findings.coverage.c2_parallel.one": " {n} gang svarte to personer i samme tråd innen {window}.",
        "findings.coverage.c2_parallel.other": " {n} ganger svarte to personer i samme tråd innen {window}.",
        "findings.coverage.c3_claims.one": "{share} feilaktig påstand ble rettet opp.",
        "findings.coverage.c3_claims.other": "{share} feilaktige påstander ble rettet opp.",
        "findings.coverage.c3_praise.one": "{share} positiv kommentar fikk et lik eller svar.",
        "findings.coverage.c3_praise.other": "{share} positive kommentarer fikk et lik eller svar.",
        "findings.coverage.c3_unplayed": "{n} av dem var planlagt etter at øvelsen ble avsluttet, og teller som "
                                         "ikke gjort.",
        # tone
        "findings.tone.no_texts": "Teamet skrev ingen offentlige svar eller innlegg.",
        "findings.tone.summary_none": "Ingen tekster å vurdere.",
        "findings.tone.summary.one": "Snittscore {mean} over {n} offentlig tekst; {good} god ({good_from}+), "
                                     "{poor} svak (under {weak_below}).",
        "findings.tone.summary.other": "Snittscore {mean} over {n} offentlige tekster; {good} gode ({good_from}+), "
                                       "{poor} svake (under {weak_below}).",
        "findings.tone.rule.one": "{share} tekst: {explanation}{example}.",
        "findings.tone.rule.other": "{share} tekster: {explanation}{example}.",
        # moderation
        "findings.moderation.summary": "Fjernet med rette: {right}; fjernet uten grunn: {wrong}; burde vært "
                                       "fjernet: {missed}.",
        "findings.moderation.m2_nothing": "Ingen kommentarer på siden å moderere.",
        "findings.moderation.m2_clean": "Ingen legitime kommentarer ble fjernet; kritikk fikk stå.",
        "findings.moderation.m2_untried": "Laget fjernet ingenting, så heller ingen kritikk; uten noe valg å vurdere gir det ingen poeng.",
        "findings.moderation.deleted": "{n} slettet",
        "findings.moderation.hidden": "{n} skjult",
        "findings.moderation.restored": "{n} gjenopprettet",
        "findings.moderation.m2.one": "{n} kommentar uten slettegrunn ble fjernet ({parts}); ren kritikk: "
                                      "{criticism}.",
        "findings.moderation.m2.other": "{n} kommentarer uten slettegrunn ble fjernet ({parts}), av dem "
                                        "{criticism} med ren kritikk.",
        "findings.moderation.m2_outcry": " Det førte til beskyldninger om sensur på siden.",
        "findings.moderation.m1_none": "Ingen kommentarer trengte å fjernes.",
        "findings.moderation.m1.one": "{share} kommentar som KS-reglene tillater å fjerne, ble fjernet.",
        "findings.moderation.m1.other": "{share} kommentarer som KS-reglene tillater å fjerne, ble fjernet.",
        "findings.moderation.m1_serious": " Blant dem som ble stående: {n} personangrep, navngitte personer, "
                                          "personopplysninger eller ulovlig innhold.",
        "findings.moderation.m3.one": "{share} fjernet innlegg med personopplysninger ble skjult i stedet for "
                                      "slettet.",
        "findings.moderation.m3.other": "{share} fjernede innlegg med personopplysninger ble skjult i stedet for "
                                        "slettet.",
        "findings.moderation.m4.one": "{share} fjerning hadde en grunn som passer innholdet; {noted} hadde en "
                                      "merknad om hva og hvorfor.",
        "findings.moderation.m4.other": "{share} fjerninger hadde en grunn som passer innholdet; {noted} hadde en "
                                        "merknad om hva og hvorfor.",
        # privacy
        "findings.privacy.summary.one": "{n} offentlig tekst med personopplysninger eller bekreftet klientforhold.",
        "findings.privacy.summary.other": "{n} offentlige tekster med personopplysninger eller bekreftet "
                                          "klientforhold.",
        "findings.privacy.no_texts": "Ingen offentlige tekster.",
        "findings.privacy.p1_clean.one": "Den ene offentlige teksten inneholdt ikke personopplysninger.",
        "findings.privacy.p1_clean.other": "Ingen av {n} offentlige tekster inneholdt personopplysninger.",
        "findings.privacy.p2_clean": "Ingen offentlige tekster bekreftet at noen er klient, pasient eller elev.",
        "findings.privacy.flagged.one": "{share} offentlig tekst ble flagget, kl. {at}:{example} – {explanation}",
        "findings.privacy.flagged.other": "{share} offentlige tekster ble flagget. Første kl. {at}:{example} – "
                                          "{explanation}",
        "findings.privacy.p3.one": "{share} innlegg med personopplysninger ble skjult eller slettet innen "
                                   "{within}; {left} ble stående.",
        "findings.privacy.p3.other": "{share} innlegg med personopplysninger ble skjult eller slettet innen "
                                     "{within}; {left} ble stående.",
        "findings.privacy.p3_unplayed": " {n} var planlagt etter at øvelsen ble avsluttet, og teller som ikke "
                                        "fjernet.",
        # archiving
        "findings.archiving.a1.one": "{share} arkivverdig dialog ble merket for arkiv.",
        "findings.archiving.a1.other": "{share} arkivverdige dialoger ble merket for arkiv.",
        "findings.archiving.a1_unplayed": " {n} var planlagt etter at øvelsen ble avsluttet.",
        "findings.archiving.a2.one": "{share} arkivmerking gjaldt rutinespørsmål uten dokumentasjonsverdi.",
        "findings.archiving.a2.other": "{share} arkivmerkinger gjaldt rutinespørsmål uten dokumentasjonsverdi.",
        "findings.archiving.none": "Ingen arkivverdige dialoger i denne øvelsen.",
        "findings.archiving.posts.one": "{share} eget innlegg ble merket for arkiv.",
        "findings.archiving.posts.other": "{share} egne innlegg ble merket for arkiv.",
        "findings.archiving.posts_missed": " Kommunens egne innlegg og trådene under dem er kommunens publisering og skal som regel arkiveres; de umerkede er listet her.",
        "findings.archiving.summary.one": "{n} dialog merket for arkiv; {worthy} var arkivverdige.",
        "findings.archiving.summary.other": "{n} dialoger merket for arkiv; {worthy} var arkivverdige.",
        # crisis
        "findings.crisis.summary.one": "{n} offisielt innlegg, kl. {at}.",
        "findings.crisis.summary.other": "{n} offisielle innlegg; det første kl. {at}.",
        "findings.crisis.no_posts": "Ingen offisielle innlegg.",
        "findings.crisis.k1_invisible": "Teamet var ikke synlig i sosiale medier under hendelsen.",
        "findings.crisis.k1_first": "Teamets første handling på siden kom kl. {at}, {after} etter at hendelsen "
                                    "startet.",
        "findings.crisis.k2_not_due": "Øvelsen sluttet før fristen for første melding ({target}).",
        "findings.crisis.k2_none": "Ingen offisiell melding i løpet av øvelsen (mål: innen {target}).",
        "findings.crisis.k2_none_early": " Øvelsen ble avsluttet før tiden; en krise uten første melding mangler "
                                         "den.",
        "findings.crisis.k2_first": "Første offisielle melding kom kl. {at}, {after} etter start (mål: innen "
                                    "{target}, senest {latest}).",
        "findings.crisis.k2_wording.one": "{share} offentlig tekst spekulerte eller beroliget uten grunnlag; "
                                          "{open_share} offisielle innlegg var åpne om usikkerhet.",
        "findings.crisis.k2_wording.other": "{share} offentlige tekster spekulerte eller beroliget uten grunnlag; "
                                            "{open_share} offisielle innlegg var åpne om usikkerhet.",
        "findings.crisis.k2_grave": " {n} beroliget uten grunnlag mens hendelsen pågikk, f.eks. {example}.",
        "findings.crisis.k3_noise": "{share} offisielle innlegg gjentok et tidligere innlegg uten nytt innhold; det "
                                    "er støy som skyver den nyeste informasjonen ned, ikke oppdateringer (f.eks. "
                                    "{example}).",
        "findings.crisis.k3_none_yet": "Ingen oppdateringer ennå.",
        "findings.crisis.k3_none": "Ingen oppdateringer.",
        "findings.crisis.k3.one": "{n} oppdatering; lengste opphold {longest} (mål: hvert {every}), til sammen "
                                  "{overdue} over målet. {next_share} sa når neste oppdatering kommer.",
        "findings.crisis.k3.other": "{n} oppdateringer; lengste opphold {longest} (mål: hvert {every}), til sammen "
                                    "{overdue} over målet. {next_share} sa når neste oppdatering kommer.",
        "findings.crisis.k4_none_yet": "Ingen offisielle innlegg ennå.",
        "findings.crisis.k4_none": "Ingen offisielle innlegg å lenke fra.",
        "findings.crisis.k4.one": "{share} offisielt innlegg lenket til {where}.",
        "findings.crisis.k4.other": "{share} offisielle innlegg lenket til {where}.",
        "findings.crisis.k5_police": " Politiet skulle selv gå ut kl. {at}.",
        "findings.crisis.k5_disclosed.one": "{n} offentlig tekst omtalte skadde eller døde før politiet, kl. {at} "
                                            "({matched}).{police}",
        "findings.crisis.k5_disclosed.other": "{n} offentlige tekster omtalte skadde eller døde før politiet; den "
                                              "første kl. {at} ({matched}).{police}",
        "findings.crisis.k5_clean": "Teamet gikk ikke ut med opplysninger om skadde eller døde før politiet.",
        "findings.crisis.k5_referring": " {n} svar viste til politiet.",
        "findings.crisis.reach_prevented": "Rettelsen kl. {at} holdt ryktet {quote} unna omtrent {people} personer.",
        "findings.crisis.reach_never": "Ryktet {quote} ble aldri rettet og nådde {people} personer.",
        "findings.crisis.reach_too_late": "Rettelsen kl. {at} kom for sent til å begrense ryktet {quote}.",
        "findings.crisis.reach_earlier_never": " En rettelse {after} etter at ryktet dukket opp, ville ha holdt "
                                               "omtrent {saved} av dem unna.",
        "findings.crisis.reach_earlier": " {earlier} tidligere ville ha spart ytterligere omtrent {saved}.",
        "findings.crisis.k6.one": "{share} rykte eller feilaktig påstand ble rettet innen {target}, {late} senere, "
                                  "{never} aldri.",
        "findings.crisis.k6.other": "{share} rykter og feilaktige påstander ble rettet innen {target}, {late} "
                                    "senere, {never} aldri.",
        "findings.crisis.k6_never": " Ryktet {quote} ble aldri rettet.",
        "findings.crisis.k6_corrected_after": " {quote} ble rettet etter {after}.",
        "findings.crisis.k6_agreed": " {n} svar sa seg enig i en feilaktig påstand, først {quote} kl. {at}: det "
                                     "sprer ryktet i stedet for å rette det.",
        "findings.crisis.k6_apologies.one": " {n} tekst beklaget eller innrømmet egne feil.",
        "findings.crisis.k6_apologies.other": " {n} tekster beklaget eller innrømmet egne feil.",
        "findings.crisis.k7": "{share} offisielle innlegg ga konkrete råd.",
        "findings.crisis.k8": "{share} svar på klager viste forståelse, beklaget eller takket.",
    },
    "nn": {
        "findings.share": "{part} av {whole}",
        "findings.hours_unit": "t",
        "findings.days": "{n} døgn",
        "findings.unplayed_of_them": " {n} av dei var planlagde etter at øvinga vart avslutta.",
        "findings.speed.summary.one": "{share} førespurnad fekk svar innan {target}.",
        "findings.speed.summary.other": "{share} førespurnader fekk svar innan {target}.",
        "findings.speed.summary_none": "Ingen førespurnader å måle.",
        "findings.speed.s1_none": "Ingen førespurnader trong svar i denne øvinga.",
        "findings.speed.s1_within.one": "{share} førespurnad fekk svar innan {target}{unit} (mål {origin}).",
        "findings.speed.s1_within.other": "{share} førespurnader fekk svar innan {target}{unit} (mål {origin}).",
        "findings.speed.office_time": " kontortid",
        "findings.speed.s1_median": " Mediantid til første svar: {median}; lengste: {longest}.",
        "findings.speed.s1_never": " {n} fekk aldri svar.",
        "findings.speed.s1_partial_day": " {n} fekk delvis utteljing for svar same arbeidsdag.",
        "findings.speed.s1_partial_incident": " {n} fekk delvis utteljing for svar litt over målet.",
        "findings.speed.unplayed.one": "{n} førespurnad som scenariet hadde planlagt, kom aldri fordi øvinga vart "
                                       "avslutta før tida; han tel som ikkje svara.",
        "findings.speed.unplayed.other": "{n} førespurnader som scenariet hadde planlagt, kom aldri fordi øvinga "
                                         "vart avslutta før tida; dei tel som ikkje svara.",
        "findings.speed.origin_scenario": "frå scenariet",
        "findings.speed.origin_rubric": "etter standarden i rubrikken",
        "findings.speed.s2_acknowledged.one": "{n} førespurnad fekk først ei stadfesting; {kept} av {n} fekk seinare "
                                              "eit fullt svar.",
        "findings.speed.s2_acknowledged.other": "{n} førespurnader fekk først ei stadfesting; {kept} av dei fekk "
                                                "seinare eit fullt svar.",
        "findings.speed.s2_too_long": "{n} venta meir enn {max_wait} på svar.",
        "findings.speed.s3_incident.one": "Ei hending pågjekk, så svartida vart målt i vanleg tid utan lette "
                                          "utanfor kontortid ({hours}); {n} førespurnad kom utanfor kontortid.",
        "findings.speed.s3_incident.other": "Ei hending pågjekk, så svartida vart målt i vanleg tid utan lette "
                                            "utanfor kontortid ({hours}); {n} førespurnader kom utanfor kontortid.",
        "findings.speed.s3_normal.one": "Inga hending pågjekk: svartida vart målt i kontortid ({hours}, "
                                        "måndag–fredag); {n} førespurnad kom utanfor kontortid.",
        "findings.speed.s3_normal.other": "Inga hending pågjekk: svartida vart målt i kontortid ({hours}, "
                                          "måndag–fredag); {n} førespurnader kom utanfor kontortid.",
        "findings.speed.s4_telling.one": "{n} offisielt innlegg sa kva svartid folk kan vente.",
        "findings.speed.s4_telling.other": "{n} offisielle innlegg sa kva svartid folk kan vente.",
        "findings.speed.s4_none": "Ingen offisielle innlegg sa kva svartid folk kan vente.",
        "findings.speed.s5.one": "I den travlaste perioden ({span}, {n} førespurnad) fekk {share} svar innan "
                                 "{target}.",
        "findings.speed.s5.other": "I den travlaste perioden ({span}, {n} førespurnader) fekk {share} svar innan "
                                   "{target}.",
        "findings.coverage.c1_none": "Ingen førespurnader trong svar.",
        "findings.coverage.c1.one": "{share} førespurnad som trong svar, fekk svar.",
        "findings.coverage.c1.other": "{share} førespurnader som trong svar, fekk svar.",
        "findings.coverage.c1_unplayed": " {n} av dei var planlagde for tida etter at øvinga vart avslutta, og tel "
                                         "som ikkje svara.",
        "findings.coverage.c1_complaints": " Av klagene og kritikken fekk {share} svar.",
        "findings.coverage.c1_unaddressed": " {n} fekk eit svar som ikkje svara på det som vart spurt om.",
        "findings.coverage.c1_pasted": " Same tekst vart lima inn under {n} ulike førespurnader: {quote}.",
        "findings.coverage.c1_silenced": " {n} vart sletta i staden for å få svar.",
        "findings.coverage.c2.one": "{share} svar og innlegg kom frå den som hadde vakt ({members} person svara i "
                                    "alt).",
        "findings.coverage.c2.other": "{share} svar og innlegg kom frå den som hadde vakt ({members} personar "
                                      "svara i alt).",
        "findings.coverage.c2_parallel.one": " {n} gong svara to personar i same tråd innan {window}.",
        "findings.coverage.c2_parallel.other": " {n} gonger svara to personar i same tråd innan {window}.",
        "findings.coverage.c3_claims.one": "{share} feilaktig påstand vart retta opp.",
        "findings.coverage.c3_claims.other": "{share} feilaktige påstandar vart retta opp.",
        "findings.coverage.c3_praise.one": "{share} positiv kommentar vart lika eller fekk svar.",
        "findings.coverage.c3_praise.other": "{share} positive kommentarar vart lika eller fekk svar.",
        "findings.coverage.c3_unplayed": "{n} av dei var planlagde etter at øvinga vart avslutta, og tel som "
                                         "ikkje gjort.",
        "findings.tone.no_texts": "Teamet skreiv ingen offentlege svar eller innlegg.",
        "findings.tone.summary_none": "Ingen tekstar å vurdere.",
        "findings.tone.summary.one": "Snittskår {mean} over {n} offentleg tekst; {good} god ({good_from}+), "
                                     "{poor} svak (under {weak_below}).",
        "findings.tone.summary.other": "Snittskår {mean} over {n} offentlege tekstar; {good} gode ({good_from}+), "
                                       "{poor} svake (under {weak_below}).",
        "findings.tone.rule.one": "{share} tekst: {explanation}{example}.",
        "findings.tone.rule.other": "{share} tekstar: {explanation}{example}.",
        "findings.moderation.summary": "Fjerna med rette: {right}; fjerna utan grunn: {wrong}; burde vore fjerna: "
                                       "{missed}.",
        "findings.moderation.m2_nothing": "Ingen kommentarar på sida å moderere.",
        "findings.moderation.m2_clean": "Ingen legitime kommentarar vart fjerna; kritikk fekk stå.",
        "findings.moderation.m2_untried": "Laget fjerna ingenting, så heller ingen kritikk; utan noko val å vurdere gir det ingen poeng.",
        "findings.moderation.deleted": "{n} sletta",
        "findings.moderation.hidden": "{n} skjulte",
        "findings.moderation.restored": "{n} gjenoppretta",
        "findings.moderation.m2.one": "{n} kommentar utan slettegrunn vart fjerna ({parts}); rein kritikk: "
                                      "{criticism}.",
        "findings.moderation.m2.other": "{n} kommentarar utan slettegrunn vart fjerna ({parts}), av dei "
                                        "{criticism} med rein kritikk.",
        "findings.moderation.m2_outcry": " Det førte til skuldingar om sensur på sida.",
        "findings.moderation.m1_none": "Ingen kommentarar trong å fjernast.",
        "findings.moderation.m1.one": "{share} kommentar som KS-reglane tillèt å fjerne, vart fjerna.",
        "findings.moderation.m1.other": "{share} kommentarar som KS-reglane tillèt å fjerne, vart fjerna.",
        "findings.moderation.m1_serious": " Blant dei som vart ståande: {n} personåtak, namngitte personar, "
                                          "personopplysningar eller ulovleg innhald.",
        "findings.moderation.m3.one": "{share} fjerna innlegg med personopplysningar vart skjult i staden for "
                                      "sletta.",
        "findings.moderation.m3.other": "{share} fjerna innlegg med personopplysningar vart skjulte i staden for "
                                        "sletta.",
        "findings.moderation.m4.one": "{share} fjerning hadde ein grunn som passar innhaldet; {noted} hadde ein "
                                      "merknad om kva og kvifor.",
        "findings.moderation.m4.other": "{share} fjerningar hadde ein grunn som passar innhaldet; {noted} hadde ein "
                                        "merknad om kva og kvifor.",
        "findings.privacy.summary.one": "{n} offentleg tekst med personopplysningar eller stadfesta klientforhold.",
        "findings.privacy.summary.other": "{n} offentlege tekstar med personopplysningar eller stadfesta "
                                          "klientforhold.",
        "findings.privacy.no_texts": "Ingen offentlege tekstar.",
        "findings.privacy.p1_clean.one": "Den eine offentlege teksten inneheldt ikkje personopplysningar.",
        "findings.privacy.p1_clean.other": "Ingen av {n} offentlege tekstar inneheldt personopplysningar.",
        "findings.privacy.p2_clean": "Ingen offentlege tekstar stadfesta at nokon er klient, pasient eller elev.",
        "findings.privacy.flagged.one": "{share} offentleg tekst vart flagga, kl. {at}:{example} – {explanation}",
        "findings.privacy.flagged.other": "{share} offentlege tekstar vart flagga. Første kl. {at}:{example} – "
                                          "{explanation}",
        "findings.privacy.p3.one": "{share} innlegg med personopplysningar vart skjult eller sletta innan "
                                   "{within}; {left} vart ståande.",
        "findings.privacy.p3.other": "{share} innlegg med personopplysningar vart skjulte eller sletta innan "
                                     "{within}; {left} vart ståande.",
        "findings.privacy.p3_unplayed": " {n} var planlagde etter at øvinga vart avslutta, og tel som ikkje "
                                        "fjerna.",
        "findings.archiving.a1.one": "{share} arkivverdig dialog vart merkt for arkiv.",
        "findings.archiving.a1.other": "{share} arkivverdige dialogar vart merkte for arkiv.",
        "findings.archiving.a1_unplayed": " {n} var planlagde etter at øvinga vart avslutta.",
        "findings.archiving.a2.one": "{share} arkivmerking galdt rutinespørsmål utan dokumentasjonsverdi.",
        "findings.archiving.a2.other": "{share} arkivmerkingar galdt rutinespørsmål utan dokumentasjonsverdi.",
        "findings.archiving.none": "Ingen arkivverdige dialogar i denne øvinga.",
        "findings.archiving.posts.one": "{share} eige innlegg vart merkt for arkiv.",
        "findings.archiving.posts.other": "{share} eigne innlegg vart merkte for arkiv.",
        "findings.archiving.posts_missed": " Kommunen sine eigne innlegg og trådane under dei er kommunen si publisering og skal som regel arkiverast; dei umerkte er lista her.",
        "findings.archiving.summary.one": "{n} dialog merkt for arkiv; {worthy} var arkivverdige.",
        "findings.archiving.summary.other": "{n} dialogar merkte for arkiv; {worthy} var arkivverdige.",
        "findings.crisis.summary.one": "{n} offisielt innlegg, kl. {at}.",
        "findings.crisis.summary.other": "{n} offisielle innlegg; det første kl. {at}.",
        "findings.crisis.no_posts": "Ingen offisielle innlegg.",
        "findings.crisis.k1_invisible": "Teamet var ikkje synleg i sosiale medium under hendinga.",
        "findings.crisis.k1_first": "Den første handlinga til teamet på sida kom kl. {at}, {after} etter at "
                                    "hendinga starta.",
        "findings.crisis.k2_not_due": "Øvinga slutta før fristen for første melding ({target}).",
        "findings.crisis.k2_none": "Inga offisiell melding i løpet av øvinga (mål: innan {target}).",
        "findings.crisis.k2_none_early": " Øvinga vart avslutta før tida; ei krise utan første melding manglar ho.",
        "findings.crisis.k2_first": "Første offisielle melding kom kl. {at}, {after} etter start (mål: innan "
                                    "{target}, seinast {latest}).",
        "findings.crisis.k2_wording.one": "{share} offentleg tekst spekulerte eller roa ned utan grunnlag; "
                                          "{open_share} offisielle innlegg var opne om uvisse.",
        "findings.crisis.k2_wording.other": "{share} offentlege tekstar spekulerte eller roa ned utan grunnlag; "
                                            "{open_share} offisielle innlegg var opne om uvisse.",
        "findings.crisis.k2_grave": " {n} roa ned utan grunnlag medan hendinga pågjekk, t.d. {example}.",
        "findings.crisis.k3_noise": "{share} offisielle innlegg gjentok eit tidlegare innlegg utan nytt innhald; det "
                                    "er støy som skuvar den nyaste informasjonen ned, ikkje oppdateringar (t.d. "
                                    "{example}).",
        "findings.crisis.k3_none_yet": "Ingen oppdateringar enno.",
        "findings.crisis.k3_none": "Ingen oppdateringar.",
        "findings.crisis.k3.one": "{n} oppdatering; lengste opphald {longest} (mål: kvart {every}), til saman "
                                  "{overdue} over målet. {next_share} sa når neste oppdatering kjem.",
        "findings.crisis.k3.other": "{n} oppdateringar; lengste opphald {longest} (mål: kvart {every}), til saman "
                                    "{overdue} over målet. {next_share} sa når neste oppdatering kjem.",
        "findings.crisis.k4_none_yet": "Ingen offisielle innlegg enno.",
        "findings.crisis.k4_none": "Ingen offisielle innlegg å lenkje frå.",
        "findings.crisis.k4.one": "{share} offisielt innlegg lenkja til {where}.",
        "findings.crisis.k4.other": "{share} offisielle innlegg lenkja til {where}.",
        "findings.crisis.k5_police": " Politiet skulle sjølv gå ut kl. {at}.",
        "findings.crisis.k5_disclosed.one": "{n} offentleg tekst omtalte skadde eller døde før politiet, kl. {at} "
                                            "({matched}).{police}",
        "findings.crisis.k5_disclosed.other": "{n} offentlege tekstar omtalte skadde eller døde før politiet; den "
                                              "første kl. {at} ({matched}).{police}",
        "findings.crisis.k5_clean": "Teamet gjekk ikkje ut med opplysningar om skadde eller døde før politiet.",
        "findings.crisis.k5_referring": " {n} svar viste til politiet.",
        "findings.crisis.reach_prevented": "Rettinga kl. {at} heldt ryktet {quote} unna om lag {people} personar.",
        "findings.crisis.reach_never": "Ryktet {quote} vart aldri retta og nådde {people} personar.",
        "findings.crisis.reach_too_late": "Rettinga kl. {at} kom for seint til å avgrense ryktet {quote}.",
        "findings.crisis.reach_earlier_never": " Ei retting {after} etter at ryktet dukka opp, ville ha halde om "
                                               "lag {saved} av dei unna.",
        "findings.crisis.reach_earlier": " {earlier} tidlegare ville ha halde om lag {saved} personar til unna.",
        "findings.crisis.k6.one": "{share} rykte eller feilaktig påstand vart retta innan {target}, {late} seinare, "
                                  "{never} aldri.",
        "findings.crisis.k6.other": "{share} rykte og feilaktige påstandar vart retta innan {target}, {late} "
                                    "seinare, {never} aldri.",
        "findings.crisis.k6_never": " Ryktet {quote} vart aldri retta.",
        "findings.crisis.k6_corrected_after": " {quote} vart retta etter {after}.",
        "findings.crisis.k6_agreed": " {n} svar sa seg samde i ein feilaktig påstand, først {quote} kl. {at}: det "
                                     "spreier ryktet i staden for å rette det.",
        "findings.crisis.k6_apologies.one": " {n} tekst beklaga eller vedgjekk eigne feil.",
        "findings.crisis.k6_apologies.other": " {n} tekstar beklaga eller vedgjekk eigne feil.",
        "findings.crisis.k7": "{share} offisielle innlegg gav konkrete råd.",
        "findings.crisis.k8": "{share} svar på klager viste forståing, beklaga eller takka.",
    },
    "en": {
        "findings.share": "{part} of {whole}",
        "findings.hours_unit": "h",
        "findings.days": "{n} days",
        "findings.unplayed_of_them": " {n} of them were planned after the drill was ended.",
        "findings.speed.summary.one": "{share} inquiry was answered within {target}.",
        "findings.speed.summary.other": "{share} inquiries were answered within {target}.",
        "findings.speed.summary_none": "No inquiries to measure.",
        "findings.speed.s1_none": "No inquiry needed a reply in this drill.",
        "findings.speed.s1_within.one": "{share} inquiry got a response within {target}{unit} (target {origin}).",
        "findings.speed.s1_within.other": "{share} inquiries got a response within {target}{unit} (target {origin}).",
        "findings.speed.office_time": " office time",
        "findings.speed.s1_median": " Median time to first response: {median}; longest: {longest}.",
        "findings.speed.s1_never": " {n} never got a response.",
        "findings.speed.s1_partial_day": " {n} earned partial credit for an answer the same working day.",
        "findings.speed.s1_partial_incident": " {n} earned partial credit for a response a little over the target.",
        "findings.speed.unplayed.one": "{n} inquiry the scenario had planned never came because the drill was ended "
                                       "early; it counts as unanswered.",
        "findings.speed.unplayed.other": "{n} inquiries the scenario had planned never came because the drill was "
                                         "ended early; they count as unanswered.",
        "findings.speed.origin_scenario": "set by the scenario",
        "findings.speed.origin_rubric": "set by the rubric's default",
        "findings.speed.s2_acknowledged.one": "{n} inquiry first got an acknowledgement; {kept} of {n} later got a "
                                              "full answer.",
        "findings.speed.s2_acknowledged.other": "{n} inquiries first got an acknowledgement; {kept} of them later "
                                                "got a full answer.",
        "findings.speed.s2_too_long": "{n} waited more than {max_wait} for an answer.",
        "findings.speed.s3_incident.one": "An incident was active, so response times were measured in plain time "
                                          "with no relaxation outside office hours ({hours}); {n} inquiry arrived "
                                          "outside office hours.",
        "findings.speed.s3_incident.other": "An incident was active, so response times were measured in plain time "
                                            "with no relaxation outside office hours ({hours}); {n} inquiries arrived "
                                            "outside office hours.",
        "findings.speed.s3_normal.one": "No incident was active: response times were measured in office time "
                                        "({hours}, Monday–Friday); {n} inquiry arrived outside office hours.",
        "findings.speed.s3_normal.other": "No incident was active: response times were measured in office time "
                                          "({hours}, Monday–Friday); {n} inquiries arrived outside office hours.",
        "findings.speed.s4_telling.one": "{n} official post told people what response time to expect.",
        "findings.speed.s4_telling.other": "{n} official posts told people what response time to expect.",
        "findings.speed.s4_none": "No official post told people what response time to expect.",
        "findings.speed.s5.one": "In the busiest period ({span}, {n} inquiry) {share} got a response within "
                                 "{target}.",
        "findings.speed.s5.other": "In the busiest period ({span}, {n} inquiries) {share} got a response within "
                                   "{target}.",
        "findings.coverage.c1_none": "No inquiry needed a reply.",
        "findings.coverage.c1.one": "{share} inquiry that needed a reply got one.",
        "findings.coverage.c1.other": "{share} inquiries that needed a reply got one.",
        "findings.coverage.c1_unplayed": " {n} of them were planned for the time after the drill was ended, and "
                                         "count as unanswered.",
        "findings.coverage.c1_complaints": " Of the complaints and criticism, {share} got a reply.",
        "findings.coverage.c1_unaddressed": " {n} got a reply that did not address what was asked.",
        "findings.coverage.c1_pasted": " The same text was pasted under {n} different inquiries: {quote}.",
        "findings.coverage.c1_silenced": " {n} were deleted instead of answered.",
        "findings.coverage.c2.one": "{share} replies and posts came from the person on duty ({members} person "
                                    "replied in all).",
        "findings.coverage.c2.other": "{share} replies and posts came from the person on duty ({members} people "
                                      "replied in all).",
        "findings.coverage.c2_parallel.one": " {n} time two people replied in the same thread within {window}.",
        "findings.coverage.c2_parallel.other": " {n} times two people replied in the same thread within {window}.",
        "findings.coverage.c3_claims.one": "{share} false claim was corrected.",
        "findings.coverage.c3_claims.other": "{share} false claims were corrected.",
        "findings.coverage.c3_praise.one": "{share} positive comment got a like or a reply.",
        "findings.coverage.c3_praise.other": "{share} positive comments got a like or a reply.",
        "findings.coverage.c3_unplayed": "{n} of them were planned after the drill was ended, and count as not done.",
        "findings.tone.no_texts": "The team wrote no public replies or posts.",
        "findings.tone.summary_none": "No texts to judge.",
        "findings.tone.summary.one": "Mean score {mean} over {n} public text; {good} good ({good_from}+), {poor} "
                                     "weak (below {weak_below}).",
        "findings.tone.summary.other": "Mean score {mean} over {n} public texts; {good} good ({good_from}+), "
                                       "{poor} weak (below {weak_below}).",
        "findings.tone.rule.one": "{share} text: {explanation}{example}.",
        "findings.tone.rule.other": "{share} texts: {explanation}{example}.",
        "findings.moderation.summary": "Removed rightly: {right}; removed without reason: {wrong}; should have been "
                                       "removed: {missed}.",
        "findings.moderation.m2_nothing": "No comments on the page to moderate.",
        "findings.moderation.m2_clean": "No legitimate comment was removed; criticism was left up.",
        "findings.moderation.m2_untried": "The team removed nothing, so no criticism either; with no choice made, that earns no points.",
        "findings.moderation.deleted": "{n} deleted",
        "findings.moderation.hidden": "{n} hidden",
        "findings.moderation.restored": "{n} restored",
        "findings.moderation.m2.one": "{n} comment with no ground for removal was removed ({parts}); mere "
                                      "criticism: {criticism}.",
        "findings.moderation.m2.other": "{n} comments with no ground for removal were removed ({parts}), "
                                        "{criticism} of them mere criticism.",
        "findings.moderation.m2_outcry": " It led to accusations of censorship on the page.",
        "findings.moderation.m1_none": "No comment needed removing.",
        "findings.moderation.m1.one": "{share} comment that the KS rules allow removing was removed.",
        "findings.moderation.m1.other": "{share} comments that the KS rules allow removing were removed.",
        "findings.moderation.m1_serious": " Left up among them: {n} personal attacks, named people, personal data or "
                                          "illegal content.",
        "findings.moderation.m3.one": "{share} removed post with personal data was hidden rather than deleted.",
        "findings.moderation.m3.other": "{share} removed posts with personal data were hidden rather than deleted.",
        "findings.moderation.m4.one": "{share} removal had a reason that fits the content; {noted} had a note on "
                                      "what and why.",
        "findings.moderation.m4.other": "{share} removals had a reason that fits the content; {noted} had a note on "
                                        "what and why.",
        "findings.privacy.summary.one": "{n} public text with personal data or a confirmed client relationship.",
        "findings.privacy.summary.other": "{n} public texts with personal data or a confirmed client relationship.",
        "findings.privacy.no_texts": "No public texts.",
        "findings.privacy.p1_clean.one": "The one public text contained no personal data.",
        "findings.privacy.p1_clean.other": "None of {n} public texts contained personal data.",
        "findings.privacy.p2_clean": "No public text confirmed that someone is a client, patient or pupil.",
        "findings.privacy.flagged.one": "{share} public text was flagged, at {at}:{example} – {explanation}",
        "findings.privacy.flagged.other": "{share} public texts were flagged. First at {at}:{example} – "
                                          "{explanation}",
        "findings.privacy.p3.one": "{share} post exposing personal data was hidden or deleted within {within}; "
                                   "{left} stayed visible.",
        "findings.privacy.p3.other": "{share} posts exposing personal data were hidden or deleted within {within}; "
                                     "{left} stayed visible.",
        "findings.privacy.p3_unplayed": " {n} were planned after the drill was ended, and count as not removed.",
        "findings.archiving.a1.one": "{share} archive-worthy dialogue was marked for the archive.",
        "findings.archiving.a1.other": "{share} archive-worthy dialogues were marked for the archive.",
        "findings.archiving.a1_unplayed": " {n} were planned after the drill was ended.",
        "findings.archiving.a2.one": "{share} archive mark was on a routine item with no documentary value.",
        "findings.archiving.a2.other": "{share} archive marks were on routine items with no documentary value.",
        "findings.archiving.none": "No archive-worthy dialogues in this drill.",
        "findings.archiving.posts.one": "{share} own post was marked for the archive.",
        "findings.archiving.posts.other": "{share} own posts were marked for the archive.",
        "findings.archiving.posts_missed": " The municipality's own posts and the threads under them are its publication and are, as a rule, archived; the unmarked ones are listed here.",
        "findings.archiving.summary.one": "{n} dialogue marked for the archive; {worthy} were archive-worthy.",
        "findings.archiving.summary.other": "{n} dialogues marked for the archive; {worthy} were archive-worthy.",
        "findings.crisis.summary.one": "{n} official post, at {at}.",
        "findings.crisis.summary.other": "{n} official posts; the first at {at}.",
        "findings.crisis.no_posts": "No official posts.",
        "findings.crisis.k1_invisible": "The team was not visible on social media during the incident.",
        "findings.crisis.k1_first": "The team's first action on the page came at {at}, {after} after the incident "
                                    "began.",
        "findings.crisis.k2_not_due": "The drill ended before the first message was due ({target}).",
        "findings.crisis.k2_none": "No official message during the drill (target: within {target}).",
        "findings.crisis.k2_none_early": " The drill was ended early; a crisis with no first statement is missing "
                                         "one.",
        "findings.crisis.k2_first": "The first official message came at {at}, {after} after the start (target: "
                                    "within {target}, at most {latest}).",
        "findings.crisis.k2_wording.one": "{share} public text speculated or reassured without grounds; "
                                          "{open_share} official posts were open about uncertainty.",
        "findings.crisis.k2_wording.other": "{share} public texts speculated or reassured without grounds; "
                                            "{open_share} official posts were open about uncertainty.",
        "findings.crisis.k2_grave": " {n} reassured without grounds while the incident was active, e.g. {example}.",
        "findings.crisis.k3_noise": "{share} official posts repeated an earlier post with no news; that is noise "
                                    "that pushes the latest information down, not updates (e.g. {example}).",
        "findings.crisis.k3_none_yet": "No updates yet.",
        "findings.crisis.k3_none": "No updates.",
        "findings.crisis.k3.one": "{n} update; longest gap {longest} (target: every {every}), {overdue} over the "
                                  "target in all. {next_share} said when the next update comes.",
        "findings.crisis.k3.other": "{n} updates; longest gap {longest} (target: every {every}), {overdue} over the "
                                    "target in all. {next_share} said when the next update comes.",
        "findings.crisis.k4_none_yet": "No official posts yet.",
        "findings.crisis.k4_none": "No official posts to link from.",
        "findings.crisis.k4.one": "{share} official post linked to {where}.",
        "findings.crisis.k4.other": "{share} official posts linked to {where}.",
        "findings.crisis.k5_police": " The police were to publish at {at} themselves.",
        "findings.crisis.k5_disclosed.one": "{n} public text mentioned casualties before the police, at {at} "
                                            "({matched}).{police}",
        "findings.crisis.k5_disclosed.other": "{n} public texts mentioned casualties before the police; the first at "
                                              "{at} ({matched}).{police}",
        "findings.crisis.k5_clean": "The team did not release facts about casualties before the police.",
        "findings.crisis.k5_referring": " {n} replies referred to the police.",
        "findings.crisis.reach_prevented": "Your correction at {at} kept the rumour {quote} from about {people} "
                                           "people.",
        "findings.crisis.reach_never": "The rumour {quote} was never corrected and reached {people} people.",
        "findings.crisis.reach_too_late": "The correction at {at} came too late to limit the rumour {quote}.",
        "findings.crisis.reach_earlier_never": " A correction {after} after it appeared would have kept about "
                                               "{saved} of them from it.",
        "findings.crisis.reach_earlier": " {earlier} earlier would have kept about {saved} more people from it.",
        "findings.crisis.k6.one": "{share} rumour or false claim was corrected within {target}, {late} later, "
                                  "{never} never.",
        "findings.crisis.k6.other": "{share} rumours and false claims were corrected within {target}, {late} later, "
                                    "{never} never.",
        "findings.crisis.k6_never": " The rumour {quote} was never corrected.",
        "findings.crisis.k6_corrected_after": " {quote} was corrected after {after}.",
        "findings.crisis.k6_agreed": " {n} replies agreed with a false claim, first {quote} at {at}: that spreads "
                                     "the rumour instead of correcting it.",
        "findings.crisis.k6_apologies.one": " {n} text apologised or admitted the municipality's own mistakes.",
        "findings.crisis.k6_apologies.other": " {n} texts apologised or admitted the municipality's own mistakes.",
        "findings.crisis.k7": "{share} official posts gave actionable advice.",
        "findings.crisis.k8": "{share} replies to complaints showed understanding, apologised or thanked.",
    },
}
