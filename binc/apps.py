from django.apps import AppConfig
from django.db.models.signals import post_migrate


class BincConfig(AppConfig):
    name = "binc"
    verbose_name = "Binc – kern"

    def ready(self) -> None:
        from binc import beveiligingslog
        from binc.roles import opgroeien_roles_ensure

        beveiligingslog.verbinden()
        # Runs after every app's migrations (idempotent): the roles hold permissions of several
        # apps, which auth's own post_migrate handler creates app by app.
        post_migrate.connect(opgroeien_roles_ensure, dispatch_uid="binc_opgroeien_roles")
