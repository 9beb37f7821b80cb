"""The data protection officer's page: one citizen's access log, unusual bulk access."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from borgerpost.audit import dpo
from borgerpost.audit.log import record_read
from borgerpost.core.access import Actor, municipality_view
from borgerpost.core.models import Role


class CitizenSearchForm(forms.Form):
    email = forms.EmailField(label="Borgerens mailadresse", required=False)
    phone = forms.CharField(label="Borgerens telefonnummer", max_length=40, required=False)
    cpr = forms.CharField(label="Borgerens CPR-nummer (breve)", max_length=11, required=False)

    def clean_cpr(self) -> str:
        value = self.cleaned_data["cpr"].replace("-", "").strip()
        if value and (len(value) != 10 or not value.isdigit()):
            raise forms.ValidationError("Skriv CPR-nummeret som 10 cifre (fx 010190-1234).")
        return value

    def key(self) -> dpo.CitizenKey:
        d = self.cleaned_data
        return dpo.CitizenKey(d["email"].strip(), d["phone"].strip(), d["cpr"])


@municipality_view(Role.DPO)
def dpo_overview(request: HttpRequest) -> HttpResponse:
    """The officer's page. The search is a POST, so no citizen's details end up in a URL."""
    actor: Actor = request.actor  # type: ignore[attr-defined]
    form = CitizenSearchForm(request.POST or None)
    entries = None
    if request.method == "POST" and form.is_valid():
        if form.key().empty:
            form.add_error(None, "Angiv mailadresse, telefonnummer eller CPR-nummer.")
        else:
            entries = dpo.citizen_access_log(actor.municipality, form.key())
            record_read(actor, "dpo.access_log_searched", actor.municipality, hits=entries.count())
            if "csv" in request.POST:
                record_read(actor, "dpo.access_log_exported", actor.municipality)
                response = HttpResponse(
                    dpo.access_log_csv(entries), content_type="text/csv; charset=utf-8"
                )
                response["Content-Disposition"] = 'attachment; filename="adgangslog.csv"'
                return response
    return render(
        request,
        "audit/dpo.html",
        {
            "form": form,
            "entries": None
            if entries is None
            else [(e, dpo.ACTION_LABELS.get(e.action, e.action)) for e in entries[:2000]],
            "bulk": dpo.bulk_access(actor.municipality),
            "threshold": settings.DPO_BULK_ACCESS_THRESHOLD,
        },
    )
