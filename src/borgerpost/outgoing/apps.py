from django.apps import AppConfig


class OutgoingConfig(AppConfig):
    name = "borgerpost.outgoing"
    label = "outgoing"
    verbose_name = "Udgående post"
