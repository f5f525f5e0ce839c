from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_editors_see_role_counts(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redacteur").first()
    if group:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="guidance", codename="view_rolecount")
        )


class Migration(migrations.Migration):
    dependencies = [("guidance", "0004_role_counts")]

    operations = [migrations.RunPython(let_editors_see_role_counts, migrations.RunPython.noop)]
