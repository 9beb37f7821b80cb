from django.apps import AppConfig


class LoginConfig(AppConfig):
    name = "borgerpost.login"
    label = "login"
    verbose_name = "Log-in: adgangskode, to-faktor, single sign-on og udelukkelse"

    def ready(self) -> None:
        from borgerpost.login import lockout, twofactor  # noqa: F401 - connect their signals
