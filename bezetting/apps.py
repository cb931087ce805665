from django.apps import AppConfig


class BezettingConfig(AppConfig):
    name = "bezetting"
    verbose_name = "Benutting en bezetting"

    def ready(self) -> None:
        from dossiers import hooks

        hooks.register_schakeling_voorbeeld("bezetting:voorbeeld")
