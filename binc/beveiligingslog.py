"""Every authentication event in the security log (ASVS V16): login, logout, failure, lockout
and the choice of a voorziening, with UTC time, who (by id) and from where. Never a password;
what someone typed as user name is logged only as a keyed hash, since it may be a national
number."""

import datetime
import hashlib
import hmac
import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest

from binc.sessies import sessie_starten

logger = logging.getLogger("binc.beveiligingslog")


def _adres(request: HttpRequest | None) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def pseudoniem(tekst: str) -> str:
    sleutel = settings.SECRET_KEY.encode()
    return hmac.new(sleutel, tekst.encode(), hashlib.sha256).hexdigest()[:16]


def gebeurtenis(soort: str, request: HttpRequest | None, **velden: object) -> None:
    tijd = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    extra = " ".join(f"{k}={v}" for k, v in velden.items())
    logger.info("%s tijd=%s adres=%s %s", soort, tijd, _adres(request), extra)


def _aangemeld(sender, request, user, **kwargs) -> None:
    sessie_starten(request)
    gebeurtenis("aanmelding", request, gebruiker=user.pk)


def _afgemeld(sender, request, user, **kwargs) -> None:
    gebeurtenis("afmelding", request, gebruiker=getattr(user, "pk", None))


def _mislukt(sender, credentials, request=None, **kwargs) -> None:
    gebeurtenis("aanmelding_mislukt", request, login=pseudoniem(credentials.get("username", "")))


def _geblokkeerd(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    gebeurtenis("geblokkeerd", request, login=pseudoniem(username or ""))


def verbinden() -> None:
    from axes.signals import user_locked_out

    user_logged_in.connect(_aangemeld, dispatch_uid="binc_aangemeld")
    user_logged_out.connect(_afgemeld, dispatch_uid="binc_afgemeld")
    user_login_failed.connect(_mislukt, dispatch_uid="binc_mislukt")
    user_locked_out.connect(_geblokkeerd, dispatch_uid="binc_geblokkeerd")
