from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "documenten"
    verbose_name = "Documenten delen"

    def ready(self) -> None:
        from documenten import werk

        werk.registreren()
