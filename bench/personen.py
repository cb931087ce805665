"""What the API benchmark's preparation and its clients share, free of Django (bin/bench-api
imports it before any settings)."""

import datetime


def geboren(i: int) -> datetime.date:
    return datetime.date(2010, 1, 1) + datetime.timedelta(days=i % 3650)


def nummer(i: int) -> str:
    """A valid rijksregisternummer of a child born in 2010-2019, distinct for each i."""
    base = f"{geboren(i):%y%m%d}{900 + i // 3650:03d}"
    return f"{base}{97 - int('2' + base) % 97:02d}"
