from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "borgerpost.jobs"
    label = "jobs"
    verbose_name = "Baggrundsarbejde"
