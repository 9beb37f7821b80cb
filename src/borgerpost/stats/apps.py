from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "borgerpost.stats"
    label = "stats"
    verbose_name = "Overblik"
