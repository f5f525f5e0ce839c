"""Concepts and locking in the admin, through the admin's own hooks.

"Opslaan als concept" keeps the checked form data aside (lpo.concepts); "Publiceren" makes it live, in the
change form, on its own page and as a list action; "Concept verwijderen" throws it away. Every form is locked
on the item's version (lpo.locking). Publishing needs the permission lpo.publish_concept.
"""

import reversion
from reversion.models import Version

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from lpo import concepts, locking
from lpo.locking import LockedForm, StaleEdit, instance_state, who_and_when
from lpo.models import Concept

CONCEPT_SAVE = "_save_concept"
PUBLISH = "_publish"
HIDDEN_FIELDS = ["version", "basis"]


def is_concept_save(request):
    return request.method == "POST" and CONCEPT_SAVE in request.POST


def _with_hidden_fields(fieldsets):
    named = set(flatten_fieldsets(fieldsets))
    missing = [name for name in HIDDEN_FIELDS if name not in named]
    if not missing:
        return fieldsets
    (title, options), *rest = fieldsets
    return [(title, {**options, "fields": [*options["fields"], *missing]}), *rest]


def form_errors(form):
    """A form's errors as one Dutch sentence, for a message."""
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        parts += [f"{label}: {error}" if label else str(error) for error in errors]
    return " ".join(parts)


