from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "borgerpost.retention"
    label = "retention"
    verbose_name = "Sletning af personoplysninger"
