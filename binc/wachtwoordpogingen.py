"""Password guessing is throttled per account and per address (ASVS V6, django-axes), each with
its own limit: five wrong passwords lock the account, but a voorziening's staff usually share
one public address, so the address locks only after many more (`AXES_ADRES_LIMIT`): one
person's typing errors never lock out their colleagues."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_lockout_parameters
from django.conf import settings
from django.db.models import Sum


class AxesPerAccountEnAdres(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        """The failures that count against `AXES_FAILURE_LIMIT`: the account's, or the
        address's once it reached its own limit."""
        parameters = get_lockout_parameters(request, credentials)
        tellingen = {
            str(parameter): pogingen.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for parameter, pogingen in zip(
                parameters, self.get_user_attempts(request, credentials), strict=True
            )
        }
        adres = tellingen.get("ip_address", 0)
        return max(tellingen.get("username", 0), adres if adres >= settings.AXES_ADRES_LIMIT else 0)
