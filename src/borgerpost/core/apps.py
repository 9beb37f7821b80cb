from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "borgerpost.core"
    label = "core"
    verbose_name = "Kommuner, roller og log"

    def ready(self) -> None:
        from borgerpost.core import (  # noqa: F401 - connect their signals
            checks,
            cleaning,
        )
