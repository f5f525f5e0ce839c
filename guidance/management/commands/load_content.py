from django.core.management import BaseCommand, call_command

from guidance import search
from guidance.content import record_initial_versions
from guidance.models import Page

CONTENT_FIXTURES = ["handreiking", "interventions"]


class Command(BaseCommand):
    help = "Laadt de inhoud van de handreiking en de interventies uit fixtures/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Alleen laden als er nog geen pagina's zijn, zodat wijzigingen van redacteuren blijven staan.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Page.objects.exists():
            self.stdout.write("De database heeft al inhoud; er is niets geladen.")
            return
        call_command("loaddata", *CONTENT_FIXTURES, verbosity=options["verbosity"])
        search.rebuild()
        record_initial_versions("Startinhoud uit fixtures")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("De inhoud is geladen."))
