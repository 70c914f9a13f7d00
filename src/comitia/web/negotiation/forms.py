from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from comitia.web.plans.models.fields import validate_fit_text

from .models import LANGUAGE_CHOICES, Amendment


class AmendmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Amendment"), choices=Amendment.Kind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    text = forms.CharField(
        label=_("Proposed text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_fit_text],
    )
    justification = forms.CharField(
        label=_("Justification"),
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_fit_text],
    )
    token = forms.UUIDField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") != Amendment.Kind.DELETE and not (data.get("text") or "").strip():
            self.add_error("text", _("Give the proposed text (or propose a deletion)."))
        return data


class RevisionForm(forms.Form):
    """Issue the draft's next revision: its number (as the page showed it, so that a second
    click issues nothing) and its date."""

    number = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    issued_on = forms.DateField(
        label=_("Date of the revision"), widget=forms.DateInput(attrs={"type": "date"})
    )
