from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "borgerpost.notices"
    label = "notices"
    verbose_name = "Nyt til mig"
