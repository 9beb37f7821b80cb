"""The WSGI application, warmed up before its first request (see core.warmup)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borgerpost.settings")
application = get_wsgi_application()

from borgerpost.core.warmup import warm_up  # noqa: E402 - needs the app set up above

warm_up()
