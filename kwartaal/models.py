from django.db import models


class VerwerktJaar(models.Model):
    """A year whose kwartalen Opgroeien has processed ('verwerkt', 000 §12.2). Filled by hand in
    the Opgroeien area until the kwartaal screens set it; it locks that year's schakelingen
    (000 §4.2.4.1)."""

    jaar = models.PositiveSmallIntegerField("jaar", unique=True)
    verwerkt_op = models.DateTimeField("verwerkt op", auto_now_add=True)

    class Meta:
        verbose_name = "verwerkt jaar"
        verbose_name_plural = "verwerkte jaren"
        ordering = ["-jaar"]

    def __str__(self) -> str:
        return str(self.jaar)
