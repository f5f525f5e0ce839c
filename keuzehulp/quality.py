"""The kwaliteitstoets: the four quality criteria of the handreiking for an intervention outside the shortlist.

The questions and the advice are the handreiking's own ("Kwaliteitscriteria" on the page on overwegingen);
`assess` applies its rules to the answers and nothing else.
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


@dataclass(frozen=True)
class Finding:
    criterion: str
    warning: bool  # True: the handreiking's rule applies
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
                else _("De interventie heeft meerwaarde: ze vult een hiaat of ontlast het systeem."),
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
                else _("Er is een aanwijzing dat de interventie wenselijk is of kan werken."),
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
                else _("De interventie sluit aan bij Oekraïners of heeft aandacht voor hun culturele behoeften."),
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
                else _("De uitvoerders voldoen aan ten minste één van de drie kwaliteitseisen."),
            )
        )
    return findings
