from django import forms
from django.utils.translation import gettext_lazy as _

from guidance.templatetags.translated import tr

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
