"""The WSGI application, for ``comitia serve`` and any WSGI server in production.

HEAD answers are stripped of their bodies here rather than trusted to the server, since
waitress sends what the application gives (see ``head``)."""

import os

from django.core.wsgi import get_wsgi_application

from comitia.web.head import without_head_bodies

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comitia.web.settings")
application = without_head_bodies(get_wsgi_application())
