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
    """The same day `months` later, or the month's last day when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
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
