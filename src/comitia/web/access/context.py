"""What every page's header needs to know of the reader's abilities (a template context
processor): the header is drawn for each answer, apart from the kept parts of a page, so it
may depend on the reader."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from comitia.web.access.policy import Action, may


def abilities(request: HttpRequest) -> dict[str, object]:
    # Lazy: most pages are read by the public, for whom the header asks nothing.
    user = getattr(request, "user", None)
    return {"may_manage_users": SimpleLazyObject(lambda: may(user, Action.MANAGE_USERS))}
