from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_editors_publish_concepts(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can be given this one.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redacteur").first()
    if group:
        group.permissions.add(Permission.objects.get(content_type__app_label="lpo", codename="publish_concept"))


def take_it_back(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Redacteur").first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="lpo", codename="publish_concept"))


class Migration(migrations.Migration):
    dependencies = [("lpo", "0004_search_entries_and_concepts")]

    operations = [migrations.RunPython(let_editors_publish_concepts, take_it_back)]
