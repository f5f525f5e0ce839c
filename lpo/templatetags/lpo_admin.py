"""The admin index tells editors what needs their attention: content not checked in 12 months, broken links."""

from django import template
from django.urls import reverse

from lpo.admin import CheckedListFilter
from lpo.content import content_models
from lpo.models import Checked, LinkCheck

register = template.Library()


@register.inclusion_tag("admin/_attention.html", takes_context=True)
def attention(context):
    """Counts only what the editor may see, each linking to the filtered list."""
    user = context["request"].user
    check_due = []
    for model in [model for model in content_models() if issubclass(model, Checked)]:
        meta = model._meta
        singular, plural = meta.verbose_name, meta.verbose_name_plural
        if not user.has_perm(f"{meta.app_label}.view_{meta.model_name}"):
            continue
        count = model.objects.check_due().count()
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        check_due.append(
            {
                "count": count,
                "label": singular if count == 1 else plural,
                "url": f"{url}?{CheckedListFilter.parameter_name}={CheckedListFilter.CHECK_DUE}",
            }
        )
    due = [item for item in check_due if item["count"]]
    broken = None
    if user.has_perm("lpo.view_linkcheck"):
        broken = {
            "count": LinkCheck.objects.broken().count(),
            "url": reverse("admin:lpo_linkcheck_changelist") + "?toestand=kapot",
        }
    return {
        "check_due": due,
        "check_due_total": sum(item["count"] for item in due),
        "all_checked": bool(check_due) and not due,
        "broken_links": broken,
    }
