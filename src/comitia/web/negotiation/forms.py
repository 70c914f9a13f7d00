from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from comitia.plan import ParagraphStatus
from comitia.web.plans.models.fields import validate_fit_text

from .history import STATUS_WORDS
from .models import CONSULTATION_STATUSES, LANGUAGE_CHOICES, Amendment

# The decisions of a formal review session, as the sheet words them.
SHEET_DECISION_LABELS = (
    (ParagraphStatus.AGREED, _("Agreed")),
    (ParagraphStatus.AGREED_AD_REFERENDUM, _("Agreed ad referendum")),
    (ParagraphStatus.PENDING, _("Pending (text in brackets)")),
    (ParagraphStatus.WITHDRAWN, _("Withdrawn")),
)


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


class LeadsForm(forms.Form):
    """The secretariat's choice of a paragraph's lead delegations; ``was`` is the leads the
    form showed (a conflict if they changed since)."""

    leads = forms.MultipleChoiceField(
        label=_("Lead delegations"),
        required=False,
        choices=(),
        widget=forms.CheckboxSelectMultiple,
    )
    was = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["leads"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = choices


class ConsultationForm(forms.Form):
    """A lead delegation's record of an informal consultation on one paragraph."""

    held_on = forms.DateField(
        label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    status = forms.ChoiceField(
        label=_("Where the paragraph stands now"),
        choices=[(s, STATUS_WORDS[s]) for s in CONSULTATION_STATUSES],
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGE_CHOICES)
    text = forms.CharField(
        label=_("Text agreed (leave as it is if it did not change)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_fit_text],
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    from_status = forms.CharField(required=False, widget=forms.HiddenInput)
    token = forms.UUIDField(widget=forms.HiddenInput)


class DecisionForm(forms.Form):
    """The room's decision on one paragraph, on the session sheet of a formal review meeting."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(s.value, label) for s, label in SHEET_DECISION_LABELS],
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGE_CHOICES)
    text = forms.CharField(
        label=_("Text as read in the room (passages still pending in [[double brackets]])"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_fit_text],
    )
    amendment = forms.IntegerField(required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    from_status = forms.CharField(required=False, widget=forms.HiddenInput)


class RevisionForm(forms.Form):
    """Issue the draft's next revision: its number (as the page showed it, so that a second
    click issues nothing) and its date."""

    number = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    issued_on = forms.DateField(
        label=_("Date of the revision"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
