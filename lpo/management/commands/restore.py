import sqlite3
from pathlib import Path

from django.core.management import BaseCommand, CommandError, call_command
from django.db import DatabaseError, connection

from lpo.content import content_models, has_content
from lpo.page_cache import content_changed


def counted():
    """What a restore brings back, counted in the back-up before anything is replaced: (label, table)."""
    tables = [(str(model._meta.verbose_name_plural), model._meta.db_table) for model in content_models()]
    return [*tables, ("gebruikers", "auth_user"), ("sessies", "django_session")]


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
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
            try:
                problems = [row[0] for row in source.execute("PRAGMA quick_check")]
                # The table names come from the models, not from the back-up.
                counts = {
                    label: source.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
                    for label, table in counted()
                }
            except sqlite3.DatabaseError as error:
                raise CommandError(f"{path} is geen bruikbare SQLite-database: {error}.") from error
            if problems != ["ok"]:
                found = "; ".join(problems[:5])
                raise CommandError(f"{path} is beschadigd; er is niets teruggezet. SQLite meldt: {found}")
            self.stderr.write(
                f"Dit zet de hele database terug uit {path}: "
                + ", ".join(f"{count} {label}" for label, count in counts.items())
                + ". Alles in de huidige database wordt vervangen, ook gebruikers en sessies."
            )
            connection.ensure_connection()
            source.backup(connection.connection)
        source.close()
        # Pages cached from before the restore must not outlive it.
        content_changed()
        self.stderr.write(self.style.SUCCESS(f"Back-up teruggezet uit {path}."))
