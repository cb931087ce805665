"""What a shared file may be: an allow-list of types, each checked by its extension and by its
first bytes, so a file whose content does not match its name is refused; and a safe file name."""

import re
import unicodedata
import zipfile
from typing import IO

PDF = b"%PDF-"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Office formats: doc, xls, ppt
ZIP = b"PK\x03\x04"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"

# Office Open XML: a zip with [Content_Types].xml and the application's folder.
OOXML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# OpenDocument: a zip whose first entry 'mimetype' names the type.
ODF = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
MAGIC = {"pdf": PDF, "doc": OLE, "xls": OLE, "ppt": OLE, "png": PNG, "jpg": JPEG, "jpeg": JPEG}
TOEGELATEN = sorted([*MAGIC, *OOXML, *ODF, "txt"])

NIET_TOEGELATEN = (
    "Dit soort bestand kan niet gedeeld worden. Toegelaten zijn: "
    + ", ".join(f".{e}" for e in TOEGELATEN)
    + "."
)
KLOPT_NIET = "De inhoud van het bestand past niet bij de extensie .{ext}. Kies het juiste bestand."
LEEG = "Het bestand is leeg."


def extensie(naam: str) -> str:
    return naam.rsplit(".", 1)[-1].lower() if "." in naam else ""


def controleren(naam: str, inhoud: IO[bytes]) -> str:
    """The reason the file is refused, or '' when it may be shared. Reads only what it needs;
    leaves the file at its start."""
    ext = extensie(naam)
    if ext not in TOEGELATEN:
        return NIET_TOEGELATEN
    inhoud.seek(0)
    begin = inhoud.read(8192)
    inhoud.seek(0)
    if not begin:
        return LEEG
    if ext in MAGIC:
        klopt = begin.startswith(MAGIC[ext])
    elif ext == "txt":
        klopt = _is_tekst(begin)
    else:
        klopt = begin.startswith(ZIP) and _zip_klopt(ext, inhoud)
        inhoud.seek(0)
    return "" if klopt else KLOPT_NIET.format(ext=ext)


def _is_tekst(begin: bytes) -> bool:
    """Plain text has no NUL bytes and is none of the binary formats above."""
    return b"\x00" not in begin and not begin.startswith((PDF, OLE, ZIP, PNG, JPEG))


def _zip_klopt(ext: str, inhoud: IO[bytes]) -> bool:
    try:
        with zipfile.ZipFile(inhoud) as archief:
            namen = archief.namelist()
            if ext in OOXML:
                return "[Content_Types].xml" in namen and any(
                    n.startswith(OOXML[ext]) for n in namen
                )
            return "mimetype" in namen and archief.read("mimetype").strip() == ODF[ext]
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return False


def veilige_naam(naam: str) -> str:
    """The name the download offers: no folders, no control characters, at most 255
    characters with the extension kept. The stored file never uses it."""
    naam = unicodedata.normalize("NFC", re.split(r"[\\/]", naam)[-1])
    naam = "".join(c for c in naam if unicodedata.category(c)[0] != "C").strip().lstrip(".")
    if len(naam) > 255:
        ext = extensie(naam)
        staart = f".{ext}" if ext and len(ext) < 20 else ""
        naam = naam[: 255 - len(staart)] + staart
    return naam or "document"
