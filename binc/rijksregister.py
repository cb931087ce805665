"""The national register behind one interface.

`LokaalRijksregister` reads the local stand-in table (embedded setup, demo, tests);
`KszRijksregister` asks the national register through KSZ (production). Both return the same
`Persoon` records. Which one is used is set by RIJKSREGISTER_BACKEND. Request and response
mapping of the KSZ service: docs/rijksregister.md.
"""

import datetime
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from django.conf import settings

from binc.ksz import KszVerbinding
from binc.models import RijksregisterPersoon


@dataclass(frozen=True)
class Persoon:
    rijksregisternummer: str
    naam: str
    voornaam: str
    geslacht: str
    geboortedatum: datetime.date
    geboorteplaats: str = ""
    nationaliteit: str = ""
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    gemeente: str = ""

    def as_session(self) -> dict[str, Any]:
        data = asdict(self)
        data["geboortedatum"] = self.geboortedatum.isoformat()
        return data

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> "Persoon":
        return cls(**{**data, "geboortedatum": datetime.date.fromisoformat(data["geboortedatum"])})


class RijksregisterUnavailable(Exception):
    """The register could not be asked; nothing was looked up."""


class Rijksregister(Protocol):
    def zoek_op_nummer(self, nummer: str) -> list[Persoon]: ...

    def zoek_op_gegevens(
        self, *, naam: str, geslacht: str, geboorte: datetime.date | int
    ) -> list[Persoon]:
        """`geboorte` is the birth date, or only the birth year (1G1P, 001 §4.1)."""
        ...


class LokaalRijksregister:
    FIELDS = [f.name for f in RijksregisterPersoon._meta.fields if f.name != "id"]

    def zoek_op_nummer(self, nummer: str) -> list[Persoon]:
        return self._persons(RijksregisterPersoon.objects.filter(rijksregisternummer=nummer))

    def zoek_op_gegevens(self, *, naam, geslacht, geboorte) -> list[Persoon]:
        if isinstance(geboorte, datetime.date):
            born = {"geboortedatum": geboorte}
        else:
            born = {"geboortedatum__year": geboorte}
        return self._persons(
            RijksregisterPersoon.objects.filter(
                naam__iexact=naam.strip(), geslacht=geslacht, **born
            ).order_by("voornaam")
        )

    def _persons(self, queryset) -> list[Persoon]:
        return [Persoon(**row) for row in queryset.values(*self.FIELDS)]

    def testpersonen(self, *, aantal: int, geboren_na: datetime.date) -> list[Persoon]:
        """A few people the stand-in register knows, for the demo's hint: nobody else can
        guess whom to look up."""
        return self._persons(
            RijksregisterPersoon.objects.filter(geboortedatum__gt=geboren_na).order_by(
                "naam", "voornaam"
            )[:aantal]
        )


class KszRijksregister(KszVerbinding):
    """The KSZ identification service: JSON over HTTPS with a client certificate."""

    def zoek_op_nummer(self, nummer: str) -> list[Persoon]:
        return self._ask({"ssin": nummer})

    def zoek_op_gegevens(self, *, naam, geslacht, geboorte) -> list[Persoon]:
        return self._ask(
            {
                "lastName": naam.strip(),
                "gender": {"M": "MALE", "V": "FEMALE"}.get(geslacht, "UNKNOWN"),
                # The register writes an unknown month and day as 00.
                "birthDate": (
                    geboorte.isoformat()
                    if isinstance(geboorte, datetime.date)
                    else f"{geboorte:04d}-00-00"
                ),
            }
        )

    def _ask(self, payload: dict) -> list[Persoon]:
        try:
            response = self.session.post(
                f"{self.url}/persons/search", json=payload, cert=self.cert, timeout=15
            )
            response.raise_for_status()
            return [self._person(item) for item in response.json().get("persons", [])]
        except Exception as exc:  # any failure of the remote service: report, never guess
            raise RijksregisterUnavailable(str(exc)) from exc

    @staticmethod
    def _person(item: dict) -> Persoon:
        address = item.get("address") or {}
        return Persoon(
            rijksregisternummer=item["ssin"],
            naam=item["lastName"],
            voornaam=" ".join(item.get("givenNames", [])),
            geslacht={"MALE": "M", "FEMALE": "V"}.get(str(item.get("gender")), "X"),
            geboortedatum=datetime.date.fromisoformat(item["birthDate"]),
            geboorteplaats=item.get("birthPlace", ""),
            nationaliteit=item.get("nationality", ""),
            straat=address.get("street", ""),
            huisnummer=address.get("houseNumber", ""),
            postcode=address.get("postalCode", ""),
            gemeente=address.get("municipality", ""),
        )


def get_rijksregister() -> Rijksregister:
    if settings.RIJKSREGISTER_BACKEND == "ksz":
        cert = (settings.KSZ_CERT_FILE, settings.KSZ_KEY_FILE) if settings.KSZ_CERT_FILE else None
        return KszRijksregister(url=settings.KSZ_URL, cert=cert)
    return LokaalRijksregister()
