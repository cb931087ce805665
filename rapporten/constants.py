from django.db import models


class Rapportsoort(models.TextChoices):
    """000 §17: the eight reports and the two raw-data exports."""

    AANTALLEN = "aantallen", "Aantal dossiers en minderjarigen"
    AANMELDING = "aanmelding", "Aanmelding"
    BESLISSINGEN = "beslissingen", "Beslissingen en schakelingen"
    BEGINREGISTRATIE = "beginregistratie", "Beginregistratie"
    GEZINSSITUATIE = "gezinssituatie", "Gezinssituatie"
    REDEN_EINDE = "reden_einde", "Reden einde"
    SAMENWERKING = "samenwerking", "Samenwerking"
    VERVOLGHULP = "vervolghulp", "Vervolghulpverlening"
    RUW_OPGESTART = "ruw_opgestart", "Ruwe data opgestarte dossiers"
    RUW_AFGESLOTEN = "ruw_afgesloten", "Ruwe data afgesloten dossiers"


class AanvraagStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "In wachtrij"
    BEZIG = "bezig", "Bezig"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


BEWAARTERMIJN_DAGEN = 7
NOG_NIET_BESCHIKBAAR = "Dit rapport kan nog niet gegenereerd worden in deze versie van Binc."
