"""Reference values of clients, dossiers and aanmeldingen, and the manual's messages."""

from django.db import models

from binc.constants import Organisatietype


class DossierStatus(models.TextChoices):
    OPEN = "open", "Open"
    AFGESLOTEN = "afgesloten", "Afgesloten"


class BrStatus(models.TextChoices):
    """The start page's beginregistratie icon (000 §2)."""

    NIET_VEREIST = "niet_vereist", "Niet verplicht"
    ONVOLLEDIG = "onvolledig", "Niet of onvolledig ingevuld"
    VOLLEDIG = "volledig", "Volledig ingevuld"


class NietBegeleid(models.TextChoices):
    """000 §3.3.1, footnote 2."""

    NEE = "nee", "Nee"
    NBMV = "nbmv", "Ja, niet-begeleide minderjarige vreemdeling (NBMV)"
    NBEM = "nbem", "Ja, niet-begeleide Europese minderjarige in kwetsbare toestand (NBEM)"


class Omgangstaal(models.TextChoices):
    NEDERLANDS = "nl", "Nederlands"
    FRANS = "fr", "Frans"
    ENGELS = "en", "Engels"
    DUITS = "de", "Duits"
    ARABISCH = "ar", "Arabisch"
    TURKS = "tr", "Turks"
    ROEMEENS = "ro", "Roemeens"
    POOLS = "pl", "Pools"
    DARI_PASHTO = "fa", "Dari / Pashto"
    TIGRINYA = "ti", "Tigrinya"
    SOMALISCH = "so", "Somalisch"
    GEBARENTAAL = "sgn", "Vlaamse Gebarentaal"
    ANDERE = "andere", "Andere"


class Relatie(models.TextChoices):
    MOEDER = "moeder", "Moeder"
    VADER = "vader", "Vader"
    BROER = "broer", "Broer"
    ZUS = "zus", "Zus"
    HALFBROER_HALFZUS = "halfbroer_halfzus", "Halfbroer of halfzus"
    GROOTOUDER = "grootouder", "Grootouder"
    PLUSOUDER = "plusouder", "Plusouder"
    VOOGD = "voogd", "Voogd"
    PLEEGOUDER = "pleegouder", "Pleegouder"
    ANDERE = "andere", "Andere betrokkene"


class Aanmelder(models.TextChoices):
    """000 §4.1: who referred the client when not via the toegangspoort."""

    CLIENT = "client", "Cliënt zelf of zijn context"
    CRISISMELDPUNT = "crisismeldpunt", "Crisismeldpunt"
    JEUGDRECHTBANK = "jeugdrechtbank", "Jeugdrechtbank"
    CAW = "caw", "CAW (incl. JAC)"
    CLB = "clb", "CLB"
    KIND_EN_GEZIN = "k_en_g", "Kind en Gezin (K&G)"
    VK = "vk", "Vertrouwenscentrum Kindermishandeling (VK)"
    JEUGDHULP_OPGROEIEN = "jeugdhulp_opgroeien", "Jeugdhulp Opgroeien (incl. CaH, CKG)"
    OCMW = "ocmw", "OCMW / sociaal huis"
    GEZONDHEIDSZORG = "gezondheidszorg", "Huisarts, ziekenhuis of GGZ"
    POLITIE = "politie", "Politie"
    SCHOOL = "school", "School"
    ANDERE = "andere", "Andere"


class SpecifiekeAanmelding(models.TextChoices):
    """000 §4.1: at most one; makes begin- and eindregistratie optional."""

    GEEN = "geen", "Geen (reguliere aanmelding)"
    ENKEL_OB = "enkel_ob", "Aanbod bestaande uit enkel ondersteunende begeleiding"
    TIME_OUT = "time_out", "Time-out binnen de module verblijf (niet ondersteunende begeleiding)"
    KORTDUREND_CRISISVERBLIJF = "kortdurend_crisisverblijf", "Kortdurend crisisverblijf"


class SoortPleegzorg(models.TextChoices):
    BESTANDSPLEEGZORG = "bestand", "Bestandspleegzorg"
    NETWERKPLEEGZORG = "netwerk", "Netwerkpleegzorg"


class Pleegzorgdoelgroep(models.TextChoices):
    JEUGDHULP = "jeugdhulp", "Jeugdhulp"
    VOLWASSENPLEEGZORG = "volwassenen", "Volwassenpleegzorg"


