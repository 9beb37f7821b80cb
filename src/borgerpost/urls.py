from django.contrib.auth import views as auth_views
from django.urls import include, path

from borgerpost.core import views as core

urlpatterns = [
    path("", core.home, name="home"),
    path("healthz", core.healthz, name="healthz"),
    path("login/", core.BorgerpostLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("k/<slug:municipality>/", include("borgerpost.core.urls")),
    path("k/<slug:municipality>/", include("borgerpost.inquiries.urls")),
    path("k/<slug:municipality>/", include("borgerpost.guard.urls")),
    path("k/<slug:municipality>/", include("borgerpost.letters.urls")),
    path("k/<slug:municipality>/", include("borgerpost.counsellor.urls")),
    path("k/<slug:municipality>/", include("borgerpost.retention.urls")),
    path("k/<slug:municipality>/", include("borgerpost.intake.urls")),
]

handler403 = "borgerpost.core.errors.forbidden"
handler404 = "borgerpost.core.errors.not_found"
handler500 = "borgerpost.core.errors.server_error"
