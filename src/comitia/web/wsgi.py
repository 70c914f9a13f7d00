"""The WSGI application, for ``comitia serve`` and any WSGI server in production.

The public's kept answers are sent in front of Django's handler (see ``front``), and HEAD
answers are stripped of their bodies here rather than trusted to the server, since waitress
sends what the application gives (see ``head``)."""

import os
from typing import cast

from django.core.wsgi import get_wsgi_application

from comitia.web.front import answering_in_front
from comitia.web.head import WSGIApplication, without_head_bodies

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comitia.web.settings")
# Django's handler returns the response, an iterable of bytes as PEP 3333 asks; django-stubs
# type its result as HttpResponseBase, which declares no __iter__.
application = without_head_bodies(answering_in_front(cast(WSGIApplication, get_wsgi_application())))
