import sqlite3
from pathlib import Path

from django.core.management import BaseCommand, CommandError, call_command
from django.db import DatabaseError, connection

from guidance.content import has_content


class Command(BaseCommand):
    help = "Zet een back-up van 'backup' terug in een lege database: een .sqlite3-kopie of een .json-export."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het back-upbestand (.sqlite3 of .json).")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Het bestand {file} bestaat niet.")
        if path.suffix == ".json":
            call_command("import_content", str(path), stderr=self.stderr)
            return
        if path.suffix != ".sqlite3":
            raise CommandError("Geef een .sqlite3- of .json-bestand van het commando 'backup'.")
        if connection.vendor != "sqlite":
            raise CommandError(
                "Een .sqlite3-back-up gaat alleen terug in SQLite; gebruik voor PostgreSQL de .json-export."
            )
        try:
            occupied = has_content()
        except DatabaseError:
            occupied = False  # no tables yet: an empty database
        if occupied:
            raise CommandError("De database heeft al inhoud. Zet een back-up alleen terug in een lege database.")
        with sqlite3.connect(path) as source:
            source.execute("PRAGMA quick_check")
            connection.ensure_connection()
            source.backup(connection.connection)
        source.close()
        self.stderr.write(self.style.SUCCESS(f"Back-up teruggezet uit {path}."))
