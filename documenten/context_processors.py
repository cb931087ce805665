from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from documenten import selectors
from documenten.access import documenten_lezer


def documenten(request: HttpRequest) -> dict:
    """The menu's 'Ontvangen documenten (n)' (000 §18.3), computed only where a page shows it."""
    if not request.user.is_authenticated:
        return {}

    def menu() -> dict:
        lezer = documenten_lezer(request)
        if lezer.voorziening is not None:
            return {"alleen_dienst": False, "ongeopend": selectors.ongeopend_aantal(lezer=lezer)}
        return {
            "alleen_dienst": bool(lezer.diensten),
            "ongeopend": selectors.ongeopend_aantal(lezer=lezer) if lezer.diensten else 0,
        }

    return {"documenten_menu": SimpleLazyObject(menu)}
