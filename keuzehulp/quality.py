"""The kwaliteitstoets: the four quality criteria of the handreiking for an intervention outside the shortlist.

The questions and the advice are the handreiking's own ("Kwaliteitscriteria" on the page on overwegingen);
`assess` applies its rules to the answers and nothing else. The handreiking only says when not to use an
intervention (or what to check); it never says that one is good. So where its rule does not apply, the tool says
no more than that it found no objection on that criterion: it never certifies.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

YES, NO, UNKNOWN = "ja", "nee", "onbekend"


TITLES = {
    "meerwaarde": _("Meerwaarde"),
    "bewijs": _("Bewijs"),
    "cultuur": _("Aansluiting bij de cultuur"),
    "uitvoerders": _("Kwaliteit van de uitvoerders"),
}

# Where the handreiking's rule does not apply: no objection on this criterion, and nothing more.
NO_OBJECTION_ONE_YES = _("Geen bezwaar gevonden op dit criterium: je antwoordde op ten minste één vraag ja.")


@dataclass(frozen=True)
class Finding:
    criterion: str
    warning: bool  # True: the handreiking's rule applies; False: no objection found, which is no verdict
    advice: str

    @property
    def title(self):
        return TITLES[self.criterion]


def assess(answers):
    """Findings per criterion for the answered criteria; a criterion left unanswered gets no finding.

    `answers` holds: meerwaarde_hiaat, meerwaarde_ontlast (ja/nee/onbekend), bewijs (1-4),
    cultuur_oekrainers, cultuur_behoeften (ja/nee), uitvoerders (a set of 1, 2, 3) and uitvoerders_beantwoord.
    """
    findings = []

    added_value = [answers.get("meerwaarde_hiaat"), answers.get("meerwaarde_ontlast")]
    if all(added_value):
        no_added_value = all(answer in (NO, UNKNOWN) for answer in added_value)
        findings.append(
            Finding(
                "meerwaarde",
                no_added_value,
                _("Het heeft waarschijnlijk niet veel zin de interventie aan te bieden.")
                if no_added_value
                else NO_OBJECTION_ONE_YES,
            )
        )

    evidence = answers.get("bewijs")
    if evidence:
        no_evidence = evidence == "4"
        findings.append(
            Finding(
                "bewijs",
                no_evidence,
                _("Bied de interventie liever niet aan.")
                if no_evidence
                else _(
                    "Geen bezwaar gevonden op dit criterium: je koos niet ‘Er is geen aanwijzing dat dit wenselijk "
                    "is of kan werken’."
                ),
            )
        )

    culture = [answers.get("cultuur_oekrainers"), answers.get("cultuur_behoeften")]
    if all(culture):
        no_culture = all(answer == NO for answer in culture)
        findings.append(
            Finding(
                "cultuur",
                no_culture,
                _("Check bij (vertegenwoordigers van) potentiële deelnemers wat zij van de interventie vinden.")
                if no_culture
                else NO_OBJECTION_ONE_YES,
            )
        )

    if answers.get("uitvoerders_beantwoord"):
        no_qualification = not answers.get("uitvoerders")
        findings.append(
            Finding(
                "uitvoerders",
                no_qualification,
                _("Het is verstandig de interventie niet in te zetten.")
                if no_qualification
                else _("Geen bezwaar gevonden op dit criterium: je koos ten minste één van de drie opties."),
            )
        )
    return findings
