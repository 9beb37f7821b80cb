"""A URL configuration with a view that fails, for the error-page test."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from borgerpost.core.access import public


@public("test only: fails on purpose")
def fails(request: HttpRequest) -> HttpResponse:
    raise ValueError("Min søn har ADHD, cpr 0101901234")


urlpatterns = [path("fejl/", fails), path("", include("borgerpost.urls"))]
handler500 = "borgerpost.core.errors.server_error"
