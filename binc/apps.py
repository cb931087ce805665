from django.apps import AppConfig
from django.db.models.signals import post_migrate


class BincConfig(AppConfig):
    name = "binc"
    verbose_name = "Binc – kern"

    def ready(self) -> None:
        from binc.roles import opgroeien_roles_ensure

        # After auth's own post_migrate handler has created this app's permissions.
        post_migrate.connect(opgroeien_roles_ensure, sender=self)
