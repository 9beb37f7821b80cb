from django.urls import path, re_path

from borgerpost.api import views

# Plain string parameters: anything that is not a known municipality or an id gets the
# API's own JSON 404, never an HTML page.
urlpatterns = [
    path("openapi.json", views.openapi, name="api-openapi"),
    path("<str:municipality>/henvendelser", views.inquiries, name="api-inquiries"),
    path("<str:municipality>/henvendelser/<str:pk>", views.inquiry, name="api-inquiry"),
    path(
        "<str:municipality>/henvendelser/<str:pk>/journalnummer",
        views.case_number,
        name="api-case-number",
    ),
    path("<str:municipality>/digital-post", views.digital_post, name="api-digital-post"),
    path(
        "<str:municipality>/digital-post/memo",
        views.digital_post_memo,
        name="api-digital-post-memo",
    ),
    re_path(r"^(?P<path>.*)$", views.not_found, name="api-not-found"),
]
