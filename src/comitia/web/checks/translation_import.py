"""Importing a translated XLIFF file on the web: upload, preview, confirm (or cancel).

The upload is read against the term's plan (``comitia.translations.xliff.read_xliff``: the plan
it came from, known ids, a language the plan is published in, well-formed XML without a
document type declaration, so no XXE and no billion laughs) and, if valid, kept on the server
in the shared cache under the SHA-256 of its bytes, for the user who sent it and for that
term only; the preview lists what it would change. The confirmation names the file by that
digest and the term's output version seen in the preview: the file is read again, inside a
transaction that locks the term, and applied only if the term has not changed since the
preview (else the preview is shown again, as it now stands). Nothing the browser sends is
trusted beyond choosing among the user's own kept files.

Every refusal is one message in the reader's language, naming the unit at fault where there
is one, and nothing is written. The change is one audit record (who, the language, each text
before and after), and the term's output version is raised.

Who may do it is the routes' declared policy: ``TRANSLATE`` (the secretariat, translators).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from comitia.plan import Plan
from comitia.translations import xliff
from comitia.translations.notes import describe
from comitia.translations.texts import plan_texts
from comitia.translations.xliff import Reading, TranslationFileError, read_xliff
from comitia.web.access import audit
from comitia.web.home.overview import display_language, term_name
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term
from comitia.web.plans.translated import TranslationStoreError, store_translations

# How long an uploaded file waits for its confirmation.
KEPT_SECONDS = 3600
# The largest file taken, as the reader of files takes (a plan's translation is far smaller).
MAX_BYTES = xliff.MAX_BYTES
AUDIT_ACTION = "translate"
_DIGEST = re.compile(r"[0-9a-f]{64}")


def _kept_key(term: Term, user: Any, digest: str) -> str:
    return f"comitia:translation-import:{term.pk}:{user.pk}:{digest}"


# Why a file is refused (``TranslationFileError.code``), each worded with the error's values.
REASONS: dict[str, Any] = {
    "too_large": gettext_lazy(
        "The file is larger than %(megabytes)s MB: it is not a plan's translation."
    ),
    "entities": gettext_lazy(
        "The file holds a document type declaration or entities, which a translation file "
        "never needs (they are how XXE and billion-laughs attacks work)."
    ),
    "malformed": gettext_lazy("The file is not well-formed XML (line %(line)s)."),
    "not_xliff": gettext_lazy("The file is not an XLIFF 1.2 file."),
    "unreadable": gettext_lazy("The file is not a readable XLIFF file."),
    "files": gettext_lazy(
        "The file holds %(count)s file elements; an export of Comitia holds one."
    ),
    "other_plan": gettext_lazy(
        "The file was made from the plan %(found)s, not from this one (%(expected)s)."
    ),
    "languages": gettext_lazy(
        "The file's source and target languages must be two of %(languages)s."
    ),
    "not_published": gettext_lazy(
        "The file is a translation into %(lang)s, a language the plan is not published in."
    ),
    "same_languages": gettext_lazy("The file's source and target languages are the same."),
    "no_id": gettext_lazy("A unit of the file has no id."),
    "twice": gettext_lazy("The unit appears twice in the file."),
    "unknown_id": gettext_lazy("No text of the plan has this id."),
    "written_in_target": gettext_lazy(
        "The text is written in %(lang)s, the file's target language: it is not translated."
    ),
    "unfit_character": gettext_lazy(
        "The translation holds the character %(character)s, which no text may hold."
    ),
    "no_source": gettext_lazy("The text has no %(lang)s version to translate."),
}


def refusal(error: TranslationFileError) -> str:
    """The reason a file is refused, in the reader's language; the unit named if one is at
    fault."""
    template = REASONS.get(error.code)
    if template is None:
        reason = _("The file cannot be imported.")
    else:
        try:
            reason = str(template) % error.params if error.params else str(template)
        except (KeyError, TypeError, ValueError):
            reason = _("The file cannot be imported.")
    if error.unit:
        return _("Unit %(unit)s: %(reason)s") % {"unit": error.unit, "reason": reason}
    return reason


def _refused(request: HttpRequest, term: Term, message: str) -> HttpResponse:
    messages.error(request, _("Nothing was imported. %(reason)s") % {"reason": message})
    return HttpResponseRedirect(reverse("checks-translations", args=[term.slug]))


def _rows(plan: Plan, reading: Reading, reader: str) -> list[dict[str, Any]]:
    return [
        {
            "id": change.entry.id,
            "where": describe(change.entry.where, reader),
            "source": change.entry.source,
            "source_lang": change.entry.source_lang.value,
            "old": change.old,
            "new": change.new,
        }
        for change in reading.changes
    ]


def _preview(
    request: HttpRequest, term: Term, plan: Plan, reading: Reading, digest: str, name: str
) -> HttpResponse:
    reader = display_language(get_language() or "en")
    entries = {entry.id: entry for entry in plan_texts(plan)}
    context = {
        "term": term,
        "term_name": term_name(plan, reader),
        "name": name,
        "digest": digest,
        "version": term.output_version,
        "lang": reading.lang.value,
        "rows": _rows(plan, reading, reader),
        "stale": [
            {"id": unit, "where": describe(entries[unit].where, reader)}
            for unit in reading.stale
            if unit in entries
        ],
        "units": reading.units,
        "untranslated": reading.untranslated,
    }
    return render(request, "checks/translation_preview.html", context)


@require_POST
def translations_import(request: HttpRequest, slug: str) -> HttpResponse:
    """Read the uploaded file, keep it, and show what it would change."""
    term = get_object_or_404(Term, slug=slug)
    upload = request.FILES.get("file")
    if upload is None:
        return _refused(request, term, _("Choose a translation file (XLIFF) to import."))
    name = upload.name or "translation.xlf"
    too_large = TranslationFileError(
        "too large", "too_large", megabytes=str(MAX_BYTES // (1024 * 1024))
    )
    if upload.size is not None and upload.size > MAX_BYTES:
        return _refused(request, term, refusal(too_large))  # not even read
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return _refused(request, term, refusal(too_large))
    plan = load_plan(term)
    try:
        reading = read_xliff(plan, data, name)
    except TranslationFileError as error:
        return _refused(request, term, refusal(error))
    digest = hashlib.sha256(data).hexdigest()
    cache.set(_kept_key(term, request.user, digest), (name, data), KEPT_SECONDS)
    return _preview(request, term, plan, reading, digest, name)


@require_POST
def translations_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    """Apply the kept file all at once (or drop it, if cancelled)."""
    term = get_object_or_404(Term, slug=slug)
    page = reverse("checks-translations", args=[term.slug])
    digest = request.POST.get("digest", "")
    key = _kept_key(term, request.user, digest)
    if "cancel" in request.POST:
        cache.delete(key)
        messages.info(request, _("The import was cancelled; nothing was changed."))
        return HttpResponseRedirect(page)
    kept = cache.get(key) if _DIGEST.fullmatch(digest) else None
    if kept is None:
        return _refused(
            request, term, _("The file is no longer kept on the server: upload it again.")
        )
    name, data = kept
    with transaction.atomic():
        locked = Term.objects.select_for_update().get(pk=term.pk)
        plan = load_plan(locked)
        try:
            reading = read_xliff(plan, data, name)
        except TranslationFileError as error:
            return _refused(request, term, refusal(error))
        if request.POST.get("version") != str(locked.output_version):
            messages.warning(
                request,
                _(
                    "The plan has changed since the preview: here is what the file changes "
                    "now. Confirm again to import it."
                ),
            )
            return _preview(request, locked, plan, reading, digest, name)
        if reading.changes:
            try:
                store_translations(locked, plan, reading.changes)
            except TranslationStoreError:
                transaction.set_rollback(True)
                return _refused(request, term, _("The translations could not be stored."))
            audit.record(
                request.user,
                AUDIT_ACTION,
                locked,
                before={
                    "language": reading.lang.value,
                    "texts": {change.entry.id: change.old for change in reading.changes},
                },
                after={
                    "language": reading.lang.value,
                    "texts": {change.entry.id: change.new for change in reading.changes},
                },
                term_slug=locked.slug,
                reason=name,
            )
    cache.delete(key)
    count = len(reading.changes)
    messages.success(
        request,
        ngettext(
            "%(count)d translation imported from %(name)s.",
            "%(count)d translations imported from %(name)s.",
            count,
        )
        % {"count": count, "name": name},
    )
    return HttpResponseRedirect(page)
