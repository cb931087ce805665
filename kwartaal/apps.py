from django.apps import AppConfig


class KwartaalConfig(AppConfig):
    name = "kwartaal"
    verbose_name = "Modulair kwartaal"
