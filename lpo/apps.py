from django.apps import AppConfig


class LpoConfig(AppConfig):
    """The site-wide machinery that serves every app: page cache, client address, search index, health, backups."""

    name = "lpo"
    verbose_name = "Site"
