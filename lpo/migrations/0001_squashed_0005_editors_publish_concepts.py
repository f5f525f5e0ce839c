"""The site machinery's tables as migrations 0001–0005 left them, the shared cache table, and the editors' rights
on link checks and concepts, in one step for a new database.

A database that has some of 0001–0005 applied goes on with those; one that has them all counts this as applied.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.core.management import call_command
import django.core.serializers.json
from django.db import migrations, models
import django.db.models.deletion


def _make_permissions(apps):
    # Permissions are normally made after all migrations; make them now so the group can be given them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_cache_tables(apps, schema_editor):
    # The shared cache lives in the database when no Redis or Memcached is configured (settings.CACHES).
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def let_editors_see_link_checks_and_publish_concepts(apps, schema_editor):
    _make_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redacteur").first()
    if group:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="lpo", codename__in=["view_linkcheck", "publish_concept"])
        )


def take_them_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redacteur").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="lpo", codename__in=["view_linkcheck", "publish_concept"])
        )


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("lpo", "0001_link_checks"),
        ("lpo", "0002_editors_see_link_checks"),
        ("lpo", "0003_shared_cache_table"),
        ("lpo", "0004_search_entries_and_concepts"),
        ("lpo", "0005_editors_publish_concepts"),
    ]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("guidance", "0001_squashed_0013_source_language"),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LinkCheck',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('url', models.URLField(max_length=2000, unique=True, verbose_name='webadres')),
                ('status', models.PositiveSmallIntegerField(blank=True, help_text='Het antwoord van de server, zoals 200 (in orde) of 404.', null=True, verbose_name='statuscode')),
                ('error', models.CharField(blank=True, help_text='Waarom er geen antwoord kwam, zoals een time-out.', max_length=300, verbose_name='fout')),
                ('final_url', models.URLField(blank=True, help_text='Waar het adres naartoe leidt na doorsturen.', max_length=2000, verbose_name='eindadres')),
                ('checked_at', models.DateTimeField(verbose_name='gecontroleerd op')),
            ],
            options={
                'verbose_name': 'linkcontrole',
                'verbose_name_plural': 'linkcontroles',
                'ordering': ['url'],
            },
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=20, verbose_name='soort')),
                ('object_id', models.PositiveIntegerField(verbose_name='object')),
                ('language', models.CharField(max_length=8, verbose_name='taal')),
                ('title', models.CharField(max_length=300, verbose_name='titel')),
                ('location', models.CharField(max_length=300, verbose_name='plaats')),
                ('url', models.CharField(max_length=300, verbose_name='webadres')),
                ('text', models.TextField(verbose_name='tekst')),
                ('folded', models.TextField(verbose_name='tekst zonder hoofdletters en accenten')),
                ('stems', models.TextField(verbose_name='woordstammen')),
                ('order', models.PositiveIntegerField(default=0, verbose_name='volgorde')),
            ],
            options={
                'verbose_name': 'zoekingang',
                'verbose_name_plural': 'zoekingangen',
                'ordering': ['order', 'title'],
                'indexes': [models.Index(fields=['language', 'kind'], name='lpo_searche_languag_e0cf3b_idx')],
            },
        ),
        migrations.CreateModel(
            name='Concept',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='object')),
                ('data', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder, help_text='De gecontroleerde gegevens uit het formulier, in alle talen.', verbose_name='gegevens')),
                ('base_data', models.JSONField(default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder, help_text='De gepubliceerde gegevens toen het concept werd opgeslagen; zo blijft een latere wijziging staan.', verbose_name='gepubliceerde gegevens')),
                ('base_version', models.PositiveIntegerField(verbose_name='gebaseerd op versie')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='gemaakt op')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='laatst gewijzigd')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='gemaakt door')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype', verbose_name='soort')),
                ('updated_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='laatst gewijzigd door')),
            ],
            options={
                'verbose_name': 'concept',
                'verbose_name_plural': 'concepten',
                'ordering': ['-updated_at'],
                'permissions': [('publish_concept', 'Mag concepten publiceren')],
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='one_concept_per_object')],
            },
        ),
        migrations.RunPython(create_cache_tables, migrations.RunPython.noop),
        migrations.RunPython(let_editors_see_link_checks_and_publish_concepts, take_them_back),
    ]
