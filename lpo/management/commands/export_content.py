import datetime
from pathlib import Path

from django.core import serializers
from django.core.management import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder

from lpo.content import content_querysets


class ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps microseconds, which Django's encoder cuts to milliseconds, so a round trip changes nothing."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class Command(BaseCommand):
    help = (
        "Schrijft alle inhoud (pagina's, bronnen, hulpmiddelen, interventies, feiten, criteria en kenmerken, "
        "in alle talen, ook concepten) naar één JSON-bestand, voor een back-up of om naar een andere omgeving "
        "te verhuizen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het JSON-bestand om te schrijven, of - voor de uitvoer.")

    def handle(self, *args, file, **options):
        objects = [obj for queryset in content_querysets() for obj in queryset]
        # "Gecontroleerd door" as a user name rather than an id: ids differ between environments.
        data = serializers.serialize(
            "json", objects, indent=2, ensure_ascii=False, cls=ExactJSONEncoder, use_natural_foreign_keys=True
        )
        if file == "-":
            self.stdout.write(data)
            return
        Path(file).write_text(data + "\n", encoding="utf-8")
        self.stderr.write(self.style.SUCCESS(f"{len(objects)} onderdelen geschreven naar {file}."))
