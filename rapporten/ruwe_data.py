"""Raw data (000 §17.3, 001 §12): one XML record per dossier with every registered parameter as
an element of its own, so Excel opens the file as a table with a filterable column per
parameter. Dates are xs:date, which Excel reads as dates: the manual's begeleidingsduur formula
`=[@eindehulp]-[@starthulp]` works on the columns. Beslissingen are left out, as the manual
says; so is the national number (not needed to count or filter, and the file leaves Binc).

The file is written while the dossiers stream from the database in chunks: memory stays flat
however many there are. `rapporten/xsd/ruwe_data.xsd` describes it (`manage.py ruwe_data_xsd`
writes it from the same element list)."""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, QuerySet
from lxml import etree

from dossiers.models import Aanmelding, Client, Dossier, Schakeling
from registratie.models import (
    Beginregistratie,
    Eindregistratie,
    Gezinssituatie,
    Trajectinformatie,
)

BLOK = 500  # dossiers per block: memory holds one block with its related rows
# Fields that are bookkeeping, not registered parameters; 'Uw referentie' comes first of all.
OVERSLAAN = {
    "id",
    "dossier",
    "versie",
    "aangemaakt_op",
    "gewijzigd_op",
    "rijksregisternummer",
    "uw_referentie",
}


@dataclass(frozen=True)
class Element:
    naam: str
    type: str  # xs:string, xs:date or xs:integer
    waarde: Callable[[Dossier], object]
    voor_1g1p: bool | None = None  # None: every dossier; otherwise only (not) for 1G1P


def _xs_type(veld: models.Field) -> str:
    if isinstance(veld, models.DateTimeField):
        return "xs:string"
    if isinstance(veld, models.DateField):
        return "xs:date"
    if isinstance(veld, models.IntegerField) and not veld.choices:
        return "xs:integer"
    return "xs:string"


def _leesbaar(object_, veld: models.Field) -> object:
    """The value as a user reads it: a choice's label, an answer's label, Ja/Nee."""
    if object_ is None:
        return None
    if isinstance(veld, models.ManyToManyField):
        return "; ".join(a.label for a in getattr(object_, veld.name).all()) or None
    waarde = getattr(object_, veld.name)
    if waarde is None or waarde == "" or waarde == []:
        return None
    if isinstance(veld, models.ForeignKey):
        return getattr(waarde, "label", str(waarde))
    if isinstance(veld, models.BooleanField):
        return "Ja" if waarde else "Nee"
    if veld.choices:
        labels = dict(veld.flatchoices)
        if isinstance(waarde, list):
            return "; ".join(str(labels.get(w, w)) for w in waarde)
        return labels.get(waarde, waarde)
    if isinstance(waarde, list | dict):
        return str(waarde)
    return waarde


def _velden(
    model: type[models.Model], voorvoegsel: str, pad: str, voor_1g1p: bool | None = None
) -> list[Element]:
    """An element per registered field of a form, named '<voorvoegsel>_<field>'."""

    def lezer(veld):
        def lees(dossier):
            object_ = dossier
            for stap in pad.split("."):
                object_ = getattr(object_, stap, None)
            return _leesbaar(object_, veld)

        return lees

    return [
        Element(f"{voorvoegsel}_{veld.name}", _xs_type(veld), lezer(veld), voor_1g1p)
        for veld in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if veld.name not in OVERSLAAN and not veld.name.endswith("_id")
    ]


def _schakelingen(dossier: Dossier) -> list[tuple[Schakeling, list[str]]]:
    """The dossier's schakelingen in order with their module codes, read once per record."""
    if not hasattr(dossier, "_ruwe_schakelingen"):
        dossier._ruwe_schakelingen = [  # type: ignore[attr-defined]
            (s, [m.module.code for m in s.modules.all()])
            for s in sorted(dossier.schakelingen.all(), key=lambda s: (s.begindatum, s.pk))
        ]
    return dossier._ruwe_schakelingen  # type: ignore[attr-defined]


def _modules(schakelingen: Iterable[tuple[Schakeling, list[str]]]) -> str | None:
    return " ".join(sorted({code for _, codes in schakelingen for code in codes})) or None


def _eerste(dossier: Dossier) -> tuple[Schakeling, list[str]] | None:
    schakelingen = _schakelingen(dossier)
    return schakelingen[0] if schakelingen else None


def _starthulp(dossier: Dossier) -> datetime.date | None:
    # 000 §17.2: 'startdatum lopend dossier', else the start of the first schakeling.
    eerste = _eerste(dossier)
    aanmelding = getattr(dossier, "aanmelding", None)
    lopend = aanmelding.startdatum_lopend_dossier if aanmelding else None
    return lopend or (eerste[0].begindatum if eerste else None)


def _afgesloten(dossier: Dossier) -> bool:
    return dossier.afgesloten_op is not None


def _referentie(dossier: Dossier) -> str | None:
    aanmelding = getattr(dossier, "aanmelding", None)
    return (aanmelding.uw_referentie or None) if aanmelding else None


def _eindehulp(dossier: Dossier) -> datetime.date | None:
    return dossier.laatste_schakeling_einddatum if _afgesloten(dossier) else None


def _van_eerste(lees: Callable[[Schakeling], object]) -> Callable[[Dossier], object]:
    return lambda dossier: lees(eerste[0]) if (eerste := _eerste(dossier)) else None


