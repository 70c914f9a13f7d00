from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comitia.web.local_dates import local_datetime, reader_language
from comitia.web.plans.forms import FitTextMixin

from .models import Proposal


class ProposalForm(FitTextMixin, forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("What you propose"), choices=Proposal.Kind.choices)
    topic = forms.CharField(
        label=_("Topic"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    name = forms.CharField(label=_("Panelist's name"), max_length=300, required=False)
    affiliation = forms.CharField(label=_("Affiliation"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Proposal.Kind.PANELIST and not data.get("name", "").strip():
            self.add_error("name", _("Give the panelist's name."))
        return data


class WindowForm(FitTextMixin, forms.Form):
    closes_at = forms.DateTimeField(
        label=_("Proposals close at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_closes_at(self) -> Any:
        closes_at = self.cleaned_data["closes_at"]
        if closes_at is not None and closes_at <= timezone.now():
            raise forms.ValidationError(
                _("The deadline must be in the future: %(when)s has passed."),
                params={"when": local_datetime(closes_at, reader_language())},
            )
        return closes_at
