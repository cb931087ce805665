"""django-axes under its Dutch name in Opgroeien's screens (a module of its own: `binc.apps`
must hold one AppConfig only)."""

from axes.apps import AppConfig


class AxesConfig(AppConfig):
    verbose_name = "Aanmeldbeveiliging"
