from binc.models import Gebruiker, Inzage, Voorziening
from lib.verzoek import verzoek_id


def inzage_log(
    *,
    gebruiker: Gebruiker,
    voorziening: Voorziening | None,
    soort: str,
    object_id: int,
    client_id: int | None = None,
    dossier_id: int | None = None,
) -> None:
    """One access row per opening (ASVS V16): a single INSERT, in the request that shows it."""
    Inzage.objects.create(
        gebruiker=gebruiker,
        voorziening=voorziening,
        soort=soort,
        object_id=object_id,
        client_id=client_id,
        dossier_id=dossier_id,
        verzoek_id=verzoek_id(),
    )
