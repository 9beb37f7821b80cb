from django.urls import path

from borgerpost.stats import views

urlpatterns = [path("overblik/", views.overview, name="overview")]
