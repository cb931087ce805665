"""What a shared file may be: an allow-list of types, each checked by its extension and by its
first bytes, so a file whose content does not match its name is refused; and a safe file name."""

import lzma
import re
import unicodedata
import zipfile
import zlib
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


# What a real Office or OpenDocument file never needs; an archive that claims more is refused
# unopened (a zip bomb declares absurd sizes, or packs many GB into a few KB).
MAX_LEDEN = 10_000
MAX_UITGEPAKT = 512 * 1024 * 1024
MAX_VERHOUDING = 1_000
# 'mimetype' holds one short line; no more than this is ever read of it.
MIMETYPE_MAX = 256


def _onredelijk(lid: zipfile.ZipInfo) -> bool:
    verhouding = lid.file_size / max(lid.compress_size, 1)
    return lid.file_size > MAX_UITGEPAKT or verhouding > MAX_VERHOUDING


def _zip_klopt(ext: str, inhoud: IO[bytes]) -> bool:
    """The archive's parts fit the extension. Reads the central directory and at most
    MIMETYPE_MAX stored bytes, whatever the archive claims: bounded in time and memory."""
    try:
        with zipfile.ZipFile(inhoud) as archief:
            leden = archief.infolist()
            if len(leden) > MAX_LEDEN or any(_onredelijk(lid) for lid in leden):
                return False
            namen = {lid.filename for lid in leden}
            if ext in OOXML:
                return "[Content_Types].xml" in namen and any(
                    n.startswith(OOXML[ext]) for n in namen
                )
            # OpenDocument stores 'mimetype' uncompressed: nothing is ever unpacked to read
            # it (zipfile's bzip2 and lzma unpack a whole block, however little is asked).
            info = archief.getinfo("mimetype")
            if info.compress_type != zipfile.ZIP_STORED:
                return False
            with archief.open(info) as lid:
                mimetype = lid.read(MIMETYPE_MAX + 1)
            return len(mimetype) <= MIMETYPE_MAX and mimetype.strip() == ODF[ext]
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error, lzma.LZMAError):
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
