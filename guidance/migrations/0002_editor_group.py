from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Redacteur"
# The content models an editor may add, change, delete and view; deliberately no users or groups.
CONTENT_MODELS = {
    "guidance": ["page", "source", "tool"],
    "interventions": ["criterion", "tag", "intervention", "fact"],
}


def create_editor_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can be given them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label__in=CONTENT_MODELS,
    )
    group.permissions.set(
        [
            permission
            for permission in permissions.select_related("content_type")
            if permission.content_type.model in CONTENT_MODELS[permission.content_type.app_label]
        ]
    )


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("guidance", "0001_initial"),
        ("interventions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
