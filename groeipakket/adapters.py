"""Delivery to the child-benefit funds, chosen by settings like the national register's:

- `lokaal` (default, for `make run` and tests): writes each batch's XML file into a directory
  and reads the funds' answer files back from another;
- `ksz`: an HTTPS POST per message with a client certificate; the answer comes per message.

Both are idempotent on the message id: sending again is harmless, the receiver deduplicates."""

import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from binc.ksz import KszVerbinding
from groeipakket.constants import BerichtStatus
from groeipakket.models import GroeipakketBericht, GroeipakketBestand
from groeipakket.xml import document


class TijdelijkeFout(Exception):
    """The receiver could not be reached or failed; the message is tried again later."""


@dataclass(frozen=True)
class Antwoord:
    bericht_id: str
    status: str  # BerichtStatus.AANVAARD or GEWEIGERD
    reden: str = ""


class OngeldigAntwoordbestand(ValueError):
    """An answer file that is not a JSON list of {bericht_id, status, reden}: refused whole."""


def antwoorden_uit(inhoud: bytes) -> list[Antwoord]:
    """An answer file's answers; anything else than the agreed shape is refused whole."""
    try:
        items = json.loads(inhoud)
        antwoorden = [
            Antwoord(str(uuid.UUID(str(i["bericht_id"]))), i["status"], str(i.get("reden", "")))
            for i in items
        ]
    except (ValueError, TypeError, KeyError) as fout:
        raise OngeldigAntwoordbestand(
            "Dit is geen antwoordbestand: een JSON-lijst van {bericht_id, status, reden}."
        ) from fout
    if any(a.status not in (BerichtStatus.AANVAARD, BerichtStatus.GEWEIGERD) for a in antwoorden):
        raise OngeldigAntwoordbestand("Een antwoord heeft als status 'aanvaard' of 'geweigerd'.")
    return antwoorden


def bestand_bewaren(
    soort: str, naam: str, inhoud: bytes, *, batch_id: int | None = None
) -> GroeipakketBestand:
    bestand = GroeipakketBestand(soort=soort, naam=naam, batch_id=batch_id)
    bestand.bestand.save(f"{uuid.uuid4().hex}-{naam}", ContentFile(inhoud), save=False)
    bestand.save()
    return bestand


class KszGroeipakket(KszVerbinding):
    """One POST per message; the receiver answers {"status": "aanvaard"|"geweigerd", "reden"}."""

    per_bericht = True

    def versturen(self, bericht: GroeipakketBericht) -> Antwoord:
        body = document(bericht.batch_id, [bericht], aangemaakt=timezone.now())
        try:
            response = self.session.post(
                f"{self.url}/berichten",
                data=body,
                headers={"Content-Type": "application/xml"},
                cert=self.cert,
                timeout=15,
            )
        except Exception as exc:  # any network failure: try again later, never guess
            raise TijdelijkeFout(str(exc)) from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise TijdelijkeFout(f"HTTP {response.status_code}")
        try:
            answer = response.json()
        except ValueError as exc:
            raise TijdelijkeFout("Onleesbaar antwoord") from exc
        if answer.get("status") == BerichtStatus.AANVAARD and response.ok:
            return Antwoord(str(bericht.bericht_id), BerichtStatus.AANVAARD)
        return Antwoord(
            str(bericht.bericht_id),
            BerichtStatus.GEWEIGERD,
            str(answer.get("reden") or f"HTTP {response.status_code}"),
        )


class LokaalGroeipakket:
    """A batch file per delivery into `uitgaand`; answer files (JSON lists of {bericht_id,
    status, reden}) are read from `antwoorden` and moved to `antwoorden/verwerkt`."""

    per_bericht = False

    def __init__(self, *, uitgaand: Path, antwoorden: Path) -> None:
        self.uitgaand = uitgaand
        self.antwoorden = antwoorden

    def batch_versturen(self, batch_id: int, berichten: list[GroeipakketBericht]) -> Path:
        """Writes the batch into the exchange folder and keeps the same XML in PostgreSQL, in
        the caller's transaction, for Opgroeien to download from its screens."""
        self.uitgaand.mkdir(parents=True, exist_ok=True)
        nu = timezone.now()
        naam = self.uitgaand / f"groeipakket-{batch_id}-{nu:%Y%m%dT%H%M%S%f}.xml"
        inhoud = document(batch_id, berichten, aangemaakt=nu)
        bestand_bewaren(GroeipakketBestand.Soort.VERZONDEN, naam.name, inhoud, batch_id=batch_id)
        # Written beside its place and renamed: a reader never sees half a file.
        with tempfile.NamedTemporaryFile(dir=self.uitgaand, delete=False, suffix=".tmp") as tmp:
            tmp.write(inhoud)
        os.replace(tmp.name, naam)
        return naam

    def antwoorden_lezen(self) -> Iterator[tuple[Path, bytes]]:
        if not self.antwoorden.is_dir():
            return
        for pad in sorted(self.antwoorden.glob("*.json")):
            yield pad, pad.read_bytes()

    def antwoord_verwerkt(self, pad: Path) -> None:
        klaar = self.antwoorden / "verwerkt"
        klaar.mkdir(exist_ok=True)
        os.replace(pad, klaar / pad.name)


def get_adapter() -> KszGroeipakket | LokaalGroeipakket:
    if settings.GROEIPAKKET_BACKEND == "ksz":
        cert = None
        if settings.GROEIPAKKET_CERT_FILE:
            cert = (settings.GROEIPAKKET_CERT_FILE, settings.GROEIPAKKET_KEY_FILE)
        return KszGroeipakket(url=settings.GROEIPAKKET_URL, cert=cert)
    return LokaalGroeipakket(
        uitgaand=Path(settings.GROEIPAKKET_UITGAAND),
        antwoorden=Path(settings.GROEIPAKKET_ANTWOORDEN),
    )
