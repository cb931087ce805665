from kwartaal.models import VerwerktJaar


def verwerkte_jaren() -> set[int]:
    """Years whose kwartalen are all 'verwerkt' (000 §12.2)."""
    return set(VerwerktJaar.objects.values_list("jaar", flat=True))
