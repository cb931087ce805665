from django.apps import AppConfig


class RegistratieConfig(AppConfig):
    name = "registratie"
    verbose_name = "Begin- en eindregistratie"

    def ready(self) -> None:
        # dossiers declares what it needs from above; this app fills it (000 §9: the closing
        # gate checks the registration; the start page shows the BR icon).
        from dossiers import hooks
        from registratie import werk
        from registratie.selectors import br_status_column, registratie_ontbrekend

        hooks.register_closing_check(registratie_ontbrekend)
        hooks.register_summary_contributor(br_status_column)
        werk.registreren()
