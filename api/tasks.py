from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from api import webhooks
from api.models import Antwoord, Verzoekteller
from api.services import ANTWOORD_BEWAARD


@shared_task(name="api.tasks.opruimen")
def opruimen() -> int:
    """Hourly: answers past their day, request counts past their minute."""
    nu = timezone.now()
    antwoorden, _ = Antwoord.objects.filter(aangemaakt_op__lt=nu - ANTWOORD_BEWAARD).delete()
    tellers, _ = Verzoekteller.objects.filter(minuut__lt=nu - timedelta(hours=1)).delete()
    return antwoorden + tellers


@shared_task(name="api.tasks.webhooks_afleveren")
def webhooks_afleveren() -> int:
    """Every minute: the events each subscription has not received yet."""
    return webhooks.afleveren()
