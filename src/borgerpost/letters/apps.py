from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "borgerpost.letters"
    label = "letters"
    verbose_name = "Breve til borgere"
