"""Werklijsten: what needs doing, computed from the rules each app owns.

Each kind of item is a `Werksoort` that its app registers in ``AppConfig.ready()``: a pure rule
that turns a plain row into an item (or nothing), and one set-based query that hands it the
candidate rows. A list asks every kind of its audience; nothing is stored, so a list can never
drift from the data it is computed from: completing the action removes the item."""

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.urls import reverse
from openpyxl import Workbook

from binc.models import Gebruiker, Voorziening


class Doelgroep(StrEnum):
    VOORZIENING = "voorziening"
    OPGROEIEN = "opgroeien"


@dataclass(frozen=True)
class Werkitem:
    """One thing to do: what, why in the manual's words, by when (or since when), the link to
    the action, and whose it is (the dossier's behandelaar; None: the team's)."""

    soort: str
    wat: str
    waarom: str
    datum: datetime.date
    # The action's URL name, its arguments and a query string: reversed only when shown, so
    # counting thousands of items costs no URL resolving.
    actie: str
    args: tuple = ()
    query: str = ""
    # The date is a deadline ("uiterlijk"), or the day it became due ("sinds").
    termijn: bool = True
    behandelaar_id: int | None = None
    voorziening: str = ""
    # Whom it waits for when nobody of the voorziening can act ("Opgroeien"): shown apart,
    # never in the counts of what the team has to do.
    wacht_op: str = ""

    @property
    def url(self) -> str:
        url = reverse(self.actie, args=self.args)
        return f"{url}?{self.query}" if self.query else url

    def achterstallig(self, vandaag: datetime.date) -> bool:
        """A deadline that passed; what is due since a day is due already, not late."""
        return self.termijn and self.datum < vandaag


@dataclass(frozen=True)
class Werkcontext:
    """Who asks and on which day: the rules read the day from here, never from the clock."""

    vandaag: datetime.date
    gebruiker: Gebruiker
    voorziening: Voorziening | None = None


@dataclass(frozen=True)
class Werksoort:
    sleutel: str
    label: str
    doelgroep: Doelgroep
    items: Callable[[Werkcontext], list[Werkitem]]
    # Opgroeien: the permission of the screen its items link to; without it, not listed.
    permissie: str = ""


_soorten: dict[tuple[Doelgroep, str], Werksoort] = {}


def registreer(*soorten: Werksoort) -> None:
    for soort in soorten:
        _soorten[soort.doelgroep, soort.sleutel] = soort


def soorten(doelgroep: Doelgroep, gebruiker: Gebruiker | None = None) -> list[Werksoort]:
    """The kinds of an audience; with `gebruiker`, those whose action the person may take."""
    return [
        s
        for s in _soorten.values()
        if s.doelgroep == doelgroep
        and (gebruiker is None or not s.permissie or gebruiker.has_perm(s.permissie))
    ]


def volgorde(item: Werkitem, vandaag: datetime.date) -> tuple:
    """By urgency: deadlines passed first, then by the date (the oldest due, the nearest
    deadline), then by what it is."""
    return (not item.achterstallig(vandaag), item.datum, item.wat)


def werklijst(context: Werkcontext, doelgroep: Doelgroep, *, soort: str = "") -> list[Werkitem]:
    """Every item of the audience's kinds (or of one kind), most urgent first: one or two
    queries per kind, whatever the data's size."""
    items = [
        item
        for werksoort in soorten(doelgroep, context.gebruiker)
        if not soort or werksoort.sleutel == soort
        for item in werksoort.items(context)
    ]
    return sorted(items, key=lambda item: volgorde(item, context.vandaag))


@dataclass(frozen=True)
class Tellingen:
    """The start page's counts: mine, and the whole team's, with how many are late."""

    mijn: int
    mijn_achterstallig: int
    team: int
    team_achterstallig: int
    # What waits for others (Opgroeien): apart, not in the counts above.
    wachtend: int = 0


def tellingen(items: Iterable[Werkitem], *, gebruiker_id: int, vandaag: datetime.date) -> Tellingen:
    items = list(items)
    aantal: Counter[tuple[bool, bool]] = Counter(
        (item.behandelaar_id == gebruiker_id, item.achterstallig(vandaag))
        for item in items
        if not item.wacht_op
    )
    mijn = aantal[True, False] + aantal[True, True]
    return Tellingen(
        mijn=mijn,
        mijn_achterstallig=aantal[True, True],
        team=mijn + aantal[False, False] + aantal[False, True],
        team_achterstallig=aantal[True, True] + aantal[False, True],
        wachtend=sum(1 for item in items if item.wacht_op),
    )


def werklijst_xlsx(
    items: list[Werkitem],
    *,
    titel: str,
    vandaag: datetime.date,
    labels: dict[str, str],
    namen: dict[int, str],
) -> Workbook:
    """The list as it is shown: one row per item, with its kind, the dates as dates."""
    boek = Workbook()
    blad = boek.active
    blad.title = "Werklijst"
    blad.append([titel])
    blad.append([f"Op {vandaag:%d/%m/%Y}"])
    blad.append([])
    blad.append(["Soort", "Wat", "Waarom", "Datum", "Te laat", "Voorziening", "Behandelaar"])
    for item in items:
        blad.append(
            [
                labels[item.soort],
                item.wat,
                item.waarom,
                item.datum,
                "ja" if item.achterstallig(vandaag) else "",
                item.voorziening,
                namen.get(item.behandelaar_id or 0, "Team"),
            ]
        )
        blad.cell(blad.max_row, 4).number_format = "DD/MM/YYYY"
    return boek
