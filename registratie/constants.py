"""Lists, choices and texts of the begin- and eindregistratie (000 §5) and the 1G1P forms
(001 §5.2–5.3)."""

from django.db import models


class Lijst(models.TextChoices):
    """The answer lists kept as reference data (Antwoord), editable in the admin."""

    DAGBESTEDING = "dagbesteding", "Dagbesteding"
    OPLEIDINGSNIVEAU = "opleidingsniveau", "Opleidingsniveau jongere"
    GEZINSSITUATIE = "gezinssituatie", "Gezinssituatie"
    ARBEIDSSITUATIE = "arbeidssituatie", "Arbeidssituatie"
    OPLEIDINGSNIVEAU_OUDERS = "opleidingsniveau_ouders", "Opleidingsniveau ouders"
    THUISTAAL = "thuistaal", "Thuistaal"
    GELIJKTIJDIG_AANBOD = "gelijktijdig_aanbod", "Gelijktijdig aanbod voor cliënt"
    SAMENWERKING = "samenwerking", "Samenwerking"
    REDEN_EINDE = "reden_einde", "Reden einde"
    AANGEWEZEN_HULP = "aangewezen_hulp", "Aangewezen hulp"
    OOOC_ADVIES = "oooc_advies", "Eind- en overbruggingsadvies (OOOC)"


class PositiefNegatief(models.TextChoices):
    POSITIEF = "positief", "Positief"
    NEGATIEF = "negatief", "Negatief"


class DoelstellingenBereikt(models.TextChoices):
    JA = "ja", "Ja"
    GEDEELTELIJK = "gedeeltelijk", "Gedeeltelijk"
    NEE = "nee", "Nee"


class Gerealiseerd(models.TextChoices):
    JA = "ja", "Ja"
    NEE = "nee", "Nee"
    GEDEELTELIJK = "gedeeltelijk", "Gedeeltelijk"


class RedenEinde1G1P(models.TextChoices):
    BEREIKT = "bereikt", "Doelstelling van de begeleiding (grotendeels) bereikt"
    STOP_GEZIN = "stop_gezin", "Eenzijdige stopzetting vanuit gezin"
    STOP_1G1P = "stop_1g1p", "Eenzijdige stopzetting vanuit '1 Gezin, 1 Plan'"
    VERHUIS = "verhuis", "Verhuizing gezin"
    GEINDICEERD = "geindiceerd", "Geïndiceerd aanbod kan opstarten"
    ANDER_AANBOD = "ander_aanbod", "Ander aanbod is noodzakelijk"
    ANDERE = "andere", "Andere, nl."


class EigenKracht(models.TextChoices):
    JA = "ja", "Ja"
    NEE = "nee", "Nee"
    NEE_MITS = "nee_mits", "Nee, mits ondersteuning door basisvoorziening"


class GerealiseerdVervolg(models.TextChoices):
    JA = "ja", "Ja"
    NEE = "nee", "Nee"
    ENGAGEMENT = "engagement", "Nee maar met engagement vanuit vervolghulp"


class Soort(models.TextChoices):
    """The four registration forms."""

    BEGIN = "begin", "Beginregistratie"
    EINDE = "einde", "Eindregistratie"
    GEZINSSITUATIE = "gezinssituatie", "Gezinssituatie"
    TRAJECT = "traject", "Trajectinformatie"


# 000 §11
REEDS_AANGEMAAKT: dict[str, str] = {
    Soort.BEGIN: "Er werd reeds een beginregistratie aangemaakt in dit dossier.",
    Soort.EINDE: "Er werd reeds een eindregistratie aangemaakt in dit dossier.",
    Soort.GEZINSSITUATIE: "Er werd reeds een gezinssituatie aangemaakt in dit dossier.",
    Soort.TRAJECT: "Er werd reeds een trajectinformatie aangemaakt in dit dossier.",
}
