from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "borgerpost.core"
    label = "core"
    verbose_name = "Kommuner, roller og log"
