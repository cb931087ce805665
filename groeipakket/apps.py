from django.apps import AppConfig


class GroeipakketConfig(AppConfig):
    name = "groeipakket"
    verbose_name = "Groeipakket (D227)"

    def ready(self) -> None:
        from dossiers import hooks
        from groeipakket import werk
        from groeipakket.selectors import berichten_per_schakeling

        hooks.register_groeipakket_berichten(berichten_per_schakeling)
        werk.registreren()
