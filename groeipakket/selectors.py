"""What the Groeipakket app tells the screens of other apps."""

from groeipakket.models import GroeipakketBericht


def berichten_per_schakeling(dossier_id: int) -> dict[int, list[GroeipakketBericht]]:
    """A dossier's messages per schakeling, newest first (one query): its page shows what the
    funds were told of each schakeling (000 §4.2)."""
    result: dict[int, list[GroeipakketBericht]] = {}
    for bericht in GroeipakketBericht.objects.filter(dossier_id=dossier_id).order_by(
        "-aangemaakt_op", "-id"
    ):
        result.setdefault(bericht.schakeling_id, []).append(bericht)
    return result
