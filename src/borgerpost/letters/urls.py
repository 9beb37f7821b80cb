from django.urls import path

from borgerpost.letters import views

urlpatterns = [
    path("breve/", views.letter_list, name="letters"),
    path("breve/nyt/", views.letter_edit, name="letter-new"),
    path("breve/systemer/", views.sending_systems, name="sending-systems"),
    path("breve/systemer/<int:pk>/", views.sending_system, name="sending-system"),
    path(
        "breve/systemer/<int:pk>/slags/",
        views.sending_system_kind_add,
        name="sending-system-kind-add",
    ),
    path(
        "breve/systemer/slags/<int:pk>/slet/",
        views.sending_system_kind_delete,
        name="sending-system-kind-delete",
    ),
    path("breve/<int:pk>/", views.letter_detail, name="letter-detail"),
    path("breve/<int:pk>/ret/", views.letter_edit, name="letter-edit"),
    path("breve/<int:pk>/frigiv/", views.letter_release, name="letter-release"),
    path("breve/<int:pk>/kladde/", views.letter_redraft, name="letter-redraft"),
    path("borgere/", views.citizen_list, name="citizens"),
    path("borgere/<int:pk>/", views.citizen_detail, name="citizen-detail"),
    path("brevskabeloner/", views.template_list, name="letter-templates"),
    path("brevskabeloner/ny/", views.template_edit, name="letter-template-new"),
    path("brevskabeloner/<int:pk>/", views.template_edit, name="letter-template-edit"),
]
