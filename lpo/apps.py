import os
import stat

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def keep_sqlite_file_private(sender, connection, **kwargs):
    """The SQLite database holds password hashes and sessions: readable by this user only. SQLite gives its
    write-ahead log and shared-memory files the database file's mode."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    path = connection.settings_dict["NAME"]
    try:
        if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass


class LpoConfig(AppConfig):
    """The site-wide machinery that serves every app: page cache, client address, search index, health, backups."""

    name = "lpo"
    verbose_name = "Site"

    def ready(self):
        from lpo import locking, signals

        connection_created.connect(keep_sqlite_file_private, dispatch_uid="lpo-private-sqlite")
        # Every content model (settings.LPO_CONTENT_MODELS): the page cache, the search index and the review
        # state follow its changes, and the admin refuses a stale save of it.
        signals.connect()
        locking.connect()
