from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_editors_see_link_checks(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can be given one.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redacteur").first()
    if group:
        group.permissions.add(Permission.objects.get(content_type__app_label="lpo", codename="view_linkcheck"))


class Migration(migrations.Migration):
    dependencies = [
        ("lpo", "0001_link_checks"),
        # The Redacteur group is made there.
        ("guidance", "0002_editor_group"),
    ]

    operations = [migrations.RunPython(let_editors_see_link_checks, migrations.RunPython.noop)]
