from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "borgerpost.intake"
    label = "intake"
    verbose_name = "Postkasser og modtagelse af mail"
