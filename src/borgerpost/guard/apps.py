from django.apps import AppConfig


class GuardConfig(AppConfig):
    name = "borgerpost.guard"
    label = "guard"
    verbose_name = "Beskyttelse af følsomme oplysninger"