class HasConceptFilter(admin.SimpleListFilter):
    title = "heeft een concept"
    parameter_name = "concept"

    def lookups(self, request, model_admin):
        return [("ja", "Ja"), ("nee", "Nee")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(has_open_concept=True)
        if self.value() == "nee":
            return queryset.filter(has_open_concept=False)
        return queryset


class LockedInlineMixin:
    """Inline forms carry their own version; a concept of the parent does not take inline changes along."""

    form = LockedForm

    def get_fieldsets(self, request, obj=None):
        return _with_hidden_fields(super().get_fieldsets(request, obj))

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not is_concept_save(request):
            return formset
        plural = self.model._meta.verbose_name_plural

        def clean(self):
            super(concept_formset, self).clean()
            if self.has_changed():
                raise ValidationError(
                    f"Wijzigingen in de {plural} gaan niet mee in een concept. Sla ze eerst gewoon op, of maak "
                    f"er een concept van in het beheer van de {plural}. Uw tekst staat nog in het formulier."
                )

        concept_formset = type(formset.__name__, (formset,), {"clean": clean})
        return concept_formset


class ConceptAdminMixin:
    """For the admin of a versioned content model. Set `preview_url_name`, or override `concept_preview_url`."""

    form = LockedForm
    change_form_template = "admin/concepts/change_form.html"
    actions = ["publish_concepts"]
    preview_url_name = None

    # Permissions and preview

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm("lpo.publish_concept")

    def concept_preview_url(self, obj):
        return reverse(self.preview_url_name, args=[obj.pk]) if self.preview_url_name else None

    # The change list: a column and a filter

    def get_queryset(self, request):
        concepts_here = Concept.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return super().get_queryset(request).annotate(has_open_concept=Exists(concepts_here))

    @admin.display(description="concept", boolean=True, ordering="has_open_concept")
    def concept_column(self, obj):
        return obj.has_open_concept

    def get_list_display(self, request):
        return [*super().get_list_display(request), "concept_column"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), HasConceptFilter]

    # The form

    def get_fieldsets(self, request, obj=None):
        return _with_hidden_fields(super().get_fieldsets(request, obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        attrs = {}
        if getattr(request, "lpo_history", False):
            # Restoring from the history: the form shows that old version, locked on the stored one.
            attrs["shown_version"] = request.lpo_history_version
        elif obj is not None and obj.pk is not None:
            attrs["concept"] = concepts.concept_for(obj)
        return type(form.__name__, (form,), attrs) if attrs else form

    def concept_context(self, request, obj):
        if obj is None or getattr(request, "lpo_history", False):
            return {}
        concept = concepts.concept_for(obj)
        can_publish = self.has_publish_permission(request, obj)
        context = {
            "concepts_enabled": True,
            "concept": concept,
            "can_publish": can_publish,
            "concept_preview_url": self.concept_preview_url(obj),
        }
        if concept is not None:
            live = instance_state(obj, list(concept.data))
            context["concept_conflicts"] = [self._label(name) for name in concepts.merged(concept, live)[1]]
            context["concept_by"] = who_and_when(concept.updated_by, concept.updated_at)
            context["concept_discard_url"] = reverse(f"admin:{self.url_name('concept_discard')}", args=[quote(obj.pk)])
            context["concept_publish_url"] = reverse(f"admin:{self.url_name('concept_publish')}", args=[quote(obj.pk)])
        if concept is not None or not can_publish:
            # With an open concept, "Publiceren" takes the place of the save buttons.
            context.update(show_save=False, show_save_and_continue=False, show_save_and_add_another=False)
        return context

    def _label(self, name):
        try:
            return str(self.model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            return name

    def change_view(self, request, object_id, form_url="", extra_context=None):
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except StaleEdit:
            # Someone saved between the check of this form and its save: the second run shows what changed.
            return super().change_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and request.method == "POST":
            if obj is None:
                kept = self._keep_edit_of_deleted(request, unquote(object_id))
                if kept is not None:
                    return kept
            elif not is_concept_save(request) and not self.has_publish_permission(request, obj):
                raise PermissionDenied
        context = {**self.concept_context(request, obj), **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request.lpo_history = True
        request.lpo_history_version = (
            self.model._base_manager.filter(pk=unquote(object_id)).values_list("version", flat=True).first()
        )
        try:
            return super().revision_view(request, object_id, version_id, extra_context)
        except StaleEdit:
            return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.lpo_history, request.lpo_history_version = True, None
        return super().recover_view(request, version_id, extra_context)

    def _keep_edit_of_deleted(self, request, object_id):
        """A form sent for an item deleted meanwhile: its text is kept as a concept, found again on restore."""
        deleted = Version.objects.get_deleted(self.model).filter(object_id=str(object_id))
        if not self.has_change_permission(request) or not deleted.exists():
            return None
        form_class = self.get_form(request, None, change=False)
        form = form_class()
        data = {
            name: form.fields[name].widget.value_from_datadict(request.POST, request.FILES, name)
            for name in form.state_names
        }
        Concept.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=object_id,
            defaults={"data": data, "base_data": {}, "base_version": 0, "updated_by": request.user},
            create_defaults={
                "data": data,
                "base_data": {},
                "base_version": 0,
                "author": request.user,
                "updated_by": request.user,
            },
        )
        opts = self.model._meta
        self.message_user(
            request,
            f"Dit item ({opts.verbose_name}) is intussen verwijderd. Uw wijzigingen zijn bewaard als concept: "
            f"herstel het item met “Verwijderde {opts.verbose_name_plural} herstellen”, dan vindt u ze terug.",
            messages.WARNING,
        )
        return redirect(f"admin:{self.url_name('changelist')}")

    # Saving

    def save_model(self, request, obj, form, change):
        expected = form.cleaned_data.get("version") if "version" in form.fields else None
        if not change or expected is None:
            super().save_model(request, obj, form, change)
            return
        locking.claim(obj, expected)
        if is_concept_save(request):
            self._save_concept(request, obj, form, expected)
            return
        # A save from a form that showed the open concept publishes it; a restore from the history does not.
        request.lpo_published_concept = None if getattr(request, "lpo_history", False) else concepts.concept_for(obj)
        super().save_model(request, obj, form, change)
        if request.lpo_published_concept is not None:
            request.lpo_published_concept.delete()

    def _save_concept(self, request, obj, form, expected):
        live = self.model._base_manager.get(pk=obj.pk)
        data = {name: locking.to_data(form.cleaned_data.get(name)) for name in form.state_names}
        Concept.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=obj.pk,
            defaults={
                "data": data,
                "base_data": instance_state(live, form.state_names),
                "base_version": expected + 1,
                "updated_by": request.user,
            },
            create_defaults={
                "data": data,
                "base_data": instance_state(live, form.state_names),
                "base_version": expected + 1,
                "author": request.user,
                "updated_by": request.user,
            },
        )
        # The history records who made the concept; the version stored with it is the published one.
        reversion.add_to_revision(live)

    def save_related(self, request, form, formsets, change):
        if is_concept_save(request):
            return  # tags and other relations stay as published; the concept holds them
        super().save_related(request, form, formsets, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if (
                inline_form.instance.pk is not None
                and inline_form.has_changed()
                and inline_form.cleaned_data.get("version") is not None
                and inline_form not in formset.deleted_forms
            ):
                locking.claim(inline_form.instance, inline_form.cleaned_data["version"])
        super().save_formset(request, form, formset, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if not isinstance(form, LockedForm):  # e.g. the order changed in the list
            return super().construct_change_message(request, form, formsets, add)
        changed = [str(form.fields[name].label) for name in form.changed_data if name in form.state_names]
        summary = f" Gewijzigd: {', '.join(changed)}." if changed else ""
        if not add and is_concept_save(request):
            return f"Concept opgeslagen (nog niet gepubliceerd).{summary}"  # the inlines were not saved
        message = super().construct_change_message(request, form, formsets, add)
        concept = None if add else getattr(request, "lpo_published_concept", None)
        if concept is not None:
            return f"Concept van {who_and_when(concept.author, concept.created_at)} gepubliceerd.{summary}"
        return message

    def response_change(self, request, obj):
        if is_concept_save(request):
            self.message_user(
                request,
                "Het concept is opgeslagen. Bezoekers zien nog de gepubliceerde versie; "
                "met “Bekijk het voorbeeld” ziet u het concept.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        if getattr(request, "lpo_published_concept", None) is not None:
            self.message_user(request, "Het concept is gepubliceerd: bezoekers zien het nu.", messages.SUCCESS)
        return super().response_change(request, obj)

    # Publishing and discarding a concept on its own

    def url_name(self, action):
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}_{action}"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/concept/publiceren/", wrap(self.publish_view), name=self.url_name("concept_publish")
            ),
            path(
                "<path:object_id>/concept/verwijderen/", wrap(self.discard_view), name=self.url_name("concept_discard")
            ),
            *super().get_urls(),
        ]

    def _concept_or_message(self, request, object_id):
        """The item and its concept, or a redirect with a message that says why not (and keeps the concept)."""
        opts = self.model._meta
        obj = self.get_object(request, unquote(object_id))
        content_type = ContentType.objects.get_for_model(self.model)
        concept = Concept.objects.filter(content_type=content_type, object_id=unquote(object_id)).first()
        if obj is None and concept is not None:
            self.message_user(
                request,
                f"Dit item ({opts.verbose_name}) is intussen verwijderd. Het concept is bewaard: herstel het item "
                f"met “Verwijderde {opts.verbose_name_plural} herstellen” om het te publiceren.",
                messages.WARNING,
            )
            return None, None, redirect(f"admin:{self.url_name('changelist')}")
        if obj is None:
            return None, None, self._get_obj_does_not_exist_redirect(request, opts, object_id)
        if concept is None:
            self.message_user(request, f"“{obj}” heeft geen concept (meer).", messages.WARNING)
            return None, None, redirect(f"admin:{self.url_name('change')}", quote(obj.pk))
        return obj, concept, None

    def publish_view(self, request, object_id):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        obj, concept, response = self._concept_or_message(request, object_id)
        if response is not None:
            return response
        if request.method == "POST":
            self.publish_concept(request, obj, concept)
            return redirect(f"admin:{self.url_name('change')}", quote(obj.pk))
        return self._confirmation(request, obj, concept, publish=True)

    def discard_view(self, request, object_id):
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        obj, concept, response = self._concept_or_message(request, object_id)
        if response is not None:
            return response
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.method == "POST":
            with transaction.atomic(), reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(
                    f"Concept van {who_and_when(concept.author, concept.created_at)} verwijderd (niet gepubliceerd)."
                )
                reversion.add_to_revision(obj)
                concept.delete()
            self.message_user(request, "Het concept is verwijderd. De gepubliceerde versie blijft.", messages.SUCCESS)
            return redirect(f"admin:{self.url_name('change')}", quote(obj.pk))
        return self._confirmation(request, obj, concept, publish=False)

    def _confirmation(self, request, obj, concept, publish):
        form = self.get_form(request, obj, change=True)()
        names = form.state_names
        live = instance_state(obj, names)
        data, conflicts = concepts.merged(concept, live)
        fields = {name: form.fields[name] for name in names}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "concept": concept,
            "publish": publish,
            "title": "Concept publiceren" if publish else "Concept verwijderen",
            "concept_by": who_and_when(concept.updated_by, concept.updated_at),
            "changes": locking.differences(fields, live, data),
            "conflicts": [str(fields[name].label) for name in conflicts if name in fields],
            "preview_url": self.concept_preview_url(obj),
        }
        return TemplateResponse(request, "admin/concepts/confirm.html", context)

    def publish_concept(self, request, obj, concept):
        """Makes one concept live, checked by the same form as a save; on any problem the concept is kept."""
        form_class = self.get_form(request, obj, change=True)
        form = form_class(instance=obj)
        data, conflicts = concepts.merged(concept, instance_state(obj, form.state_names))
        if conflicts:
            labels = ", ".join(str(form.fields[name].label) for name in conflicts if name in form.fields)
            self.message_user(
                request,
                f"Het concept van “{obj}” is niet gepubliceerd: {labels} veranderde ook in de gepubliceerde versie "
                "nadat het concept was opgeslagen. Open het item, kies wat u wilt houden en sla het concept "
                "opnieuw op. Het concept is bewaard.",
                messages.ERROR,
            )
            return False
        form = form_class(data={**data, "version": obj.version}, instance=obj)
        if not form.is_valid():
            self.message_user(
                request,
                f"Het concept van “{obj}” is niet gepubliceerd: {form_errors(form)} "
                "Het concept is bewaard; pas het aan in het formulier.",
                messages.ERROR,
            )
            return False
        try:
            with transaction.atomic(), reversion.create_revision():
                locking.claim(obj, obj.version)
                saved = form.save()
                reversion.set_user(request.user)
                reversion.set_comment(f"Concept van {who_and_when(concept.author, concept.created_at)} gepubliceerd.")
                reversion.add_to_revision(saved)
                concept.delete()
        except StaleEdit:
            self.message_user(
                request,
                f"Het concept van “{obj}” is niet gepubliceerd: iemand anders sloeg het item net op. "
                "Probeer het opnieuw. Het concept is bewaard.",
                messages.ERROR,
            )
            return False
        self.message_user(request, f"Het concept van “{saved}” is gepubliceerd.", messages.SUCCESS)
        return True

    @admin.action(description="Concepten publiceren", permissions=["publish"])
    def publish_concepts(self, request, queryset):
        objects = list(queryset)
        found = {
            concept.object_id: concept
            for concept in Concept.objects.for_model(self.model).filter(object_id__in=[obj.pk for obj in objects])
        }
        without = [obj for obj in objects if obj.pk not in found]
        for obj in objects:
            if obj.pk in found:
                self.publish_concept(request, obj, found[obj.pk])
        if without:
            self.message_user(
                request, f"Zonder concept, dus niets gedaan: {', '.join(map(str, without))}.", messages.INFO
            )
