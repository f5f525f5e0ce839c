import os
import sqlite3
from datetime import datetime
from pathlib import Path

from django.core.management import BaseCommand, call_command
from django.db import connection


class Command(BaseCommand):
    help = (
        "Maakt een back-up terwijl de site draait: van SQLite een kopie van de hele database (online backup), "
        "van een andere database een export van alle inhoud (JSON; maak daarnaast een pg_dump)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Map voor de back-up (standaard: backups/).")

    def handle(self, *args, output, **options):
        # A back-up holds password hashes and live sessions: readable by this user only.
        os.umask(0o077)
        folder = Path(output)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        if connection.vendor == "sqlite":
            target = folder / f"lpo-{stamp}.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(target) as copy:
                # SQLite's backup API copies a consistent snapshot, also while others read and write.
                connection.connection.backup(copy)
            copy.close()
        else:
            target = folder / f"lpo-{stamp}.json"
            call_command("export_content", str(target), stderr=self.stderr)
        self.stdout.write(str(target))
        self.stderr.write(self.style.SUCCESS(f"Back-up geschreven: {target}"))
