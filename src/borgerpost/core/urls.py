from django.urls import path

from borgerpost.core import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indstillinger/", views.settings_overview, name="settings"),
    path("indstillinger/centre/ny/", views.centre_edit, name="centre-new"),
    path("indstillinger/centre/<int:pk>/", views.centre_edit, name="centre-edit"),
    path("indstillinger/udvalg/ny/", views.committee_edit, name="committee-new"),
    path("indstillinger/udvalg/<int:pk>/", views.committee_edit, name="committee-edit"),
    path("indstillinger/personer/ny/", views.person_add, name="person-new"),
    path("indstillinger/roller/<int:pk>/fjern/", views.membership_remove, name="membership-remove"),
    path("indstillinger/roller/<int:pk>/adgangskode/", views.password_set, name="password-set"),
    path(
        "indstillinger/roller/<int:pk>/nulstil-to-faktor/",
        views.two_factor_reset,
        name="two-factor-reset",
    ),
    path(
        "indstillinger/roller/<int:pk>/to-faktor-kode/",
        views.enrolment_code,
        name="enrolment-code",
    ),
]
