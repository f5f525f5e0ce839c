from django.db import migrations, models

import interventions.models


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0007_fact_sources_to_factsource"),
    ]

    operations = [
        # Blank first, so that migrating back can add the column again before 0004 fills it.
        migrations.AlterField(
            model_name="fact",
            name="legacy_sources",
            field=models.TextField(
                blank=True, default="", validators=[interventions.models.validate_source_urls], verbose_name="bronnen"
            ),
        ),
        migrations.RemoveField(model_name="fact", name="legacy_sources"),
    ]
