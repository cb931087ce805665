"""Demo data: a koppeling of De Linde (login `ovbj`) with a known client-id and secret, so the
example in docs/api.md runs against `make run` as it is."""

import datetime

from oauth2_provider.models import Application

from api.models import Koppeling, Scope
from api.services import koppeling_maken
from binc.constants import Geslacht
from binc.models import Gebruiker, RijksregisterPersoon, Voorziening
from binc.tenancy import voorziening_context

CLIENT_ID = "demo-linde"
GEHEIM = "demo-geheim-niet-voor-productie"
# A child the stand-in rijksregister knows and Binc not yet: docs/api.md identifies her.
VOORBEELD_NUMMER = "14030120017"


def seed(*, stdout) -> None:
    RijksregisterPersoon.objects.get_or_create(
        rijksregisternummer=VOORBEELD_NUMMER,
        defaults={
            "naam": "Voorbeeld",
            "voornaam": "Noor",
            "geslacht": Geslacht.VROUW,
            "geboortedatum": datetime.date(2014, 3, 1),
            "gemeente": "Gent",
            "postcode": "9000",
        },
    )
    if Koppeling.alle.exists():
        return
    linde = Voorziening.objects.get(erkenningsnummer="OVB-1001")
    with voorziening_context(linde):
        koppeling, _ = koppeling_maken(
            voorziening=linde,
            naam="Demo DMS",
            scopes=[Scope.LEZEN, Scope.SCHRIJVEN],
            door=Gebruiker.objects.get(username="ovbj"),
        )
    application = Application.objects.get(pk=koppeling.application_id)
    application.client_id = CLIENT_ID
    application.client_secret = GEHEIM  # hashed on save, as any secret
    application.save()
    stdout.write(f"API-koppeling van De Linde: client-id {CLIENT_ID}, geheim {GEHEIM}")
