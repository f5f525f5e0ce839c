from django.db import migrations, models

# The two English publications of the literatuurlijst as it was first loaded; new databases get the language
# from the fixtures, editors set it for new sources.
ENGLISH_TITLES = [
    "Bonding after trauma: on the role of social support and the oxytocin system in traumatic stress",
    "IASC Guidelines on Mental Health and Psychosocial Support in Emergency Settings",
]


def mark_english_sources(apps, schema_editor):
    apps.get_model("guidance", "Source").objects.filter(title__in=ENGLISH_TITLES).update(language="en")


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0012_search_entries_to_lpo"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="language",
            field=models.CharField(
                choices=[("nl", "Nederlands"), ("en", "Engels"), ("de", "Duits"), ("fr", "Frans"), ("uk", "Oekraïens")],
                default="nl",
                help_text="De taal waarin de bron geschreven is. De literatuurlijst geeft de titel die taal mee, "
                "zodat een schermlezer hem goed uitspreekt.",
                max_length=8,
                verbose_name="taal",
            ),
        ),
        migrations.RunPython(mark_english_sources, migrations.RunPython.noop),
    ]
