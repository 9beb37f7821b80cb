from django.apps import AppConfig


class CounsellorConfig(AppConfig):
    name = "borgerpost.counsellor"
    label = "counsellor"
    verbose_name = "Borgerrådgiveren"
