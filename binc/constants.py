"""Fixed reference values of the core and the manual's texts that the core shows."""

from django.db import models


class Organisatietype(models.TextChoices):
    OVBJ_VERBLIJF = "ovbj_verblijf", "OVBJ met verblijfsmodules"
    OVBJ = "ovbj", "OVBJ zonder verblijfsmodules"
    CKG = "ckg", "Centrum voor Kinderzorg en Gezinsondersteuning (CKG)"
    CIG = "cig", "Centrum voor Integrale Gezinszorg (CIG)"
    CAH = "cah", "Crisishulp aan Huis (CaH)"
    PLEEGZORG = "pleegzorg", "Dienst voor pleegzorg"
    OOOC = "oooc", "Onthaal-, oriëntatie- en observatiecentrum (OOOC)"
    GEZIN_1G1P = "1g1p", "Samenwerkingsverband '1 Gezin, 1 Plan' (1G1P)"
    HCA = "hca", "Huis voor het Kind / HCA-aanbod"
    NAFT = "naft", "Netwerk Alternatieve Form. en Trajecten (NAFT)"


class Provincie(models.TextChoices):
    ANTWERPEN = "antwerpen", "Antwerpen"
    LIMBURG = "limburg", "Limburg"
    OOST_VLAANDEREN = "oost_vlaanderen", "Oost-Vlaanderen"
    VLAAMS_BRABANT = "vlaams_brabant", "Vlaams-Brabant"
    WEST_VLAANDEREN = "west_vlaanderen", "West-Vlaanderen"
    BRUSSEL = "brussel", "Brussels Hoofdstedelijk Gewest"


class Detailvraag(models.TextChoices):
    """The extra question a typemodule asks per schakeling (000 §4.2.3)."""

    GEEN = "", "Geen"
    BEHANDELING_GERICHT_OP = "behandeling_gericht_op", "Op wie is de behandeling gericht"
    OB_VORM = "ob_vorm", "Vorm van ondersteunende begeleiding"


class Functie(models.TextChoices):
    """The function group of a typemodule; benutting and bezetting group on it (000 §13–§14)."""

    VERBLIJF = "verblijf", "Verblijf"
    DAGBEGELEIDING = "dagbegeleiding", "Dagbegeleiding in groep"
    CONTEXTBEGELEIDING = "contextbegeleiding", "Contextbegeleiding"
    CRISISHULP = "crisishulp", "Crisishulp aan huis"
    ONDERSTEUNENDE_BEGELEIDING = "ondersteunende_begeleiding", "Ondersteunende begeleiding"
    DIAGNOSTIEK = "diagnostiek", "Diagnostiek"
    TRAINING = "training", "Training"
    DAGOPVANG = "dagopvang", "Dagopvang"
    BEHANDELING = "behandeling", "Behandeling"
    BEGELEIDING = "begeleiding", "Begeleiding"


class Eenheid(models.TextChoices):
    """The unit benutting is registered in (000 §12.1)."""

    UUR = "uur", "uren"
    NACHT = "nacht", "nachten"
    DAG = "dag", "dagen"
    DAGDEEL = "dagdeel", "dagdelen"


class Afronding(models.TextChoices):
    """Rounding rule for benutting figures (000 §12, 'Afrondingsregels')."""

    GEEN = "geen", "Geen beperking"
    HALVE_EENHEID = "half", "Halve eenheid (,0 of ,5)"
    KWART_EENHEID = "kwart", "Kwart eenheid (,0 ,25 ,5 of ,75)"


class Toegang(models.TextChoices):
    RTJ = "rtj", "Rechtstreeks toegankelijk (RTJ)"
    NRTJ = "nrtj", "Niet rechtstreeks toegankelijk (NRTJ)"


class Dienstsoort(models.TextChoices):
    """Services outside the voorzieningen that take part in document sharing (000 §18)."""

    OCJ = "ocj", "Ondersteuningscentrum Jeugdzorg (OCJ)"
    SDJ = "sdj", "Sociale Dienst Jeugdrechtbank (SDJ)"
    GI = "gi", "Gemeenschapsinstelling (campus)"
    VOORZIENINGENBELEID = "voorzieningenbeleid", "Opgroeien – Voorzieningenbeleid"


class DienstFunctie(models.TextChoices):
    CONSULENT = "consulent", "Consulent"
    ADMINISTRATIEF = "administratief", "Administratief medewerker"
    TEAMVERANTWOORDELIJKE = "teamverantwoordelijke", "Teamverantwoordelijke"


class OpgroeienRol(models.TextChoices):
    """Opgroeien staff roles; each is a Django group with its own permissions."""

    DOSSIERBEHANDELAAR = "Opgroeien – dossierbehandelaar"
    VOORZIENINGENBELEID = "Opgroeien – voorzieningenbeleid"


class GoedkeuringStatus(models.TextChoices):
    """A module's status for one voorziening in the moduledatabank."""

    GOEDGEKEURD = "Goedgekeurd"
    AANGEVRAAGD = "Aangevraagd"
    GEWEIGERD = "Geweigerd"
    STOPGEZET = "Stopgezet"


class SyncStatus(models.TextChoices):
    GESLAAGD = "geslaagd", "Geslaagd"
    GEWEIGERD = "geweigerd", "Geweigerd"
    OVERGESLAGEN = "overgeslagen", "Overgeslagen"


class Geslacht(models.TextChoices):
    MAN = "M", "Man"
    VROUW = "V", "Vrouw"
    ONBEKEND = "X", "Onbekend"


class Zoekwijze(models.TextChoices):
    NUMMER = "nummer", "Rijksregisternummer of BIS-nummer"
    GEGEVENS = "gegevens", "Naam, geslacht en geboortedatum"


# 000 §3.1: only people "tot 25 jaar" can be looked up, except by pleegzorg services: younger
# than 25, as the manual's own "pleeggasten vanaf 25 jaar" (§4.2.7) reads it.
LEEFTIJDSGRENS_OPZOEKING = 25


class InzageSoort(models.TextChoices):
    """What an access row (binc.models.Inzage) is about."""

    DOSSIER = "dossier", "Dossier"
    CLIENT = "client", "Cliënt"
    REGISTRATIE = "registratie", "Registratieformulier"
    RAPPORT = "rapport", "Rapport"
    DOCUMENT = "document", "Gedeeld document"
