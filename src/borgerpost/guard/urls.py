from django.urls import path

from borgerpost.guard import views

urlpatterns = [
    path("indstillinger/ord/", views.guard_terms, name="guard-terms"),
    path("indstillinger/ord/<int:pk>/fjern/", views.guard_term_remove, name="guard-term-remove"),
]
