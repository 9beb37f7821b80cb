from django.urls import path

from borgerpost.notices import views

urlpatterns = [
    path("nyt/", views.notices, name="notices"),
    path("nyt/laest/", views.mark_all_read, name="notices-read"),
    path("nyt/<int:pk>/", views.open_notice, name="notice-open"),
]
