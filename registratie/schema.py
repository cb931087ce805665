"""The four registration forms declared once (000 §5.1–§5.2, 001 §5.2–§5.3): per form the fields in
order, for which organisatietypes, which carry '*', and which appear (and count) only after
another answer. The form's visibility and '*', [Valideren], the server-side mandatory check, the
clearing of hidden answers, the closing gate and the BR icon are all derived from this table."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from binc.constants import Organisatietype
from registratie.constants import Soort

GEEN_VERVOLGHULP = "geen-vervolghulp-nodig"
OOOC = frozenset({Organisatietype.OOOC})


@dataclass(frozen=True)
class Als:
    """A condition on another answer. Without `waarde`: that answer is given (ticked, 'ja').
    With it: the answer is, or (for a multiple choice) includes, that value. `niet`: the answer
    is given and is not that value. `kenmerk`: the chosen reference answer has that property."""

    veld: str
    waarde: str | None = None
    niet: str | None = None
    kenmerk: str | None = None
    # How the browser sees a given answer: a checkbox sends 'on', a Ja/Nee field 'ja'.
    gegeven: str = "on"

    def geldt(self, data: Mapping[str, Any]) -> bool:
        value = data.get(self.veld)
        if self.kenmerk is not None:
            return bool(getattr(value, self.kenmerk, False))
        if self.waarde is not None:
            if isinstance(value, list | tuple | set):
                return self.waarde in value
            return getattr(value, "code", value) == self.waarde
        if value is None or value in ("", [], {}) or value is False:
            return False
        return self.niet is None or getattr(value, "code", value) != self.niet

    def show_when(self) -> str:
        """The form's `data-show-when` for the browser; the server decides with `geldt`."""
        return f"{self.veld}={self.waarde if self.waarde is not None else self.gegeven}"


@dataclass(frozen=True)
class Veld:
    naam: str
    verplicht: bool = False  # '*' in the manual
    verplicht_als: Als | None = None  # mandatory only after another answer
    toon_als: Als | None = None  # shown, stored and counted only after another answer
    nvt_als: Als | None = None  # not applicable (cleared) after another answer
    enkel_voor: frozenset[str] | None = None
    niet_voor: frozenset[str] = frozenset()
    verplicht_voor: frozenset[str] | None = None  # '*' only for these organisatietypes

    def voor(self, organisatietype: str) -> bool:
        if organisatietype in self.niet_voor:
            return False
        return self.enkel_voor is None or organisatietype in self.enkel_voor

    def sterretje(self, organisatietype: str) -> bool:
        if self.verplicht_voor is not None:
            return organisatietype in self.verplicht_voor
        return self.verplicht

    def zichtbaar(self, data: Mapping[str, Any]) -> bool:
        if self.nvt_als is not None and self.nvt_als.geldt(data):
            return False
        return self.toon_als is None or self.toon_als.geldt(data)

    def verplicht_bij(self, organisatietype: str, data: Mapping[str, Any]) -> bool:
        if self.sterretje(organisatietype):
            return True
        return self.verplicht_als is not None and self.verplicht_als.geldt(data)


BEGELEIDING = Als("begeleiding")
PSYCHOLOOG = Als("eerstelijnspsycholoog")
GESPECIALISEERD = Als("gespecialiseerde_hulp", gegeven="ja")

