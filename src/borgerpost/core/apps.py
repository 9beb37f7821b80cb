from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "borgerpost.core"
    label = "core"
    verbose_name = "Kommuner, roller og log"

    def ready(self) -> None:
        from borgerpost.core import checks  # noqa: F401 - registers the system checks
