from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Registratie-API"

    def ready(self) -> None:
        # drf-spectacular reads the authentication class's scheme from here.
        from api import (
            schema,  # noqa: F401
            werk,
        )

        werk.registreren()
