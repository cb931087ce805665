from django.apps import AppConfig


class BezettingConfig(AppConfig):
    name = "bezetting"
    verbose_name = "Benutting en bezetting"
