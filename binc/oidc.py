"""OpenID Connect login, standing in for eHealth/itsme (000 §1.1).

The identity provider vouches for a person's rijksregisternummer; Binc matches it to a
gebruiker provisioned by gebruikersbeheer. A login never creates an account.
"""

import logging

import jwt
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from binc.models import Gebruiker

logger = logging.getLogger("binc.beveiligingslog")


class RijksregisternummerOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        nummer = "".join(
            ch
            for ch in str(claims.get(settings.OIDC_RIJKSREGISTERNUMMER_CLAIM, ""))
            if ch.isascii() and ch.isdigit()  # isdigit alone also takes '²'
        )
        if len(nummer) != 11:
            return Gebruiker.objects.none()
        return Gebruiker.objects.filter(rijksregisternummer=nummer, is_active=True)

    def verify_claims(self, claims):
        return bool(claims.get(settings.OIDC_RIJKSREGISTERNUMMER_CLAIM))

    def verify_token(self, token, **kwargs):
        """A token whose signature, expiry or nonce does not hold refuses the login (the
        library lets an expired one through as a server error)."""
        try:
            return super().verify_token(token, **kwargs)
        except jwt.InvalidTokenError as fout:
            raise SuspiciousOperation(f"Ongeldig token: {fout.__class__.__name__}") from fout

    def authenticate(self, request, **kwargs):
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as fout:
            logger.warning("oidc_geweigerd reden=%s", fout)
            return None
