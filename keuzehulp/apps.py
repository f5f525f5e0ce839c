from django.apps import AppConfig


class KeuzehulpConfig(AppConfig):
    name = "keuzehulp"
    verbose_name = "Keuzehulp"
