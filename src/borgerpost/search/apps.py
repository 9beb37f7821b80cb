from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "borgerpost.search"
    label = "search"
    verbose_name = "Søgning"

    def ready(self) -> None:
        from borgerpost.search import signals  # noqa: F401 - keep the index in step
