"""``{{ value|localtext }}``: a text as shown in the reader's language, or in its original
language marked as such (a ``LocalText`` of comitia.web.home.overview).

A filter rather than an included template: the list of a long term prints thousands of texts,
and each ``{% include %}`` costs as much as rendering a small page's worth of variables.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


@register.filter
def localtext(value: Any) -> SafeString:
    if value.fallback_lang:
        return format_html(
            '<span lang="{}">{}</span> <abbr class="fallback" title="{}">{}</abbr>',
            value.fallback_lang,
            value.text,
            gettext("Not yet translated; shown in its original language"),
            value.fallback_lang.upper(),
        )
    return escape(value.text)
