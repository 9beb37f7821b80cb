from django.urls import path

from borgerpost.inquiries import views

urlpatterns = [
    path("henvendelser/", views.inbox, name="inbox"),
    path("henvendelser/eksport/", views.export, name="inquiry-export"),
    path("henvendelser/ny/", views.register, name="inquiry-new"),
    path("henvendelser/upload/", views.upload_eml, name="inquiry-upload"),
    path("henvendelser/<int:pk>/", views.detail, name="inquiry-detail"),
    path("henvendelser/<int:pk>/vurdering/", views.triage_view, name="inquiry-triage"),
    path("henvendelser/<int:pk>/kvittering/paatag/", views.take_ack_view, name="inquiry-take-ack"),
    path("henvendelser/<int:pk>/kvittering/", views.ack_view, name="inquiry-ack"),
    path("henvendelser/<int:pk>/sociale-medier/", views.social_view, name="inquiry-social"),
    path("henvendelser/<int:pk>/varsling/", views.notice_view, name="inquiry-notice"),
    path("henvendelser/<int:pk>/til-administrationen/", views.forward_view, name="inquiry-forward"),
    path("henvendelser/<int:pk>/svar/", views.reply_view, name="inquiry-reply"),
    path("henvendelser/<int:pk>/videresend/", views.forward_mail_view, name="inquiry-forward-mail"),
    path("henvendelser/<int:pk>/kopi/", views.copy_view, name="inquiry-copy"),
    path("henvendelser/<int:pk>/svarudkast/", views.draft_request_view, name="inquiry-draft"),
    path("henvendelser/<int:pk>/dagsorden/", views.agenda_view, name="inquiry-agenda"),
    path("henvendelser/<int:pk>/afslut/", views.close_view, name="inquiry-close"),
    path("henvendelser/<int:pk>/fordeling/", views.assign_view, name="inquiry-assign"),
    path("henvendelser/<int:pk>/noter/", views.note_view, name="inquiry-note"),
    path("henvendelser/<int:pk>/frist/", views.extend_view, name="inquiry-extend"),
    path(
        "henvendelser/<int:pk>/administrationens-svar/",
        views.admin_answer_view,
        name="inquiry-admin-answer",
    ),
    path("vedhaeftninger/<int:pk>/", views.attachment_download, name="attachment"),
    path("administration/", views.administration_queue, name="administration-queue"),
    path("svarudkast/<int:pk>/", views.write_draft, name="draft-write"),
    path("dagsordensforslag/", views.proposals, name="proposals"),
    path("dagsordensforslag/<int:pk>/status/", views.decide_proposal, name="proposal-decide"),
    path("overskredne/", views.overdue, name="overdue"),
]
