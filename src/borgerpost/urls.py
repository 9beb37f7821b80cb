from django.contrib.auth import views as auth_views
from django.urls import include, path

from borgerpost.core import views as core
from borgerpost.core.access import public
from borgerpost.login import oidc, twofactor
from borgerpost.login import views as login

urlpatterns = [
    path("", core.home, name="home"),
    path("healthz", core.healthz, name="healthz"),
    path(
        "login/",
        public("the log-in page; locked out after repeated failures")(
            login.BorgerpostLoginView.as_view()
        ),
        name="login",
    ),
    path("login/totp/", twofactor.totp_verify, name="totp-verify"),
    path("oidc/authenticate/", oidc.start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
    path("login/totp/opret/", twofactor.totp_setup, name="totp-setup"),
    path("login/totp/link/<str:secret>/", twofactor.totp_link, name="totp-link"),
    path("konto/adgangskode/", login.own_password, name="own-password"),
    path(
        "logout/",
        public("ends the session; POST only")(auth_views.LogoutView.as_view()),
        name="logout",
    ),
    path("api/v1/", include("borgerpost.api.urls")),
    path("k/<slug:municipality>/", include("borgerpost.core.urls")),
    path("k/<slug:municipality>/", include("borgerpost.audit.urls")),
    path("k/<slug:municipality>/", include("borgerpost.inquiries.urls")),
    path("k/<slug:municipality>/", include("borgerpost.guard.urls")),
    path("k/<slug:municipality>/", include("borgerpost.letters.urls")),
    path("k/<slug:municipality>/", include("borgerpost.counsellor.urls")),
    path("k/<slug:municipality>/", include("borgerpost.retention.urls")),
    path("k/<slug:municipality>/", include("borgerpost.intake.urls")),
    path("k/<slug:municipality>/", include("borgerpost.outgoing.urls")),
    path("k/<slug:municipality>/", include("borgerpost.notices.urls")),
    path("k/<slug:municipality>/", include("borgerpost.stats.urls")),
]

handler400 = "borgerpost.core.errors.bad_request"
handler403 = "borgerpost.core.errors.forbidden"
handler404 = "borgerpost.core.errors.not_found"
handler500 = "borgerpost.core.errors.server_error"
