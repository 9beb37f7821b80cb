"""Build what a web process would otherwise build on its first requests.

A fresh process imports every view through the URL resolver, reads and compiles each
template, and compiles the guard's and triage's Hyperscan databases: about half a
second, paid by the first people to open a page (and in a load test, by everyone at
once). `borgerpost serve` does it once in the master process before it forks its
workers, which then share the result; `borgerpost.wsgi` does it for any other WSGI
server. Nothing here touches the database, so no connection crosses a fork.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django import forms
from django.conf import settings

from borgerpost.core.fields import DateInput, DateTimeInput

logger = logging.getLogger("borgerpost.warmup")


class _EveryWidget(forms.Form):
    """One field per widget the pages use, to load the form renderer's templates."""

    text = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)
    choice = forms.ChoiceField(choices=[("a", "a")])
    radio = forms.ChoiceField(choices=[("a", "a")], widget=forms.RadioSelect)
    secret = forms.CharField(widget=forms.PasswordInput)
    flag = forms.BooleanField()
    day = forms.DateField(widget=DateInput())
    when = forms.DateTimeField(widget=DateTimeInput())
    mail = forms.EmailField()
    number = forms.IntegerField()
    several = forms.MultipleChoiceField(choices=[("a", "a")], widget=forms.CheckboxSelectMultiple)
    upload = forms.FileField()


def warm_up() -> None:
    """Compile everything shared by requests, and log how long it took."""
    started = time.perf_counter()
    _load_views()
    _load_templates()
    _compile_rule_sets()
    logger.info("warmed up in %.2f s", time.perf_counter() - started)


def _load_views() -> None:
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018 - building it imports every view module


def _load_templates() -> None:
    from django.template.loader import get_template

    root = Path(settings.BASE_DIR) / "templates"
    for path in sorted(root.rglob("*.html")):
        get_template(str(path.relative_to(root)))
    lists = Path(settings.BASE_DIR) / "jinja2"  # the long lists' rows (core/jinja.py)
    for path in sorted(lists.rglob("*.html")):
        get_template(str(path.relative_to(lists)), using="jinja2")
    str(_EveryWidget().as_p())  # the form renderer keeps its own template cache


def _compile_rule_sets() -> None:
    from borgerpost.pure import triage
    from borgerpost.pure.scanner import default_scanner, scan

    default_scanner().prepare()  # every term's expression, not only those met below
    scan("Min mor har diabetes, cpr 010190-1234.")
    triage.suggest("Hvornår bliver vejen ordnet?")
