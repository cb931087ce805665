from django.db import models


class KwartaalStatus(models.TextChoices):
    """000 §12.2: the five statuses of a kwartaalstaat."""

    OPEN = "open", "Open"
    VERZONDEN = "verzonden", "Verzonden"
    TE_VERZENDEN = "te_verzenden", "Te verzenden"
    VERWERKT = "verwerkt", "Verwerkt"
    HEROPEND = "heropend", "Heropend"


# 000 §12.2: what the voorziening has not sent, or must send again.
NIET_VERZONDEN = [KwartaalStatus.OPEN, KwartaalStatus.TE_VERZENDEN, KwartaalStatus.HEROPEND]

# Binc's kwartalen start with the first quarter of 2015 (000 §12.2).
EERSTE_JAAR = 2015

VERWERKT_ONWIJZIGBAAR = "Dit kwartaal is verwerkt door Opgroeien en kan niet meer gewijzigd worden."
TOTAAL_ONTBREEKT = "Vul het totaal in (0 is toegelaten)."
EXPORT_DISCLAIMER = (
    "De informatie in dit bestand is vertrouwelijk en uitsluitend bestemd voor gebruik door de "
    "persoon die het recht heeft dit bestand te genereren."
)
