from concurrent.futures import ThreadPoolExecutor, as_completed

from django.core.management import BaseCommand, CommandError
from django.utils import timezone

from lpo.links import check_url, link_usages, user_agent
from lpo.models import LinkCheck


class Command(BaseCommand):
    help = (
        "Bezoekt elk extern webadres van de site (bronnen, feiten, hulpmiddelen, websites van interventies, "
        "herkomst en links in de teksten van pagina's) en bewaart per adres het antwoord, zodat redacteuren in "
        "het beheer kapotte en doorgestuurde links zien. Bedoeld voor cron; draait nooit bij een bezoek."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="Seconden wachten op een server (standaard 10)."
        )
        parser.add_argument(
            "--workers", type=int, default=4, help="Hoeveel adressen tegelijk worden bezocht (standaard 4)."
        )

    def handle(self, *args, timeout, workers, verbosity, **options):
        if timeout <= 0:
            raise CommandError("--timeout moet groter zijn dan 0.")
        if workers < 1:
            raise CommandError("--workers moet minstens 1 zijn.")
        urls = list(link_usages())
        if verbosity >= 2:
            self.stdout.write(f"{len(urls)} adressen, {workers} tegelijk, als '{user_agent()}'.")

        broken = redirected = 0
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(check_url, url, timeout) for url in urls]
            # The threads only visit; the database is written here, in the command's own thread.
            for future in as_completed(futures):
                result = future.result()
                check, _ = LinkCheck.objects.update_or_create(
                    url=result.url,
                    defaults={
                        "status": result.status,
                        "error": result.error,
                        "final_url": result.final_url,
                        "checked_at": timezone.now(),
                    },
                )
                broken += check.is_broken
                redirected += check.is_redirected
                if verbosity >= 2:
                    self.stdout.write(self._progress(check))

        # An address that the site no longer uses needs no more attention.
        gone, _ = LinkCheck.objects.exclude(url__in=urls).delete()
        summary = f"{len(urls)} gecontroleerd, {broken} kapot, {redirected} doorgestuurd."
        if gone:
            summary += f" {gone} niet meer gebruikt en vergeten."
        if verbosity:
            self.stdout.write(summary)

    def _progress(self, check):
        if check.error:
            outcome = f"kapot: {check.error}"
        elif check.is_broken:
            outcome = f"kapot: {check.status}"
        elif check.is_redirected:
            outcome = f"{check.status}, doorgestuurd naar {check.final_url}"
        else:
            outcome = f"{check.status}"
        return f"{check.url} {outcome}"
