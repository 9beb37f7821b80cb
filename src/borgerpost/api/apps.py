from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "borgerpost.api"
    label = "api"
    verbose_name = "API til integrationer"
