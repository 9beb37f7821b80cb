from django.urls import path

from borgerpost.audit import views

urlpatterns = [
    path("databeskyttelse/", views.dpo_overview, name="dpo"),
]
