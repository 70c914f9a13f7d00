from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from comitia.web.plans.forms import FitTextMixin, FitTextModelForm

from .models import Contact


class SubmissionForm(FitTextMixin, forms.Form):
    obligation = forms.ChoiceField(label=_("Obligation"))
    cycle = forms.IntegerField(label=_("Cycle (year)"), min_value=1900, max_value=2200)
    received = forms.DateField(
        label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    symbol = forms.CharField(label=_("Document symbol"), max_length=200, required=False)
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    document = forms.FileField(
        label=_("Document (PDF, DOCX or XLSX)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx"}),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[
            ("", "—"),
            ("en", "English"),
            ("es", "Español"),
            ("fr", "Français"),
            ("pt", "Português"),
        ],
        required=False,
    )

    def __init__(self, *args: object, obligations: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["obligation"].choices = obligations  # type: ignore[attr-defined]


class ContactForm(FitTextModelForm):
    class Meta:
        model = Contact
        fields = ("topic", "name", "title", "institution", "email", "telephone", "since")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        }
