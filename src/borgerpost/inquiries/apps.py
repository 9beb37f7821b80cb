from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "borgerpost.inquiries"
    label = "inquiries"
    verbose_name = "Borgerhenvendelser"

    def ready(self) -> None:
        from borgerpost.inquiries import signals  # noqa: F401 - keep the counters
