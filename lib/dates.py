"""Calendar arithmetic the rules share: pure, no clock."""

import datetime


def leeftijd(geboortedatum: datetime.date, op: datetime.date) -> int:
    """Age in whole years on a day."""
    return (
        op.year
        - geboortedatum.year
        - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter; past the
    calendar's end, its last day (a term that ends after 9999 never ends)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def langer_dan_een_jaar(van: datetime.date, tot: datetime.date) -> bool:
    """Whether the period, counted up to and including `tot`, lasts more than a year: it may
    run up to the day before the same date a year later (28 February after 29 February)."""
    try:
        grens = van.replace(year=van.year + 1)
    except ValueError:  # 29 February
        grens = datetime.date(van.year + 1, 3, 1)
    return tot >= grens


# 000 §12: Binc's first kwartalen are those of 2015; no care is registered before.
BINC_BEGIN = datetime.date(2015, 1, 1)
VROEGSTE_GEBOORTE = datetime.date(1900, 1, 1)
VOOR_BINC = "Binc registreert zorg vanaf 1 januari 2015: kies een latere datum."
VOOR_GEBOORTE = "Deze datum ligt vóór de geboorte van de cliënt ({geboorte:%d/%m/%Y})."
TE_VER = "Deze datum ligt meer dan een jaar in de toekomst: kies {max:%d/%m/%Y} of vroeger."
ONMOGELIJKE_GEBOORTE = "Deze geboortedatum kan niet: kies een datum na 1 januari 1900."


def uiterste_datum(vandaag: datetime.date) -> datetime.date:
    """No date lies more than a year ahead: a typo (2062 for 2026) is caught at the field."""
    return add_months(vandaag, 12)


def zorgdatum_fout(
    datum: datetime.date, *, vandaag: datetime.date | None, geboorte: datetime.date | None = None
) -> str:
    """Why a date of care (aanmelding, beslissing, schakeling) cannot be, or ''."""
    if datum < BINC_BEGIN:
        return VOOR_BINC
    if geboorte is not None and datum < geboorte:
        return VOOR_GEBOORTE.format(geboorte=geboorte)
    if vandaag is not None and datum > uiterste_datum(vandaag):
        return TE_VER.format(max=uiterste_datum(vandaag))
    return ""


def geboortedatum_fout(datum: datetime.date, *, vandaag: datetime.date) -> str:
    if datum < VROEGSTE_GEBOORTE:
        return ONMOGELIJKE_GEBOORTE
    if datum > uiterste_datum(vandaag):
        return TE_VER.format(max=uiterste_datum(vandaag))
    return ""


def iso_of_none(tekst: str | None) -> datetime.date | None:
    """An ISO date as JSON carries it (a worked case, a PostgreSQL json_agg), or None."""
    return datetime.date.fromisoformat(tekst) if tekst else None
