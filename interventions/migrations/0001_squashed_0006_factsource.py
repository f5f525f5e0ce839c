"""The interventions tables as migrations 0001–0006 left them, in one step for a new database.

A database that has some of 0001–0006 applied goes on with those; one that has them all counts this as applied.
The data steps of 0001–0006 converted data that a new database does not have yet. 0007 and 0008 stay steps of
their own: 0007 needs the Redacteur group, which guidance makes after these tables exist.
"""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion

import interventions.models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("interventions", "0001_initial"),
        ("interventions", "0002_translations"),
        ("interventions", "0003_versions"),
        ("interventions", "0004_fact_checked"),
        ("interventions", "0005_translation_review"),
        ("interventions", "0006_factsource"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Criterion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('nl_hash', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst')),
                ('nl_hash_en', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Engelse vertaling')),
                ('reviewed_en', models.BooleanField(default=False, editable=False, verbose_name='Engelse vertaling nagekeken')),
                ('reviewed_by_en', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Engelse vertaling nagekeken door')),
                ('reviewed_at_en', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Engelse vertaling nagekeken op')),
                ('nl_hash_uk', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Oekraïense vertaling')),
                ('reviewed_uk', models.BooleanField(default=False, editable=False, verbose_name='Oekraïense vertaling nagekeken')),
                ('reviewed_by_uk', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Oekraïense vertaling nagekeken door')),
                ('reviewed_at_uk', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Oekraïense vertaling nagekeken op')),
                ('slug', models.SlugField(help_text="Naam van de vraag in de adresbalk, bijvoorbeeld 'leeftijd'.", unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=100, verbose_name='naam')),
                ('name_nl', models.CharField(max_length=100, null=True, verbose_name='naam')),
                ('name_en', models.CharField(max_length=100, null=True, verbose_name='naam')),
                ('name_uk', models.CharField(max_length=100, null=True, verbose_name='naam')),
                ('question', models.CharField(max_length=200, verbose_name='vraag')),
                ('question_nl', models.CharField(max_length=200, null=True, verbose_name='vraag')),
                ('question_en', models.CharField(max_length=200, null=True, verbose_name='vraag')),
                ('question_uk', models.CharField(max_length=200, null=True, verbose_name='vraag')),
                ('explanation', models.TextField(blank=True, help_text='Korte uitleg naast de vraag in de keuzehulp.', verbose_name='toelichting')),
                ('explanation_nl', models.TextField(blank=True, help_text='Korte uitleg naast de vraag in de keuzehulp.', null=True, verbose_name='toelichting')),
                ('explanation_en', models.TextField(blank=True, help_text='Korte uitleg naast de vraag in de keuzehulp.', null=True, verbose_name='toelichting')),
                ('explanation_uk', models.TextField(blank=True, help_text='Korte uitleg naast de vraag in de keuzehulp.', null=True, verbose_name='toelichting')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
            ],
            options={
                'verbose_name': 'criterium',
                'verbose_name_plural': 'criteria',
                'ordering': ['order', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Intervention',
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
                ('name', models.CharField(max_length=100, verbose_name='naam')),
                ('name_nl', models.CharField(max_length=100, null=True, verbose_name='naam')),
                ('name_en', models.CharField(max_length=100, null=True, verbose_name='naam')),
                ('name_uk', models.CharField(max_length=100, null=True, verbose_name='naam')),
                ('slug', models.SlugField(help_text="Deel van het webadres, bijvoorbeeld 'pm-plus'.", unique=True, verbose_name='code')),
                ('full_name', models.CharField(blank=True, help_text='Alleen als de naam een afkorting is.', max_length=200, verbose_name='volledige naam')),
                ('full_name_nl', models.CharField(blank=True, help_text='Alleen als de naam een afkorting is.', max_length=200, null=True, verbose_name='volledige naam')),
                ('full_name_en', models.CharField(blank=True, help_text='Alleen als de naam een afkorting is.', max_length=200, null=True, verbose_name='volledige naam')),
                ('full_name_uk', models.CharField(blank=True, help_text='Alleen als de naam een afkorting is.', max_length=200, null=True, verbose_name='volledige naam')),
                ('website', models.URLField(blank=True, help_text='Alleen een adres dat u heeft gecontroleerd; laat leeg als het niet bekend is.', verbose_name='website')),
                ('website_kind', models.CharField(blank=True, choices=[('', 'Website van de interventie'), ('news', 'Nieuwsbericht over de interventie'), ('database', 'Beschrijving in een databank')], default='', help_text='Wat het webadres hierboven is: de eigen site van de interventie, een nieuwsbericht of een beschrijving in een databank. De link op de site zegt dat.', max_length=20, verbose_name='soort webpagina')),
                ('note', models.TextField(blank=True, help_text='Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de interventie en in de keuzehulp. Alleen wat de bronnen zeggen.', verbose_name='toelichting')),
                ('note_nl', models.TextField(blank=True, help_text='Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de interventie en in de keuzehulp. Alleen wat de bronnen zeggen.', null=True, verbose_name='toelichting')),
                ('note_en', models.TextField(blank=True, help_text='Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de interventie en in de keuzehulp. Alleen wat de bronnen zeggen.', null=True, verbose_name='toelichting')),
                ('note_uk', models.TextField(blank=True, help_text='Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de interventie en in de keuzehulp. Alleen wat de bronnen zeggen.', null=True, verbose_name='toelichting')),
                ('is_published', models.BooleanField(default=True, verbose_name='gepubliceerd')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
            ],
            options={
                'verbose_name': 'interventie',
                'verbose_name_plural': 'interventies',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Fact',
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
                ('topic', models.CharField(choices=[('summary', 'In het kort'), ('target_group', 'Doelgroep'), ('goal', 'Doel'), ('approach', 'Aanpak'), ('executors', 'Uitvoerders'), ('owner', 'Ontwikkelaar / eigenaar'), ('evidence', 'Onderbouwing en erkenning'), ('costs', 'Kosten')], max_length=20, verbose_name='onderwerp')),
                ('text', models.TextField(verbose_name='feit')),
                ('text_nl', models.TextField(null=True, verbose_name='feit')),
                ('text_en', models.TextField(null=True, verbose_name='feit')),
                ('text_uk', models.TextField(null=True, verbose_name='feit')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                # The sources as one text, until 0007 moves them to FactSource and 0008 removes this column.
                ('legacy_sources', models.TextField(help_text='Het openbare webadres waar dit feit staat; één adres per regel.', validators=[interventions.models.validate_source_urls], verbose_name='bronnen')),
                ('checked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='gecontroleerd door')),
                ('intervention', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facts', to='interventions.intervention', verbose_name='interventie')),
            ],
            options={
                'verbose_name': 'feit',
                'verbose_name_plural': 'feiten',
                'ordering': ['intervention', 'order', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='FactSource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('url', models.URLField(help_text='Het openbare webadres waar dit feit staat; alleen een gecontroleerd adres.', max_length=500, verbose_name='webadres')),
                ('title', models.CharField(help_text="De naam van de publicatie of van de organisatie achter het adres, zoals de gecontroleerde feiten die noemen; weet u die niet, dan het domein (bijvoorbeeld 'mhpss.net'). Nooit het hele webadres.", max_length=300, verbose_name='titel')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('fact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='interventions.fact', verbose_name='feit')),
            ],
            options={
                'verbose_name': 'bron van een feit',
                'verbose_name_plural': 'bronnen van feiten',
                'ordering': ['fact', 'order', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Tag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('nl_hash', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst')),
                ('nl_hash_en', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Engelse vertaling')),
                ('reviewed_en', models.BooleanField(default=False, editable=False, verbose_name='Engelse vertaling nagekeken')),
                ('reviewed_by_en', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Engelse vertaling nagekeken door')),
                ('reviewed_at_en', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Engelse vertaling nagekeken op')),
                ('nl_hash_uk', models.CharField(blank=True, default='', editable=False, max_length=64, verbose_name='kenmerk van de Nederlandse tekst van de Oekraïense vertaling')),
                ('reviewed_uk', models.BooleanField(default=False, editable=False, verbose_name='Oekraïense vertaling nagekeken')),
                ('reviewed_by_uk', models.CharField(blank=True, default='', editable=False, max_length=150, verbose_name='Oekraïense vertaling nagekeken door')),
                ('reviewed_at_uk', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Oekraïense vertaling nagekeken op')),
                ('slug', models.SlugField(help_text="Waarde in de adresbalk, bijvoorbeeld 'kinderen'.", verbose_name='code')),
                ('label', models.CharField(max_length=100, verbose_name='label')),
                ('label_nl', models.CharField(max_length=100, null=True, verbose_name='label')),
                ('label_en', models.CharField(max_length=100, null=True, verbose_name='label')),
                ('label_uk', models.CharField(max_length=100, null=True, verbose_name='label')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tags', to='interventions.criterion', verbose_name='criterium')),
            ],
            options={
                'verbose_name': 'kenmerk',
                'verbose_name_plural': 'kenmerken',
                'ordering': ['criterion__order', 'order', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='intervention',
            name='tags',
            field=models.ManyToManyField(blank=True, related_name='interventions', to='interventions.tag', verbose_name='kenmerken'),
        ),
        migrations.AddConstraint(
            model_name='tag',
            constraint=models.UniqueConstraint(fields=('criterion', 'slug'), name='unique_tag_per_criterion'),
        ),
    ]
