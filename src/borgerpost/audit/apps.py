from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "borgerpost.audit"
    label = "audit"
    verbose_name = "Revisionslog og databeskyttelse"
