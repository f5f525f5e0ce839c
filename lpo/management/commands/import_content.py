from pathlib import Path

from django.core import serializers
from django.core.management import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

from lpo import search
from lpo.content import content_models, has_content, record_initial_versions
from lpo.locking import loading_into_an_empty_database


class Command(BaseCommand):
    help = (
        "Leest inhoud uit een JSON-bestand van export_content in een lege database. Alles of niets: bij een "
        "fout wordt niets ingelezen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Een JSON-bestand dat export_content heeft geschreven.")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Het bestand {file} bestaat niet.")
        if has_content():
            raise CommandError(
                "De database heeft al inhoud. Lees een export alleen in een lege database in, "
                "zodat er niets van de redactie wordt overschreven."
            )
        allowed = set(content_models())
        try:
            with transaction.atomic(), loading_into_an_empty_database():
                count = 0
                # A checker whose account is not in this database is left out (deferred and never set).
                items = serializers.deserialize(
                    "json", path.read_text(encoding="utf-8"), handle_forward_references=True
                )
                for item in items:
                    if type(item.object) not in allowed:
                        raise CommandError(f"Het bestand bevat iets anders dan inhoud: {item.object._meta.label}.")
                    item.save()
                    count += 1
                # Rows came with their own ids: move PostgreSQL's id sequences past them.
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), content_models()):
                        cursor.execute(sql)
        except (DeserializationError, DatabaseError, ValueError) as error:
            raise CommandError(f"Het bestand kon niet worden ingelezen; er is niets veranderd. ({error})") from error
        search.rebuild()
        record_initial_versions("Ingelezen uit een export")
        self.stderr.write(self.style.SUCCESS(f"{count} onderdelen ingelezen uit {file}."))
