"""The guidance tables as migrations 0001–0013 left them, and the Redacteur group with its rights on the content,
in one step for a new database.

A database that has some of 0001–0013 applied goes on with those; one that has them all counts this as applied.
The other data steps of 0001–0013 converted data that a new database does not have yet.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
import django.db.models.deletion


EDITOR_GROUP = "Redacteur"
# What an editor may do with the content; deliberately nothing with users or groups.
EDITOR_PERMISSIONS = {
    "guidance": {"page": "*", "source": "*", "tool": "*", "rolecount": "view"},
    "interventions": {"criterion": "*", "tag": "*", "intervention": "*", "fact": "*", "factsource": "*"},
}


def _make_permissions(apps):
    # Permissions are normally made after all migrations; make them now so the group can be given them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_editor_group(apps, schema_editor):
    _make_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(
        [
            permission
            for permission in Permission.objects.select_related("content_type")
            if (
                EDITOR_PERMISSIONS.get(permission.content_type.app_label, {}).get(permission.content_type.model)
                in ("*", permission.codename.split("_")[0])
            )
        ]
    )


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("guidance", "0001_initial"),
        ("guidance", "0002_editor_group"),
        ("guidance", "0003_translations"),
        ("guidance", "0004_role_counts"),
        ("guidance", "0005_editors_see_role_counts"),
        ("guidance", "0006_search_entries"),
        ("guidance", "0007_concepts_and_versions"),
        ("guidance", "0009_tool_checked"),
        ("guidance", "0010_translation_review"),
        ("guidance", "0011_page_original_title"),
        ("guidance", "0012_search_entries_to_lpo"),
        ("guidance", "0013_source_language"),
    ]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("interventions", "0001_squashed_0006_factsource"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Source',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(help_text='Het nummer waarmee teksten deze bron noemen, zoals [^5].', unique=True, verbose_name='nummer')),
                ('author', models.CharField(max_length=200, verbose_name='auteur of organisatie')),
                ('year', models.CharField(help_text="Jaartal, of 'z.d.' als de bron geen datum heeft.", max_length=20, verbose_name='jaar')),
                ('title', models.CharField(max_length=400, verbose_name='titel')),
                ('url', models.URLField(blank=True, help_text='Alleen een adres dat u heeft gecontroleerd.', verbose_name='webadres')),
                ('language', models.CharField(choices=[('nl', 'Nederlands'), ('en', 'Engels'), ('de', 'Duits'), ('fr', 'Frans'), ('uk', 'Oekraïens')], default='nl', help_text='De taal waarin de bron geschreven is. De literatuurlijst geeft de titel die taal mee, zodat een schermlezer hem goed uitspreekt.', max_length=8, verbose_name='taal')),
            ],
            options={
                'verbose_name': 'bron',
                'verbose_name_plural': 'bronnen',
                'ordering': ['number'],
            },
        ),
        migrations.CreateModel(
            name='Page',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=0, help_text='Telt elke opslag; zo merkt het beheer dat iemand anders intussen opsloeg.', verbose_name='versie')),
                ('nl_hash', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst')),
                ('nl_hash_en', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Engelse vertaling')),
                ('reviewed_en', models.BooleanField(default=False, editable=False, verbose_name='Engelse vertaling nagekeken')),
                ('reviewed_by_en', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Engelse vertaling nagekeken door')),
                ('reviewed_at_en', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Engelse vertaling nagekeken op')),
                ('nl_hash_uk', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Oekraïense vertaling')),
                ('reviewed_uk', models.BooleanField(default=False, editable=False, verbose_name='Oekraïense vertaling nagekeken')),
                ('reviewed_by_uk', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Oekraïense vertaling nagekeken door')),
                ('reviewed_at_uk', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Oekraïense vertaling nagekeken op')),
                ('number', models.PositiveSmallIntegerField(blank=True, help_text='Nummer in de hoofdstuknavigatie. Leeg voor een pagina zonder nummer.', null=True, verbose_name='nummer')),
                ('title', models.CharField(max_length=200, verbose_name='titel')),
                ('title_nl', models.CharField(max_length=200, null=True, verbose_name='titel')),
                ('title_en', models.CharField(max_length=200, null=True, verbose_name='titel')),
                ('title_uk', models.CharField(max_length=200, null=True, verbose_name='titel')),
                ('slug', models.SlugField(help_text="Deel van het webadres, bijvoorbeeld 'sociale-steun'.", max_length=100, verbose_name='webadres')),
                ('summary', models.CharField(help_text='Eén zin, getoond in overzichten en in de hoofdstuknavigatie.', max_length=300, verbose_name='samenvatting')),
                ('summary_nl', models.CharField(help_text='Eén zin, getoond in overzichten en in de hoofdstuknavigatie.', max_length=300, null=True, verbose_name='samenvatting')),
                ('summary_en', models.CharField(help_text='Eén zin, getoond in overzichten en in de hoofdstuknavigatie.', max_length=300, null=True, verbose_name='samenvatting')),
                ('summary_uk', models.CharField(help_text='Eén zin, getoond in overzichten en in de hoofdstuknavigatie.', max_length=300, null=True, verbose_name='samenvatting')),
                ('lead', models.TextField(blank=True, help_text='Korte inleiding boven de tekst (Markdown).', verbose_name='inleiding')),
                ('lead_nl', models.TextField(blank=True, help_text='Korte inleiding boven de tekst (Markdown).', null=True, verbose_name='inleiding')),
                ('lead_en', models.TextField(blank=True, help_text='Korte inleiding boven de tekst (Markdown).', null=True, verbose_name='inleiding')),
                ('lead_uk', models.TextField(blank=True, help_text='Korte inleiding boven de tekst (Markdown).', null=True, verbose_name='inleiding')),
                ('body', models.TextField(blank=True, help_text="Markdown: '## Kop' voor een kop, een lege regel tussen alinea's, '- ' voor een opsomming. Een bron noemt u met [^nummer], bijvoorbeeld [^5] voor bron 5 van de literatuurlijst. Laat leeg als de tekst niet op deze site staat: de pagina toont dan de samenvatting en linkt het origineel (vul daarvoor de titel en het webadres van het origineel in).", verbose_name='tekst')),
                ('body_nl', models.TextField(blank=True, help_text="Markdown: '## Kop' voor een kop, een lege regel tussen alinea's, '- ' voor een opsomming. Een bron noemt u met [^nummer], bijvoorbeeld [^5] voor bron 5 van de literatuurlijst. Laat leeg als de tekst niet op deze site staat: de pagina toont dan de samenvatting en linkt het origineel (vul daarvoor de titel en het webadres van het origineel in).", null=True, verbose_name='tekst')),
                ('body_en', models.TextField(blank=True, help_text="Markdown: '## Kop' voor een kop, een lege regel tussen alinea's, '- ' voor een opsomming. Een bron noemt u met [^nummer], bijvoorbeeld [^5] voor bron 5 van de literatuurlijst. Laat leeg als de tekst niet op deze site staat: de pagina toont dan de samenvatting en linkt het origineel (vul daarvoor de titel en het webadres van het origineel in).", null=True, verbose_name='tekst')),
                ('body_uk', models.TextField(blank=True, help_text="Markdown: '## Kop' voor een kop, een lege regel tussen alinea's, '- ' voor een opsomming. Een bron noemt u met [^nummer], bijvoorbeeld [^5] voor bron 5 van de literatuurlijst. Laat leeg als de tekst niet op deze site staat: de pagina toont dan de samenvatting en linkt het origineel (vul daarvoor de titel en het webadres van het origineel in).", null=True, verbose_name='tekst')),
                ('listing', models.CharField(blank=True, choices=[('', 'Geen'), ('sources', 'Literatuurlijst (alle bronnen)'), ('tools', 'Hulpmiddelen (alle hulpmiddelen)'), ('interventions', 'Interventies (vergelijkingstabel)'), ('keuzehulp', 'Keuzehulp (link naar de keuzehulp)')], default='', help_text='Een lijst die de site onder de tekst toont.', max_length=20, verbose_name='lijst op de pagina')),
                ('source_title', models.CharField(blank=True, help_text='Waar de tekst van deze pagina vandaan komt.', max_length=300, verbose_name='herkomst van de tekst')),
                ('source_title_nl', models.CharField(blank=True, help_text='Waar de tekst van deze pagina vandaan komt.', max_length=300, null=True, verbose_name='herkomst van de tekst')),
                ('source_title_en', models.CharField(blank=True, help_text='Waar de tekst van deze pagina vandaan komt.', max_length=300, null=True, verbose_name='herkomst van de tekst')),
                ('source_title_uk', models.CharField(blank=True, help_text='Waar de tekst van deze pagina vandaan komt.', max_length=300, null=True, verbose_name='herkomst van de tekst')),
                ('original_title', models.CharField(blank=True, help_text="De eigen titel van de brontekst, als die anders is dan de titel hierboven, bijvoorbeeld 'Handreiking Veerkrachtige statushouders'. De pagina toont hem onder de titel. Heeft de pagina geen tekst, dan is dit de linktekst naar het origineel.", max_length=300, verbose_name='titel van het origineel')),
                ('source_url', models.URLField(blank=True, help_text='Het gecontroleerde adres van het origineel. Heeft de pagina geen tekst, dan linkt ze hierheen.', verbose_name='webadres van de herkomst')),
                ('is_published', models.BooleanField(default=True, verbose_name='gepubliceerd')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='laatst gewijzigd')),
                ('parent', models.ForeignKey(blank=True, help_text='Leeg voor een hoofdstuk of een eigen onderdeel; anders het hoofdstuk waar de pagina onder valt.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='guidance.page', verbose_name='valt onder')),
            ],
            options={
                'verbose_name': 'pagina',
                'verbose_name_plural': "pagina's",
                'ordering': ['order', 'number', 'title'],
            },
        ),
        migrations.CreateModel(
            name='RoleCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('opvangmedewerker', 'Opvangmedewerker'), ('vrijwilliger', 'Vrijwilliger'), ('gemeente', 'Medewerker gemeente'), ('zorg', 'Zorg- of hulpverlener'), ('anders', 'Anders')], max_length=20, verbose_name='antwoord')),
                ('month', models.DateField(help_text='De eerste dag van de maand.', verbose_name='maand')),
                ('count', models.PositiveIntegerField(default=0, verbose_name='aantal')),
            ],
            options={
                'verbose_name': 'antwoord op de functie-vraag',
                'verbose_name_plural': 'antwoorden op de functie-vraag',
                'ordering': ['-month', 'role'],
                'constraints': [models.UniqueConstraint(fields=('role', 'month'), name='one_count_per_role_and_month')],
            },
        ),
        migrations.CreateModel(
            name='Tool',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=0, help_text='Telt elke opslag; zo merkt het beheer dat iemand anders intussen opsloeg.', verbose_name='versie')),
                ('checked_on', models.DateField(blank=True, help_text='Wanneer iemand dit voor het laatst met de bron heeft vergeleken. Leeg: nog nooit.', null=True, verbose_name='gecontroleerd op')),
                ('nl_hash', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst')),
                ('nl_hash_en', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Engelse vertaling')),
                ('reviewed_en', models.BooleanField(default=False, editable=False, verbose_name='Engelse vertaling nagekeken')),
                ('reviewed_by_en', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Engelse vertaling nagekeken door')),
                ('reviewed_at_en', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Engelse vertaling nagekeken op')),
                ('nl_hash_uk', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Oekraïense vertaling')),
                ('reviewed_uk', models.BooleanField(default=False, editable=False, verbose_name='Oekraïense vertaling nagekeken')),
                ('reviewed_by_uk', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Oekraïense vertaling nagekeken door')),
                ('reviewed_at_uk', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Oekraïense vertaling nagekeken op')),
                ('name', models.CharField(max_length=200, verbose_name='naam')),
                ('name_nl', models.CharField(max_length=200, null=True, verbose_name='naam')),
                ('name_en', models.CharField(max_length=200, null=True, verbose_name='naam')),
                ('name_uk', models.CharField(max_length=200, null=True, verbose_name='naam')),
                ('organisation', models.CharField(blank=True, max_length=200, verbose_name='organisatie')),
                ('description', models.TextField(verbose_name='waarmee het helpt')),
                ('description_nl', models.TextField(null=True, verbose_name='waarmee het helpt')),
                ('description_en', models.TextField(null=True, verbose_name='waarmee het helpt')),
                ('description_uk', models.TextField(null=True, verbose_name='waarmee het helpt')),
                ('languages', models.CharField(blank=True, help_text='Alleen als de bron zegt in welke talen het er is.', max_length=200, verbose_name='talen')),
                ('languages_nl', models.CharField(blank=True, help_text='Alleen als de bron zegt in welke talen het er is.', max_length=200, null=True, verbose_name='talen')),
                ('languages_en', models.CharField(blank=True, help_text='Alleen als de bron zegt in welke talen het er is.', max_length=200, null=True, verbose_name='talen')),
                ('languages_uk', models.CharField(blank=True, help_text='Alleen als de bron zegt in welke talen het er is.', max_length=200, null=True, verbose_name='talen')),
                ('url', models.URLField(blank=True, help_text='Alleen een adres dat u heeft gecontroleerd.', verbose_name='webadres')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('checked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='gecontroleerd door')),
                ('mentioned_on', models.ForeignKey(blank=True, help_text='De pagina van de handreiking die dit hulpmiddel noemt.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='tools', to='guidance.page', verbose_name='genoemd op')),
            ],
            options={
                'verbose_name': 'hulpmiddel',
                'verbose_name_plural': 'hulpmiddelen',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.AddConstraint(
            model_name='page',
            constraint=models.UniqueConstraint(fields=('parent', 'slug'), name='unique_slug_per_parent'),
        ),
        migrations.AddConstraint(
            model_name='page',
            constraint=models.UniqueConstraint(condition=models.Q(('parent__isnull', True)), fields=('slug',), name='unique_top_level_slug'),
        ),
        migrations.RunPython(create_editor_group, remove_editor_group),
    ]
