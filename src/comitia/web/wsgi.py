"""The WSGI application, for ``comitia serve`` and any WSGI server in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comitia.web.settings")
application = get_wsgi_application()
