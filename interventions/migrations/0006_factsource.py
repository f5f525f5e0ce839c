import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Sources of facts get a title: the old one-address-per-line field is kept as legacy_sources until 0004
    has copied it into FactSource, and 0005 removes it."""

    dependencies = [
        ("interventions", "0005_translation_review"),
    ]

    operations = [
        migrations.RenameField(model_name="fact", old_name="sources", new_name="legacy_sources"),
        migrations.AddField(
            model_name="intervention",
            name="note",
            field=models.TextField(
                blank=True,
                help_text="Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de "
                "interventie en in de keuzehulp. Alleen wat de bronnen zeggen.",
                verbose_name="toelichting",
            ),
        ),
        migrations.AddField(
            model_name="intervention",
            name="note_en",
            field=models.TextField(
                blank=True,
                help_text="Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de "
                "interventie en in de keuzehulp. Alleen wat de bronnen zeggen.",
                null=True,
                verbose_name="toelichting",
            ),
        ),
        migrations.AddField(
            model_name="intervention",
            name="note_nl",
            field=models.TextField(
                blank=True,
                help_text="Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de "
                "interventie en in de keuzehulp. Alleen wat de bronnen zeggen.",
                null=True,
                verbose_name="toelichting",
            ),
        ),
        migrations.AddField(
            model_name="intervention",
            name="note_uk",
            field=models.TextField(
                blank=True,
                help_text="Eén zin die een tegenspraak tussen de bronnen uitlegt, getoond op de pagina van de "
                "interventie en in de keuzehulp. Alleen wat de bronnen zeggen.",
                null=True,
                verbose_name="toelichting",
            ),
        ),
        migrations.AddField(
            model_name="intervention",
            name="website_kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Website van de interventie"),
                    ("news", "Nieuwsbericht over de interventie"),
                    ("database", "Beschrijving in een databank"),
                ],
                default="",
                help_text="Wat het webadres hierboven is: de eigen site van de interventie, een nieuwsbericht of een "
                "beschrijving in een databank. De link op de site zegt dat.",
                max_length=20,
                verbose_name="soort webpagina",
            ),
        ),
        migrations.CreateModel(
            name="FactSource",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "url",
                    models.URLField(
                        help_text="Het openbare webadres waar dit feit staat; alleen een gecontroleerd adres.",
                        max_length=500,
                        verbose_name="webadres",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="De naam van de publicatie of van de organisatie achter het adres, zoals de "
                        "gecontroleerde feiten die noemen; weet u die niet, dan het domein (bijvoorbeeld "
                        "'mhpss.net'). Nooit het hele webadres.",
                        max_length=300,
                        verbose_name="titel",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="volgorde")),
                (
                    "fact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sources",
                        to="interventions.fact",
                        verbose_name="feit",
                    ),
                ),
            ],
            options={
                "verbose_name": "bron van een feit",
                "verbose_name_plural": "bronnen van feiten",
                "ordering": ["fact", "order", "pk"],
            },
        ),
    ]
