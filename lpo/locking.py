"""No lost edits: optimistic locking on the version number of pages, tools, interventions and facts.

Every form carries the version it was opened at (a hidden field) and a signed copy of what it showed (`basis`).
A save from an out-of-date form is refused while the form is checked, with the fields that changed meanwhile
(old -> new); the bound form keeps the editor's text. The save itself moves the version on with one conditional
UPDATE, so two saves that pass the check at the same moment still cannot both land (`claim`).
"""

import datetime
from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.db.models.signals import pre_save
from django.forms.models import model_to_dict
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime

from lpo.models import Versioned

BASIS_SALT = "lpo.locking.basis"
NOT_STORED = object()


class StaleEdit(Exception):
    """Someone else saved between the check of a form and its save."""


def claim(obj, expected):
    """Moves the stored version from `expected` to the next one in one statement, or raises StaleEdit."""
    if expected is None or not type(obj)._base_manager.filter(pk=obj.pk, version=expected).update(version=expected + 1):
        raise StaleEdit(obj)


_into_an_empty_database = ContextVar("lpo_loading_into_an_empty_database", default=False)


@contextmanager
def loading_into_an_empty_database():
    """Loading content where none is stored (fixtures, an import): there is no stored version to keep, so no
    look-up per row."""
    token = _into_an_empty_database.set(True)
    try:
        yield
    finally:
        _into_an_empty_database.reset(token)


def _keep_the_stored_version(sender, instance, raw=False, **kwargs):
    """A restore from the history would write an old version number back; the stored one stays instead.

    Otherwise the number could go back, and a form opened long ago could match it again and save over newer text.
    """
    if raw and instance.pk is not None and not _into_an_empty_database.get():
        stored = sender._base_manager.filter(pk=instance.pk).values_list("version", flat=True).first()
        if stored is not None:
            instance.version = stored


def connect():
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, Versioned):
            pre_save.connect(_keep_the_stored_version, sender=model, dispatch_uid=f"lpo-version-{model._meta.label}")


def to_data(value):
    """A form value as JSON: objects by their key, several objects as a sorted list of keys."""
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "__iter__") and not isinstance(value, str | bytes | dict):
        return sorted(to_data(item) for item in value)
    return value


def instance_state(instance, names):
    """What a form for `instance` shows in the fields `names`, as form data."""
    values = model_to_dict(instance, fields=names)
    return {name: to_data(values.get(name)) for name in names}


def same(a, b):
    return _normal(a) == _normal(b)


def _normal(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, list | tuple):
        return sorted(str(item) for item in value)
    return str(value).replace("\r\n", "\n").strip()


def show(field, value, limit=160):
    """A value as an editor reads it: names rather than numbers, 'ja'/'nee', a shortened text."""
    if value in (None, "", [], ()):
        return "(leeg)"
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(obj) for obj in field.queryset.model._base_manager.filter(pk__in=value)) or "(leeg)"
    if isinstance(field, forms.ModelChoiceField):
        obj = field.queryset.model._base_manager.filter(pk=value).first()
        return str(obj) if obj else f"nummer {value} (bestaat niet meer)"
    if isinstance(field, forms.BooleanField):
        return "ja" if value else "nee"
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def changed_text(old, new, context=40):
    """The part of a long text that changed, with a little context on each side."""
    old, new = " ".join(str(old).split()), " ".join(str(new).split())
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    begin = max(start - context, 0)

    def piece(text):
        middle = text[begin : len(text) - max(end - context, 0)]
        return ("…" if begin else "") + middle + ("…" if end > context else "")

    return piece(old), piece(new)


def differences(fields, before, after):
    """'Label: «old» → «new»' for every field whose value differs between two states."""
    lines = []
    for name, field in fields.items():
        old, new = before.get(name, NOT_STORED), after.get(name, NOT_STORED)
        if old is NOT_STORED or new is NOT_STORED or same(old, new):
            continue
        label = capfirst(str(field.label or name))
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > 160:
            old_text, new_text = changed_text(old, new)
        else:
            old_text, new_text = show(field, old), show(field, new)
        lines.append(f"{label}: «{old_text}» → «{new_text}»")
    return lines


def who_and_when(user, moment):
    name = (user.get_full_name() or user.get_username()) if user else "onbekend"
    return f"{name}, {date_format(localtime(moment), 'j F Y H:i')}"


class BasisField(forms.CharField):
    """What the form showed when it was opened, signed; never a change of its own."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class LockedForm(forms.ModelForm):
    """A model form that refuses to save over a change made after it was opened.

    The admin (lpo.concept_admin) sets `concept`, the open concept that the form shows and that a newer save
    is compared with, or `shown_version` when the form shows an old version from the history.
    """

    basis = BasisField(required=False)
    concept = None
    shown_version = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "version" in self.fields:
            self.fields["version"].required = False
            self.fields["version"].widget = forms.HiddenInput()
        if not self.is_bound:
            state = self.current_state()
            self.initial.update(state)
            self.initial["basis"] = signing.dumps(state, salt=BASIS_SALT, compress=True)
            if self.shown_version is not None:
                self.initial["version"] = self.shown_version

    @property
    def state_names(self):
        model_fields = {field.name for field in self._meta.model._meta.get_fields()}
        return [name for name in self.fields if name in model_fields and name != "version"]

    def current_state(self):
        """What the form shows when opened now: the stored item, or its open concept."""
        from lpo import concepts

        state = instance_state(self.instance, self.state_names) if self.instance.pk else {}
        if self.concept is not None:
            state = concepts.merged(self.concept, state)[0]
        return state

    def sent_basis(self):
        try:
            return signing.loads(self.data.get(self.add_prefix("basis"), ""), salt=BASIS_SALT)
        except signing.BadSignature:
            return None

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None or "version" not in self.fields:
            return cleaned_data
        if cleaned_data.get("version") == self.instance.version:
            return cleaned_data
        self.refuse_stale()
        return cleaned_data

    def refuse_stale(self):
        """Refuses the save, says what changed meanwhile, and readies the form to be sent again."""
        from lpo import concepts

        now = self.current_state()
        before = self.sent_basis()
        fields = {name: self.fields[name] for name in self.state_names}
        if before is not None:
            lines = differences(fields, before, now)
        else:  # no record of what the form showed: compare with what was sent
            sent = {name: to_data(value) for name, value in self.cleaned_data.items() if name in fields}
            lines = [line.replace(" → ", " → nu ") for line in differences(fields, sent, now)]
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = self.instance.version
        self.data[self.add_prefix("basis")] = signing.dumps(now, salt=BASIS_SALT, compress=True)
        last = concepts.last_change(self.instance)
        who = f" ({who_and_when(*last)})" if last else ""
        messages = [
            f"Iemand anders heeft dit intussen opgeslagen{who}. Uw wijzigingen zijn nog niet opgeslagen: "
            "ze staan hieronder in het formulier. Neem over wat u van de ander wilt houden en sla opnieuw op."
        ]
        if lines:
            messages.append("Wat er intussen veranderde:")
            messages += lines
        else:
            messages.append("De velden van dit formulier veranderden intussen niet.")
        raise ValidationError(messages, code="stale")
