import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

EDITOR_GROUP = "Redacteur"


class Command(BaseCommand):
    help = (
        "Maakt een redacteur: een beheeraccount dat alleen inhoud mag wijzigen. "
        "Het wachtwoord wordt gevraagd, of gelezen uit LPO_EDITOR_PASSWORD."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Gebruikersnaam van de redacteur.")
        parser.add_argument("--email", default="", help="E-mailadres van de redacteur.")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Er is al een account met de gebruikersnaam '{username}'.")
        try:
            group = Group.objects.get(name=EDITOR_GROUP)
        except Group.DoesNotExist as error:
            raise CommandError("De groep Redacteur ontbreekt: voer eerst 'manage.py migrate' uit.") from error
        password = os.environ.get("LPO_EDITOR_PASSWORD") or getpass.getpass("Wachtwoord: ")
        user = User(username=username, email=email, is_staff=True)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Het wachtwoord is niet sterk genoeg: " + " ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Redacteur '{username}' is aangemaakt. Log in op /beheer/."))