SCHEMA: dict[str, list[Veld]] = {
    Soort.BEGIN: [
        Veld("niet_begeleide_minderjarige", verplicht=True),
        Veld("dagbesteding", verplicht=True),
        Veld("opleidingsniveau", verplicht=True),
        # NVT for buitengewoon onderwijs (000 §5.1).
        Veld(
            "schoolachterstand", nvt_als=Als("opleidingsniveau", kenmerk="buitengewoon_onderwijs")
        ),
        # Hidden for pleegzorg, mandatory only for the CIG (000 §5.1).
        Veld(
            "zwanger",
            niet_voor=frozenset({Organisatietype.PLEEGZORG}),
            verplicht_voor=frozenset({Organisatietype.CIG}),
        ),
        Veld("gezinssituatie", verplicht=True),
        Veld("pleeggezin"),
        Veld("adoptiegezin"),
        Veld("arbeidssituatie", verplicht=True),
        Veld("opleidingsniveau_ouders", verplicht=True),
        Veld("huisvesting", verplicht=True),
        Veld("gezondheid", verplicht=True),
        Veld("schuldenlast", verplicht=True),
        Veld("thuistaal", verplicht=True),
    ],
    Soort.EINDE: [
        Veld("gelijktijdig_aanbod", verplicht=True),
        Veld("samenwerking", verplicht=True),
        Veld("doelstellingen_bereikt", verplicht=True),
        Veld("uitval", verplicht=True),
        Veld("reden", verplicht=True),
        # OOOC since 2022: eindadvies and overbruggingsadvies instead of vervolghulp (000 §5.2).
        Veld("aangewezen_hulp", verplicht=True, niet_voor=OOOC),
        Veld(
            "gerealiseerd",
            niet_voor=OOOC,
            verplicht_als=Als("aangewezen_hulp", niet=GEEN_VERVOLGHULP),
        ),
        Veld("eindadvies", verplicht=True, enkel_voor=OOOC),
        Veld("overbruggingsadvies", enkel_voor=OOOC),
    ],
    Soort.GEZINSSITUATIE: [
        Veld("gezinssituatie", verplicht=True),
        Veld("adoptiegezin"),
        Veld("pleeggezin"),
        Veld("aantal_kinderen", verplicht=True),
    ],
    Soort.TRAJECT: [
        Veld("datum_eerste_gesprek", verplicht=True),
        Veld("gemandateerde_voorziening", verplicht=True),
        Veld("betrokkenheid_sdj"),
        Veld("betrokkenheid_crisisnetwerk"),
        Veld("begeleiding"),
        Veld("begeleiding_start", toon_als=BEGELEIDING, verplicht_als=BEGELEIDING),
        Veld("begeleiding_einde", toon_als=BEGELEIDING),
        Veld(
            "begeleiding_reden_einde",
            toon_als=BEGELEIDING,
            verplicht_als=Als("begeleiding_einde"),
        ),
        Veld(
            "begeleiding_reden_andere",
            toon_als=Als("begeleiding_reden_einde", "andere"),
            verplicht_als=BEGELEIDING,
        ),
        Veld("gezinsplan_opgesteld", toon_als=BEGELEIDING),
        Veld("eerstelijnspsycholoog"),
        Veld("psycholoog_start", toon_als=PSYCHOLOOG, verplicht_als=PSYCHOLOOG),
        Veld("psycholoog_einde", toon_als=PSYCHOLOOG),
        Veld("psycholoog_sessies", toon_als=PSYCHOLOOG),
        Veld("eigen_kracht"),
        Veld("gespecialiseerde_hulp"),
        Veld("hulp_functies", toon_als=GESPECIALISEERD, verplicht_als=GESPECIALISEERD),
        Veld(
            "hulp_andere",
            toon_als=Als("hulp_functies", "andere"),
            verplicht_als=GESPECIALISEERD,
        ),
        # Per chosen function 'gerealiseerd?' (001 §5.3); the service keeps only chosen ones.
        Veld("hulp_gerealiseerd", toon_als=GESPECIALISEERD),
        Veld("gezinsplan_vervolg"),
        Veld("formeel_netwerk"),
        Veld("informeel_netwerk"),
    ],
}


def velden_van(soort: str, organisatietype: str) -> list[Veld]:
    return [veld for veld in SCHEMA[soort] if veld.voor(organisatietype)]


def velden(soort: str, organisatietype: str) -> list[str]:
    """The fields of this form for this organisatietype, in the form's order."""
    return [veld.naam for veld in velden_van(soort, organisatietype)]


def altijd_verplicht(soort: str, organisatietype: str) -> list[str]:
    """The fields marked '*' in the manual for this organisatietype."""
    return [v.naam for v in velden_van(soort, organisatietype) if v.sterretje(organisatietype)]


def verborgen(soort: str, organisatietype: str, data: Mapping[str, Any]) -> list[str]:
    """The fields other answers hide, also through a hidden field (a condition names an earlier
    field): their answers are cleared on saving, so reports never count stale values."""
    effective = dict(data)
    hidden = []
    for veld in velden_van(soort, organisatietype):
        if not veld.zichtbaar(effective):
            hidden.append(veld.naam)
            effective[veld.naam] = None
    return hidden


def verplicht(soort: str, organisatietype: str, data: Mapping[str, Any]) -> list[str]:
    """Mandatory fields given the answers: some questions only count after another answer."""
    hidden = verborgen(soort, organisatietype, data)
    return [
        v.naam
        for v in velden_van(soort, organisatietype)
        if v.naam not in hidden and v.verplicht_bij(organisatietype, data)
    ]


def show_when(soort: str, organisatietype: str) -> dict[str, str]:
    """Each conditional field's condition, for the browser to show and hide it."""
    return {
        v.naam: v.toon_als.show_when()
        for v in velden_van(soort, organisatietype)
        if v.toon_als is not None
    }


def _empty(value: Any) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    return hasattr(value, "exists") and not value.exists()


def ontbrekend(soort: str, organisatietype: str, data: Mapping[str, Any]) -> list[str]:
    """The mandatory fields still blank, in the form's order."""
    return [name for name in verplicht(soort, organisatietype, data) if _empty(data.get(name))]
