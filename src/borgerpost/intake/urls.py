from django.urls import path

from borgerpost.intake import views

urlpatterns = [
    path("postkasser/hovedpostkassen/", views.main_mailbox, name="main-mailbox"),
    path("postkasser/min-mappe/", views.member_folder, name="member-folder"),
    path("postkasser/borgerraadgiver/", views.counsellor_mailbox, name="counsellor-mailbox"),
    path("postkasser/<int:pk>/afbryd/", views.disconnect, name="mailbox-disconnect"),
    path("postkasser/<int:pk>/hent/", views.read_now, name="mailbox-read-now"),
    path("karantaene/", views.quarantine, name="quarantine"),
    path("karantaene/<int:pk>/original/", views.quarantine_original, name="quarantine-original"),
    path("karantaene/<int:pk>/afslut/", views.quarantine_resolve, name="quarantine-resolve"),
]
