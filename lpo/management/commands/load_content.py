import contextlib

from django.conf import settings
from django.core.management import BaseCommand, call_command

from lpo import search
from lpo.content import has_content, record_initial_versions
from lpo.locking import loading_into_an_empty_database
from lpo.models import SearchEntry


class Command(BaseCommand):
    help = "Laadt de inhoud van de handreiking en de interventies uit fixtures/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Alleen laden als er nog geen inhoud is, zodat wijzigingen van redacteuren blijven staan.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and has_content():
            if not SearchEntry.objects.exists():
                # An index that a migration emptied (or never had) is built from the content that is there.
                search.rebuild()
                self.stdout.write("De zoekindex is opnieuw opgebouwd.")
            self.stdout.write("De database heeft al inhoud; er is niets geladen.")
            return
        with loading_into_an_empty_database() if not has_content() else contextlib.nullcontext():
            call_command("loaddata", *settings.LPO_CONTENT_FIXTURES, verbosity=options["verbosity"])
        search.rebuild()
        record_initial_versions("Startinhoud uit fixtures")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("De inhoud is geladen."))
