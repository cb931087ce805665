"""What an API body may be before any view reads it: JSON of a sane depth whose texts
PostgreSQL can store and a response can echo. Anything else is refused whole, in Dutch, as a
problem detail (400), never a server error."""

import json

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# Deeper than any form of Binc needs (an aanmelding inside a dossier is two levels).
MAX_DIEPTE = 20


def _controleer(waarde) -> None:
    """Walks the parsed body without recursion: depth, and texts that are valid Unicode
    without NUL (a lone surrogate cannot be written back as UTF-8; PostgreSQL refuses NUL)."""
    stapel = [(waarde, 1)]
    while stapel:
        item, diepte = stapel.pop()
        if diepte > MAX_DIEPTE:
            raise ParseError(f"De inhoud is dieper genest dan {MAX_DIEPTE} niveaus.")
        if isinstance(item, dict):
            stapel.extend((k, diepte) for k in item)
            stapel.extend((v, diepte + 1) for v in item.values())
        elif isinstance(item, list):
            stapel.extend((v, diepte + 1) for v in item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                fout = "De inhoud bevat een ongeldig teken (een losse surrogaat)."
                raise ParseError(fout) from None
            if "\x00" in item:
                raise ParseError("Een NUL-teken kan Binc niet bewaren.")


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            tekst = stream.read().decode("utf-8") if stream is not None else ""
            data = json.loads(tekst)
        except (ValueError, RecursionError):
            raise ParseError("De inhoud is geen geldige JSON.") from None
        _controleer(data)
        return data
