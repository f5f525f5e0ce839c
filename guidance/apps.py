from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = "Handreiking"

    def ready(self):
        from guidance import locking, signals

        signals.connect()
        locking.connect()
