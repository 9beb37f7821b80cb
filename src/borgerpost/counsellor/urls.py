from django.urls import path

from borgerpost.counsellor import views

urlpatterns = [
    path("borgerraadgiver/", views.case_list, name="counsellor-cases"),
    path("borgerraadgiver/ny/", views.case_edit, name="counsellor-case-new"),
    path("borgerraadgiver/<int:pk>/", views.case_edit, name="counsellor-case"),
    path("borgerraadgiver/<int:pk>/trin/", views.case_step, name="counsellor-case-step"),
    path(
        "borgerraadgiver/<int:pk>/udtalelse/",
        views.send_statement,
        name="counsellor-statement-send",
    ),
    path("borgerraadgiver/aarsberetning/", views.report, name="counsellor-report"),
    path("borgerraadgiver/anbefalinger/", views.recommendations, name="counsellor-recommendations"),
    path("borgerraadgiver/laering/", views.learning, name="counsellor-learning"),
    path("borgerraadgiver/tid/", views.time_split, name="counsellor-time"),
    path("borgerraadgiver/import/", views.import_cases, name="counsellor-import"),
    path("borgerraadgiver/post/", views.mail_list, name="counsellor-mail"),
]
