"""A Django storage that keeps files in PostgreSQL (`binc.models.Bestand`), in parts of 1 MiB:
written part by part inside the caller's transaction (a file exists exactly when the row that
names it was committed), read back part by part (a 10 MiB document or a large raw-data XML is
never whole in memory). The default for every file Binc keeps; an S3-compatible store through
django-storages is a setting (docs/production.md, "Files")."""

import io

from django.core.files.base import File
from django.core.files.storage import Storage
from django.db import transaction
from django.utils.deconstruct import deconstructible

from binc.models import Bestand, BestandDeel

DEEL = 1024 * 1024


class _Lezer(io.RawIOBase):
    """Reads a stored file part by part, one query per part, seekable like a file on disk."""

    def __init__(self, pk: int, grootte: int) -> None:
        self.pk, self.grootte, self.positie = pk, grootte, 0
        self._deel: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        basis = {io.SEEK_SET: 0, io.SEEK_CUR: self.positie, io.SEEK_END: self.grootte}[whence]
        self.positie = max(0, basis + offset)
        return self.positie

    def tell(self) -> int:
        return self.positie

    def readinto(self, buffer) -> int:
        if self.positie >= self.grootte:
            return 0
        nummer, binnen = divmod(self.positie, DEEL)
        if self._deel is None or self._deel[0] != nummer:
            data = (
                BestandDeel.objects.filter(bestand_id=self.pk, volgnummer=nummer)
                .values_list("data", flat=True)
                .get()
            )
            self._deel = (nummer, bytes(data))
        stuk = self._deel[1][binnen : binnen + len(buffer)]
        buffer[: len(stuk)] = stuk
        self.positie += len(stuk)
        return len(stuk)


@deconstructible
class DatabankOpslag(Storage):
    def _save(self, name: str, content) -> str:
        # A savepoint: a failure halfway leaves no part behind, also inside a larger transaction.
        with transaction.atomic():
            bestand = Bestand.objects.create(naam=name)
            buffer, nummer, grootte = bytearray(), 0, 0
            for stuk in content.chunks(DEEL):
                buffer += stuk
                while len(buffer) >= DEEL:
                    BestandDeel.objects.create(
                        bestand=bestand, volgnummer=nummer, data=bytes(buffer[:DEEL])
                    )
                    del buffer[:DEEL]
                    nummer += 1
                grootte += len(stuk)
            if buffer or nummer == 0:
                BestandDeel.objects.create(bestand=bestand, volgnummer=nummer, data=bytes(buffer))
            Bestand.objects.filter(pk=bestand.pk).update(grootte=grootte)
        return name

    def _open(self, name: str, mode: str = "rb") -> File:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Een opgeslagen bestand wordt enkel gelezen.")
        rij = Bestand.objects.filter(naam=name).values_list("pk", "grootte").first()
        if rij is None:
            raise FileNotFoundError(name)
        return File(io.BufferedReader(_Lezer(*rij), buffer_size=DEEL), name=name)

    def delete(self, name: str) -> None:
        BestandDeel.objects.filter(bestand__naam=name).delete()
        Bestand.objects.filter(naam=name).delete()

    def exists(self, name: str) -> bool:
        return Bestand.objects.filter(naam=name).exists()

    def size(self, name: str) -> int:
        return Bestand.objects.values_list("grootte", flat=True).get(naam=name)

    def url(self, name: str | None) -> str:
        # Files are served only by the views that check who may read them.
        raise NotImplementedError("Bestanden hebben geen publieke URL.")
