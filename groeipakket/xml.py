"""The batch as XML (`groeipakket/xsd/groeipakket.xsd`, docs/groeipakket.md). Every document is
validated against the schema before it leaves: a message the funds cannot read is never sent."""

import datetime
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lxml import etree

from groeipakket.models import GroeipakketBericht

NS = "urn:binc:groeipakket:1"
XSD = Path(__file__).resolve().parent / "xsd" / "groeipakket.xsd"


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def _sub(parent: etree._Element, name: str, text: object = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS}}}{name}")
    if text is not None:
        element.text = str(text)
    return element


def document(
    batch_id: int, berichten: Iterable[GroeipakketBericht], *, aangemaakt: datetime.datetime
) -> bytes:
    root = etree.Element(
        f"{{{NS}}}groeipakketBatch",
        nsmap={None: NS},
        batch=str(batch_id),
        aangemaakt=aangemaakt.isoformat(),
    )
    for bericht in berichten:
        inhoud = bericht.inhoud
        element = _sub(root, "bericht")
        element.set("id", str(bericht.bericht_id))
        element.set("actie", bericht.actie)
        _sub(element, "rijksregisternummer", inhoud["rijksregisternummer"])
        _sub(element, "dossier", inhoud["dossier"])
        _sub(element, "begindatum", inhoud["begindatum"])
        if inhoud.get("einddatum"):
            _sub(element, "einddatum", inhoud["einddatum"])
        modules = _sub(element, "modules")
        for code in inhoud["modules"]:
            _sub(modules, "module", code)
        _sub(element, "plaatsendeInstantie", inhoud["plaatsende_instantie"])
        if pleegzorg := inhoud.get("pleegzorg"):
            blok = _sub(element, "pleegzorg")
            for pleegzorger in pleegzorg["pleegzorgers"]:
                item = _sub(blok, "pleegzorger")
                _sub(item, "rijksregisternummer", pleegzorger["rijksregisternummer"])
                _sub(item, "naam", pleegzorger["naam"])
            if pleegzorg.get("uitbetaling_aan_ouders") is not None:
                waarde = "true" if pleegzorg["uitbetaling_aan_ouders"] else "false"
                _sub(blok, "uitbetalingAanOuders", waarde)
    schema().assertValid(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
