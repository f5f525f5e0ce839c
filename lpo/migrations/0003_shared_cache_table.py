from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # The shared cache lives in the database when no Redis or Memcached is configured (settings.CACHES).
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("lpo", "0002_editors_see_link_checks"),
    ]

    operations = [
        migrations.RunPython(create_cache_tables, migrations.RunPython.noop),
    ]
