"""Documenten delen (000 ch. 18): limits and statuses."""

from django.db import models

# 000 §18: documents are available at most 30 days ('delen tot en met' today + 30).
MAX_DAGEN = 30
# A failed notification is tried again by the beat job this many times before it stays failed.
MAX_MAILPOGINGEN = 5


class MailStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "Wordt verzonden"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Niet verzonden"
