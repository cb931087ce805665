"""OpenID Connect login, standing in for eHealth/itsme (000 §1.1).

The identity provider vouches for a person's rijksregisternummer; Binc matches it to a
gebruiker provisioned by gebruikersbeheer. A login never creates an account.
"""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from binc.models import Gebruiker


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
