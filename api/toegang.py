"""Who calls and what it may do: an OAuth2 access token of an active koppeling, its scopes, its
voorziening (the same fail-closed tenancy as the screens) and its rate limit."""

import base64
import binascii
import datetime
import hashlib

from django.conf import settings
from django.utils import timezone
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from oauth2_provider.models import AccessToken
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.scopes import SettingsScopes
from oauth2_provider.views import TokenView as BaseTokenView
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.throttling import BaseThrottle

from api.models import Koppeling
from api.services import verzoek_tellen
from lib.invoer import NUL_TEKEN, oauth_fout


class KoppelingValidator(OAuth2Validator):
    """The token with its koppeling, the koppeling's voorziening and user in one query: the
    check every call pays for. A revoked koppeling's client is unknown: `invalid_client`."""

    def _load_application(self, client_id, request):
        if not client_id or "\x00" in client_id:
            return None
        application = super()._load_application(client_id, request)
        if application is None:
            return None
        if Koppeling.alle.filter(application=application, ingetrokken_op__isnull=False).exists():
            return None
        return application

    def _load_access_token(self, token):
        checksum = hashlib.sha256(token.encode()).hexdigest()
        return (
            AccessToken.objects.select_related(
                "application__koppeling__voorziening", "application__koppeling__gebruiker"
            )
            .filter(token_checksum=checksum)
            .first()
        )


class KoppelingAuthentication(OAuth2Authentication):
    """A bearer token of a koppeling that is not revoked; the call acts as its user."""

    def authenticate(self, request):
        resultaat = super().authenticate(request)
        if resultaat is None:
            return None
        _, token = resultaat
        # The token names the koppeling, and the koppeling its voorziening: read with the token
        # (KoppelingValidator), before any voorziening is active.
        koppeling = getattr(token.application, "koppeling", None)
        if koppeling is None or not koppeling.actief:
            raise exceptions.AuthenticationFailed("Deze koppeling werd ingetrokken.")
        request.koppeling = koppeling
        return koppeling.gebruiker, token


class KoppelingScopes(SettingsScopes):
    """A token gets at most the scopes its koppeling was given (and those by default)."""

    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        koppeling = Koppeling.alle.filter(  # at /token/, before any voorziening is active
            application=application, ingetrokken_op__isnull=True
        ).first()
        return koppeling.scopes.split() if koppeling else []

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        return self.get_available_scopes(application, request)


class HeeftScope(BasePermission):
    """Reading asks 'lezen', every change 'schrijven'."""

    message = "Deze koppeling mag dit niet: het vraagt het recht '{scope}'."

    def has_permission(self, request, view) -> bool:
        scope = "lezen" if request.method in SAFE_METHODS else "schrijven"
        if request.auth is not None and request.auth.allow_scopes([scope]):
            return True
        self.message = HeeftScope.message.format(scope=scope)
        return False


class PerKoppeling(BaseThrottle):
    """`API_VERZOEKEN_PER_MINUUT` per koppeling, counted in PostgreSQL so the whole fleet keeps
    one count; over it, 429 with Retry-After until the next minute."""

    def allow_request(self, request, view) -> bool:
        koppeling = getattr(request, "koppeling", None)
        if koppeling is None:
            return True
        self.nu = timezone.now()
        return verzoek_tellen(koppeling, self.nu) <= settings.API_VERZOEKEN_PER_MINUUT

    def wait(self) -> float:
        volgende = self.nu.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
        return max(1.0, (volgende - self.nu).total_seconds())


class TokenView(BaseTokenView):
    """`POST /api/v1/token/`: only the client-credentials grant; anything else is refused as
    OAuth 2 says (RFC 6749 §5.2), never a server error. A NUL in the body is refused before
    (lib.invoer); one in the Basic credentials here."""

    def post(self, request, *args, **kwargs):
        if _nul_in_basic(request):
            return oauth_fout("invalid_request", NUL_TEKEN)
        if request.POST.get("grant_type") != "client_credentials":
            return oauth_fout(
                "unsupported_grant_type", "Enkel grant_type=client_credentials is mogelijk."
            )
        return super().post(request, *args, **kwargs)


def _nul_in_basic(request) -> bool:
    soort, _, waarde = request.headers.get("Authorization", "").partition(" ")
    if soort.lower() != "basic":
        return False
    try:
        return "\x00" in base64.b64decode(waarde).decode("utf-8", "replace")
    except (ValueError, binascii.Error):
        return False
