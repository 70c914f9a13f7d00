"""What every form that edits a plan shares: no text it takes may hold an unfit character.

The rule is the plan model's (control characters other than tab and line feed, lone
surrogates), applied to each text field of the form, so that the refusal is attached to its
field and worded in the reader's language, before anything reaches the database. Text sent
through a page can hold control characters; text sent as JSON (the API, the admin's
multilingual fields) can also hold lone surrogates.
"""

from __future__ import annotations

from typing import Any

from django import forms

from comitia.web.plans.models.fields import validate_fit_text


class FitTextMixin(forms.BaseForm):
    """Adds the rule to every text field (``CharField`` and its kinds, JSON included)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # self.fields is this form's own copy, so the class's fields stay as declared.
            if isinstance(field, forms.CharField) and validate_fit_text not in field.validators:
                field.validators.append(validate_fit_text)


class FitTextModelForm(FitTextMixin, forms.ModelForm):  # type: ignore[type-arg]
    """The admin's forms: a model form with the rule on its text fields."""
