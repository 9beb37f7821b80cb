from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "borgerpost.inquiries"
    label = "inquiries"
    verbose_name = "Borgerhenvendelser"
