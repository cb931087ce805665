from django.apps import AppConfig


class KwartaalConfig(AppConfig):
    name = "kwartaal"
    verbose_name = "Modulair kwartaal"

    def ready(self) -> None:
        from dossiers import hooks
        from kwartaal import werk
        from kwartaal.selectors import onverwerkte_jaren
        from kwartaal.services.staten import schakelingen_gewijzigd

        hooks.register_zorg_listener(schakelingen_gewijzigd)
        hooks.register_onverwerkte_jaren(onverwerkte_jaren)
        werk.registreren()
