from django import forms
from django.utils.translation import gettext_lazy as _

from lpo.templatetags.translated import tr

NO_PREFERENCE = ""


class KeuzehulpForm(forms.Form):
    """The keuzehulp's questions, one per criterion, built from the editors' criteria and tags.

    Every question is optional and takes one answer; the query string is the whole state.
    """

    def __init__(self, data, criteria):
        """`criteria` come with their tags in `tag_list` (see interventions.catalog.criteria_with_tags)."""
        super().__init__(data)
        self.criteria = list(criteria)
        self.tags_by_field = {}
        for criterion in self.criteria:
            tags = {tag.slug: tag for tag in criterion.tag_list}
            self.tags_by_field[criterion.slug] = tags
            self.fields[criterion.slug] = forms.ChoiceField(
                label=tr(criterion, "question"),
                help_text=tr(criterion, "explanation"),
                required=False,
                choices=[(NO_PREFERENCE, _("Geen voorkeur"))]
                + [(slug, tr(tag, "label")) for slug, tag in tags.items()],
                widget=forms.RadioSelect,
                error_messages={
                    # The rejected value is never repeated back: it may be huge or hold control characters.
                    "invalid_choice": _("Kies een van de antwoorden bij deze vraag."),
                },
            )

    def clean(self):
        cleaned = super().clean()
        for name in self.fields:
            if len(self.data.getlist(name)) > 1:
                self.add_error(name, _("Kies één antwoord bij deze vraag; je gaf er meer dan één."))
        return cleaned

    def chosen_tags(self):
        """The tags answered, in the order of the questions. Only valid after is_valid()."""
        return [
            self.tags_by_field[name][value]
            for name, value in self.cleaned_data.items()
            if value != NO_PREFERENCE and name in self.tags_by_field
        ]

    def criteria_values(self):
        return {criterion.slug: (self.cleaned_data.get(criterion.slug) or None) for criterion in self.criteria}


YES_NO_UNKNOWN = [("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Onbekend"))]
YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


class QualityForm(forms.Form):
    """The four kwaliteitscriteria, with the questions and options exactly as the handreiking gives them."""

    error_messages_choice = {"invalid_choice": _("Kies een van de antwoorden bij deze vraag.")}

    def __init__(self, data):
        super().__init__(data)
        radio = {"required": False, "widget": forms.RadioSelect, "error_messages": self.error_messages_choice}
        self.fields["meerwaarde_hiaat"] = forms.ChoiceField(
            label=_("Vult ze een gat in het bestaande aanbod: biedt ze iets wat er nog niet is?"),
            choices=YES_NO_UNKNOWN,
            **radio,
        )
        self.fields["meerwaarde_ontlast"] = forms.ChoiceField(
            label=_("Ontlast ze het ondersteunings- en/of zorgsysteem?"), choices=YES_NO_UNKNOWN, **radio
        )
        self.fields["bewijs"] = forms.ChoiceField(
            label=_("Is er bewijs dat de interventie werkt?"),
            choices=[
                ("1", _("Wetenschappelijke studies tonen aan dat dit kan werken.")),
                ("2", _("De interventie is opgenomen in richtlijnen.")),
                ("3", _("Experts zijn van mening dat de interventie wenselijk is of kan werken.")),
                ("4", _("Er is geen aanwijzing dat dit wenselijk is of kan werken.")),
            ],
            **radio,
        )
        self.fields["cultuur_oekrainers"] = forms.ChoiceField(
            label=_("Zijn er Oekraïners betrokken bij de uitvoering van de interventie?"), choices=YES_NO, **radio
        )
        self.fields["cultuur_behoeften"] = forms.ChoiceField(
            label=_(
                "Sluit de interventie aan bij of is er in de interventie aandacht voor specifieke culturele "
                "behoeften van Oekraïners?"
            ),
            choices=YES_NO,
            **radio,
        )
        self.fields["uitvoerders"] = forms.MultipleChoiceField(
            label=_(
                "Zijn de uitvoerders van de interventie voldoende gekwalificeerd om de interventie uit te voeren "
                "en kunnen die kwalificaties worden geverifieerd?"
            ),
            choices=[
                ("1", _("De uitvoerders hebben een training of opleiding gevolgd.")),
                ("2", _("De uitvoerders krijgen intervisie.")),
                (
                    "3",
                    _(
                        "De interventie wordt uitgevoerd door professionals, die beschikken over de juiste "
                        "professionele kwalificaties (bijv. een actuele BIG-registratie of vergelijkbaar "
                        "kwaliteitsregister)."
                    ),
                ),
                ("geen", _("Geen van deze drie.")),
            ],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": _("Kies een van de antwoorden bij deze vraag.")},
        )

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            single = not isinstance(field, forms.MultipleChoiceField)
            if single and len(self.data.getlist(name)) > 1:
                self.add_error(name, _("Kies één antwoord bij deze vraag; je gaf er meer dan één."))
        chosen = set(cleaned.get("uitvoerders") or [])
        if "geen" in chosen and len(chosen) > 1:
            self.add_error("uitvoerders", _("'Geen van deze drie' gaat niet samen met een van de drie opties."))
        return cleaned

    def canonical_query(self):
        """The answers as the form understood them, in the form's order: what the page depends on."""
        query = {}
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if isinstance(value, list | tuple | set):
                order = [str(choice) for choice, _label in field.choices]
                query[name] = sorted({str(item) for item in value}, key=order.index)
            elif value not in (None, ""):
                query[name] = str(value)
        return query

    def answers(self):
        chosen = set(self.cleaned_data.get("uitvoerders") or [])
        return {
            **{name: value for name, value in self.cleaned_data.items() if name != "uitvoerders"},
            "uitvoerders": chosen - {"geen"},
            "uitvoerders_beantwoord": bool(chosen),
        }

    def groups(self):
        """The fields under the handreiking's four headings."""
        return [
            (_("Wat is de meerwaarde van de interventie?"), [self["meerwaarde_hiaat"], self["meerwaarde_ontlast"]]),
            (_("Is er bewijs dat de interventie werkt?"), [self["bewijs"]]),
            (
                _(
                    "Sluit de interventie aan bij of is er in de interventie aandacht voor specifieke culturele "
                    "behoeften van Oekraïners?"
                ),
                [self["cultuur_oekrainers"], self["cultuur_behoeften"]],
            ),
            (_("Wat is de kwaliteit van de uitvoerders?"), [self["uitvoerders"]]),
        ]
