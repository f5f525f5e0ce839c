from urllib.parse import urlsplit

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The organisation behind each domain, as the checked facts (../shared/facts/interventies.md) name it. A domain
# not listed keeps the domain as its title, so that no link reads as a bare address and no name is invented.
ORGANISATIONS = {
    "projecten.zonmw.nl": "ZonMw",
    "vluchtelingenwerk.nl": "VluchtelingenWerk",
    "arq.org": "ARQ",
    "migratie.arq.org": "ARQ",
    "7roses.arq.org": "ARQ",
    "interventies.loketgezondleven.nl": "Loket Gezond Leven",
    "mind-spring.org": "Mind-Spring",
    "vumagazine.vu.nl": "VU",
    "loketoekrainepsh.nl": "LOOP, Loket Oekraïense Ontheemden Psychosociale Hulpverlening",
}


def domain(url):
    return (urlsplit(url).hostname or "").removeprefix("www.")


def split_sources(apps, schema_editor):
    Fact = apps.get_model("interventions", "Fact")
    FactSource = apps.get_model("interventions", "FactSource")
    for fact in Fact.objects.all():
        for order, url in enumerate(fact.legacy_sources.split(), start=1):
            host = domain(url)
            FactSource.objects.create(fact=fact, url=url, title=ORGANISATIONS.get(host, host or url), order=order)


def join_sources(apps, schema_editor):
    Fact = apps.get_model("interventions", "Fact")
    for fact in Fact.objects.all():
        fact.legacy_sources = "\n".join(source.url for source in fact.sources.order_by("order", "pk"))
        fact.save(update_fields=["legacy_sources"])


def let_editors_edit_fact_sources(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redacteur").first()
    if group:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="interventions", content_type__model="factsource")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0006_factsource"),
        ("guidance", "0002_editor_group"),
    ]

    operations = [
        migrations.RunPython(split_sources, join_sources),
        migrations.RunPython(let_editors_edit_fact_sources, migrations.RunPython.noop),
    ]
