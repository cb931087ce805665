"""What a Groeipakket message (D227) says and where it stands."""

from django.db import models


class BerichtActie(models.TextChoices):
    """What a Groeipakket message (D227) tells the funds about a schakeling."""

    AANMAAK = "aanmaak", "Aanmaak"
    WIJZIGING = "wijziging", "Wijziging"
    ANNULERING = "annulering", "Annulering"


class BerichtStatus(models.TextChoices):
    """A message's way: queued, sent, then accepted or rejected by the fund; 'mislukt' when
    delivery kept failing and a person must act."""

    WACHTRIJ = "wachtrij", "Wacht op verzending"
    VERZONDEN = "verzonden", "Verzonden"
    AANVAARD = "aanvaard", "Aanvaard"
    GEWEIGERD = "geweigerd", "Geweigerd"
    MISLUKT = "mislukt", "Mislukt"
