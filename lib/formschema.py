"""Conditional forms declared once: per form the fields in order, for which organisatietypes,
which carry '*', and which appear (and count) only after another answer.

A form's visibility and '*', the server-side mandatory check, the clearing of hidden answers,
the closing gate and the template's flags are all derived from one `Formulier`, so a condition
is never written twice (aanmelding in `dossiers`, the registrations in `registratie`)."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Als:
    """A condition on another answer. Without `waarde`: that answer is given (ticked, 'ja').
    With it: the answer is, or (for a multiple choice) includes, that value; `True`/`False`
    for a Ja/Nee question. `niet`: the answer is given and is not that value. `kenmerk`: the
    chosen reference answer has that property."""

    veld: str
    waarde: str | bool | None = None
    niet: str | None = None
    kenmerk: str | None = None
    # How the browser sees a given answer: a checkbox sends 'on', a Ja/Nee field 'ja'.
    gegeven: str = "on"

    def geldt(self, data: Mapping[str, Any]) -> bool:
        value = data.get(self.veld)
        if self.kenmerk is not None:
            return bool(getattr(value, self.kenmerk, False))
        if isinstance(self.waarde, bool):
            return value is self.waarde
        if self.waarde is not None:
            if isinstance(value, list | tuple | set):
                return self.waarde in value
            return getattr(value, "code", value) == self.waarde
        if value is None or value in ("", [], {}) or value is False:
            return False
        return self.niet is None or getattr(value, "code", value) != self.niet

    def show_when(self) -> str:
        """The form's `data-show-when` for the browser; the server decides with `geldt`."""
        if isinstance(self.waarde, bool):
            return f"{self.veld}={'ja' if self.waarde else 'nee'}"
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
    # Asked only of a voorziening with this property (e.g. a CKG over several provinces).
    enkel_met: str | None = None
    # The message when it is mandatory and blank, where 'Dit veld is verplicht.' says too little.
    melding: str = "Dit veld is verplicht."
    # At most this many answers to a multiple choice, with the message when there are more.
    maximum: int | None = None
    melding_maximum: str = ""

    def voor(self, organisatietype: str, kenmerken: Collection[str]) -> bool:
        if organisatietype in self.niet_voor:
            return False
        if self.enkel_met is not None and self.enkel_met not in kenmerken:
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


def leeg(value: Any) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    return hasattr(value, "exists") and not value.exists()


@dataclass(frozen=True)
class Invulling:
    """A form as one voorziening sees it."""

    organisatietype: str
    velden: tuple[Veld, ...]

    def namen(self) -> list[str]:
        """The fields of this form, in the form's order."""
        return [veld.naam for veld in self.velden]

    def altijd_verplicht(self) -> list[str]:
        """The fields marked '*' in the manual."""
        return [v.naam for v in self.velden if v.sterretje(self.organisatietype)]

    def verplicht_wanneer_getoond(self) -> list[str]:
        """The fields to mark '*': always mandatory, or mandatory whenever they are shown."""
        return [
            v.naam
            for v in self.velden
            if v.sterretje(self.organisatietype)
            or (v.verplicht_als is not None and v.verplicht_als == v.toon_als)
        ]

    def verborgen(self, data: Mapping[str, Any]) -> list[str]:
        """The fields other answers hide, also through a hidden field (a condition names an
        earlier field): their answers are cleared on saving, so reports never count stale
        values."""
        effective = dict(data)
        hidden = []
        for veld in self.velden:
            if not veld.zichtbaar(effective):
                hidden.append(veld.naam)
                effective[veld.naam] = None
        return hidden

    def verplicht(self, data: Mapping[str, Any]) -> list[str]:
        """Mandatory fields given the answers: some questions only count after another one."""
        hidden = self.verborgen(data)
        return [
            v.naam
            for v in self.velden
            if v.naam not in hidden and v.verplicht_bij(self.organisatietype, data)
        ]

    def show_when(self) -> dict[str, str]:
        """Each conditional field's condition, for the browser to show and hide it."""
        return {v.naam: v.toon_als.show_when() for v in self.velden if v.toon_als is not None}

    def ontbrekend(self, data: Mapping[str, Any]) -> list[str]:
        """The mandatory fields still blank, in the form's order."""
        return [name for name in self.verplicht(data) if leeg(data.get(name))]

    def fouten(self, data: Mapping[str, Any]) -> dict[str, str]:
        """The message per mandatory field still blank."""
        missing = set(self.ontbrekend(data))
        return {v.naam: v.melding for v in self.velden if v.naam in missing}

    def te_veel(self, data: Mapping[str, Any]) -> dict[str, str]:
        """The message per multiple choice with more answers than it allows."""
        return {
            v.naam: v.melding_maximum
            for v in self.velden
            if v.maximum is not None and len(data.get(v.naam) or []) > v.maximum
        }


class Formulier:
    def __init__(self, *velden: Veld) -> None:
        self.velden = velden

    def voor(self, organisatietype: str, kenmerken: Collection[str] = ()) -> Invulling:
        return Invulling(
            organisatietype,
            tuple(v for v in self.velden if v.voor(organisatietype, kenmerken)),
        )
