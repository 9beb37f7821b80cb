from django.urls import path

from borgerpost.retention import views

urlpatterns = [
    path("udskrifter/", views.printed_copies, name="printed-copies"),
    path("udskrifter/<int:pk>/afleveret/", views.hand_in, name="printed-copy-hand-in"),
]