class Hulpfunctie(models.TextChoices):
    """001 §5.1: the functions a family waits for."""

    BEGELEIDING = "begeleiding", "Begeleiding"
    BEHANDELING = "behandeling", "Behandeling"
    DAGOPVANG = "dagopvang", "Dagopvang"
    DIAGNOSTIEK = "diagnostiek", "Diagnostiek"
    TRAINING = "training", "Training"
    VERBLIJF = "verblijf", "Verblijf"
    ANDERE = "andere", "Andere"


# 000 §11 and §8: the manual's messages.
DOSSIER_WEG = (
    "Het dossier bestaat niet meer. Mogelijk werd het inmiddels verwijderd door een andere "
    "gebruiker."
)
DOSSIER_REEDS_VERWIJDERD = "Het dossier werd reeds verwijderd door een andere gebruiker"
DOSSIER_AFGESLOTEN_NIET_VERWIJDERBAAR = (
    "Een afgesloten dossier kan niet verwijderd worden: het bevat steeds minstens één beslissing "
    "en één schakeling."
)
AL_OPEN_DOSSIER = (
    "Deze cliënt heeft al een open dossier in je voorziening. Werk verder in dat dossier; een "
    "nieuwe opname na afsluiten is een nieuw dossier."
)
ONGEBOREN_KIND = "(ongeboren kind)"


class Verwijzingsgrond(models.TextChoices):
    VRIJWILLIG = "vrijwillig", "Vrijwillig"
    GERECHTELIJK = "gerechtelijk", "Gerechtelijk"


class GemandateerdeVoorziening(models.TextChoices):
    GEEN = "geen", "Geen"
    OCJ = "ocj", "Ondersteuningscentrum Jeugdzorg (OCJ)"
    VK = "vk", "Vertrouwenscentrum Kindermishandeling (VK)"


class SchakelingSoort(models.TextChoices):
    START_HULPAANBOD = "start", "Start hulpaanbod"
    SCHAKELING = "schakeling", "Schakeling"
    VERLENGING = "verlenging", "Verlenging"


class BehandelingGerichtOp(models.TextChoices):
    PLEEGKIND = "pleegkind", "Pleegkind/pleeggast"
    PLEEGOUDERS = "pleegouders", "Pleegouder(s)"
    OUDERS = "ouders", "Ouder(s)"


class OndersteunendeBegeleidingVorm(models.TextChoices):
    TIME_OUT = "time_out", "Time-out"
    ONTHEMING = "ontheming", "Ontheming"
    ERVARINGSTRAJECTEN = "ervaringstrajecten", "Kortdurende ervaringstrajecten"
    DAGACTIVERING = "dagactivering", "Dagactivering"
    ANDERE = "andere", "Andere"


class AanvraagStatus(models.TextChoices):
    INGEDIEND = "ingediend", "Ingediend"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEKEURD = "afgekeurd", "Afgekeurd"


class WijzigingActie(models.TextChoices):
    AANGEMAAKT = "aangemaakt", "Aangemaakt"
    GEWIJZIGD = "gewijzigd", "Gewijzigd"
    VERWIJDERD = "verwijderd", "Verwijderd"


# 000 §11: the manual's messages for conflicting work in one dossier.
BESLISSING_WEG = (
    "De jeugdhulpbeslissing bestaat niet meer. Mogelijk werd ze inmiddels verwijderd door een "
    "andere gebruiker."
)
NIET_MEEST_RECENTE_SCHAKELING = (
    "De schakeling is niet de meest recente schakeling in het dossier en kan niet gewijzigd "
    "worden. Wellicht is er ondertussen een nieuwe schakeling aangemaakt."
)
OPEN_SCHAKELING_INTUSSEN = (
    "Intussen werd een schakeling zonder einddatum aan het dossier toegevoegd. Gelieve deze "
    "eerst af te sluiten alvorens een nieuwe schakeling toe te voegen."
)
DOSSIER_REEDS_AFGESLOTEN = "Dossier is reeds afgesloten."
# 000 §4.2.4.1: the two info messages about processed years.
EINDIGT_IN_VERWERKT_JAAR = (
    "De schakeling eindigt in een jaar waarin reeds alle kwartaalrapporten verwerkt zijn. De "
    "schakeling kan niet aangepast worden."
)
START_IN_VERWERKT_JAAR = (
    "De schakeling start in een jaar waarin reeds alle kwartaalrapporten verwerkt zijn. Enkel de "
    "einddatum kan worden gewijzigd."
)


# 000 §3.2: these organisatietypes register unborn children, and may help them before birth.
ONGEBOREN_TYPES = {Organisatietype.CIG, Organisatietype.CKG, Organisatietype.GEZIN_1G1P}
