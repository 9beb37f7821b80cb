from django.urls import path

from . import views

urlpatterns = [
    path("ikke-sendt/", views.undelivered, name="undelivered"),
    path("ikke-sendt/<int:pk>/prov-igen/", views.retry, name="outgoing-retry"),
    path("ikke-sendt/<int:pk>/haandteret/", views.handled, name="outgoing-handled"),
]