def _hulp_modules(dossier: Dossier) -> str | None:
    # The closed care ('jeugdhulphistoriek'): every module it used.
    return _modules(_schakelingen(dossier)) if _afgesloten(dossier) else None


# Plain element names: Excel's XML import turns them into the column headers.
ELEMENTEN: list[Element] = [
    Element("dossiercode", "xs:string", lambda d: d.code),
    Element("status", "xs:string", lambda d: d.get_status_display()),
    Element("uw_referentie", "xs:string", _referentie),
    Element("starthulp", "xs:date", _starthulp),
    Element("eindehulp", "xs:date", _eindehulp),
    Element("afgesloten_op", "xs:date", lambda d: d.afgesloten_op),
    Element("eerste_schakeling_begin", "xs:date", _van_eerste(lambda s: s.begindatum)),
    Element("eerste_schakeling_einde", "xs:date", _van_eerste(lambda s: s.einddatum)),
    Element("eerste_schakeling_modules", "xs:string", lambda d: _modules(_schakelingen(d)[:1])),
    Element("afgesloten_hulp_modules", "xs:string", _hulp_modules),
    *_velden(Client, "client", "client"),
    *_velden(Aanmelding, "aanmelding", "aanmelding"),
    # 000 §5 for the organisations, 001 §5.2-5.3 for 1G1P: each its own forms.
    *_velden(Beginregistratie, "begin", "beginregistratie", voor_1g1p=False),
    *_velden(Eindregistratie, "einde", "eindregistratie", voor_1g1p=False),
    *_velden(Gezinssituatie, "gezin", "gezinssituatie", voor_1g1p=True),
    *_velden(Trajectinformatie, "traject", "trajectinformatie", voor_1g1p=True),
]  # fmt: skip


def elementen(is_1g1p: bool) -> list[Element]:
    return [e for e in ELEMENTEN if e.voor_1g1p in (None, is_1g1p)]


def dossiers_voor_ruwe_data(dossiers: QuerySet[Dossier]) -> Iterator[Dossier]:
    """Streamed in blocks, each block's related rows in a few queries."""
    modules = Prefetch(
        "schakelingen",
        queryset=Schakeling._base_manager.prefetch_related("modules__module"),
    )
    formulieren = (
        ("beginregistratie", Beginregistratie),
        ("eindregistratie", Eindregistratie),
        ("gezinssituatie", Gezinssituatie),
        ("trajectinformatie", Trajectinformatie),
    )
    # The answers: those of a list in the same query, those of several in one per block.
    enkelvoudig = [
        f"{formulier}__{veld.name}"
        for formulier, model in formulieren
        for veld in model._meta.concrete_fields
        if isinstance(veld, models.ForeignKey) and veld.name != "dossier"
    ]
    antwoorden = [
        f"{formulier}__{veld.name}"
        for formulier, model in formulieren
        for veld in model._meta.many_to_many
    ]
    return (
        dossiers.select_related("client", "aanmelding", *(f for f, _ in formulieren), *enkelvoudig)
        .prefetch_related(modules, *antwoorden)
        .order_by("code")
        .iterator(chunk_size=BLOK)
    )


def _tekst(waarde: object) -> str | None:
    if waarde is None:
        return None
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return str(waarde)


def schrijven(bestand, dossiers: Iterable[Dossier], *, is_1g1p: bool) -> None:
    kolommen = elementen(is_1g1p)
    with etree.xmlfile(bestand, encoding="UTF-8") as xml:
        xml.write_declaration()
        with xml.element("dossiers"):
            for dossier in dossiers:
                record = etree.Element("dossier")
                for element in kolommen:
                    # Every element, even when empty: Excel then keeps every column.
                    etree.SubElement(record, element.naam).text = _tekst(element.waarde(dossier))
                xml.write(record)
                xml.flush()


def xsd() -> str:
    """The schema of the file, from the same element list."""
    regels = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">',
        '  <xs:element name="dossiers">',
        "    <xs:complexType><xs:sequence>",
        '      <xs:element name="dossier" minOccurs="0" maxOccurs="unbounded">',
        "        <xs:complexType><xs:sequence>",
    ]
    for element in ELEMENTEN:
        # An empty element stands for 'niet ingevuld': a date or number may be empty too.
        type_ = element.type if element.type == "xs:string" else f"leeg_of_{element.type[3:]}"
        # The forms of the organisations and those of 1G1P: a file holds one kind or the other.
        optioneel = ' minOccurs="0"' if element.voor_1g1p is not None else ""
        regels.append(f'          <xs:element name="{element.naam}" type="{type_}"{optioneel}/>')
    regels += [
        "        </xs:sequence></xs:complexType>",
        "      </xs:element>",
        "    </xs:sequence></xs:complexType>",
        "  </xs:element>",
    ]
    for basis in ("date", "integer"):
        regels += [
            f'  <xs:simpleType name="leeg_of_{basis}">',
            f'    <xs:union memberTypes="xs:{basis}">',
            '      <xs:simpleType><xs:restriction base="xs:string"><xs:length value="0"/>'
            "</xs:restriction></xs:simpleType>",
            "    </xs:union>",
            "  </xs:simpleType>",
        ]
    regels.append("</xs:schema>")
    return "\n".join(regels) + "\n"
