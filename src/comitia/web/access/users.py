"""The secretariat's pages of users: the list with their roles, inviting a user, changing a
user's role or deactivating the account. The writes are ``invitations``' operations."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comitia.web.plans.models import Term

from . import invitations
from .models import Membership, Role
from .policy import is_administrator

_STATE = re.compile(r"^[A-Z]{2}$")


class RoleForm(forms.Form):
    """One role and what it is attached to. The roles are ``Role``'s, whatever they are; only
    an administrator is offered the administrator role."""

    role = forms.ChoiceField(label=gettext_lazy("Role"))
    member_state = forms.CharField(
        label=gettext_lazy("Member state"),
        required=False,
        max_length=2,
        help_text=gettext_lazy("Delegation members: the ISO code of the state, such as BR."),
    )
    term = forms.ModelChoiceField(
        label=gettext_lazy("Term"),
        queryset=Term.objects.none(),
        required=False,
        help_text=gettext_lazy(
            "Chair and bureau: the term of their office. Secretariat staff: a term of the "
            "committee they serve; leave empty for every committee."
        ),
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offered = [
            (value, label)
            for value, label in Role.choices
            if value != Role.ADMINISTRATOR or is_administrator(actor)
        ]
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = offered
        term = self.fields["term"]
        assert isinstance(term, forms.ModelChoiceField)
        term.queryset = Term.objects.select_related("committee")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role = data.get("role")
        state = (data.get("member_state") or "").strip().upper()
        data["member_state"] = state
        if role == Role.DELEGATION and not _STATE.match(state):
            self.add_error(
                "member_state",
                _("A delegation member needs a member state: its ISO code, such as BR."),
            )
        if role == Role.BUREAU and data.get("term") is None:
            self.add_error("term", _("A chair or bureau member needs the term of their office."))
        return data

    def membership(self) -> dict[str, Any]:
        """The Membership fields the valid form gives."""
        data = self.cleaned_data
        role, term = data["role"], data.get("term")
        fields: dict[str, Any] = {"role": role}
        if role == Role.DELEGATION:
            fields["member_state"] = data["member_state"]
        elif role == Role.BUREAU:
            fields["term"] = term
        elif role == Role.SECRETARIAT and term is not None:
            fields["committee"] = term.committee
        return fields


class InviteForm(RoleForm):
    username = forms.CharField(label=gettext_lazy("User name"), max_length=150)
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        help_text=gettext_lazy("The invitation, with a link to choose a password, goes here."),
    )
    field_order = ("username", "email", "role", "member_state", "term")

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("There is already a user of that name."))
        return username


def user_list(request: HttpRequest) -> HttpResponse:
    users = (
        get_user_model()
        .objects.order_by("username")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("term", "committee").order_by("pk"),
            )
        )
    )
    return render(request, "access/users.html", {"users": users})


def invite_page(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            invitations.check_may_change(request.user, None, form.membership())
        except invitations.UserChangeError as error:
            messages.error(request, _("Nobody was invited: %(reason)s") % {"reason": error})
        else:
            invitations.invite(
                form.cleaned_data["username"],
                form.cleaned_data["email"],
                base_url=request.build_absolute_uri("/"),
                membership=form.membership(),
                invited_by=request.user,
            )
            messages.success(
                request,
                _(
                    "%(name)s is invited: an e-mail with a link to choose a password went to "
                    "%(email)s."
                )
                % {"name": form.cleaned_data["username"], "email": form.cleaned_data["email"]},
            )
            return redirect(reverse("access:users"))
    return render(request, "access/invite.html", {"form": form}, status=400 if form.errors else 200)


def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=user_id)
    current = Membership.objects.filter(user=user).select_related("term").order_by("pk").first()
    initial: dict[str, Any] = {}
    if current is not None:
        initial = {"role": current.role, "member_state": current.member_state}
        initial["term"] = current.term or _a_term_of(current)
    posted = request.POST if request.method == "POST" else None
    form = RoleForm(
        posted if posted and "role" in posted else None, actor=request.user, initial=initial
    )
    if posted is not None:
        try:
            if "invite_again" in posted:
                invitations.check_may_change(request.user, user)
                invitations.invite_again(
                    user, base_url=request.build_absolute_uri("/"), by=request.user
                )
                messages.success(
                    request,
                    _("The invitation was sent again to %(email)s.") % {"email": user.email},
                )
                return redirect(reverse("access:users"))
            if "active" in posted:
                invitations.check_may_change(request.user, user)
                active = posted["active"] == "1"
                invitations.set_active(user, active, request.user)
                messages.success(
                    request,
                    (_("%(name)s may sign in again.") if active else _("%(name)s is deactivated."))
                    % {"name": user.get_username()},
                )
                return redirect(reverse("access:users"))
            if form.is_valid():
                invitations.check_may_change(request.user, user, form.membership())
                invitations.set_role(user, form.membership(), request.user)
                messages.success(
                    request, _("The role of %(name)s was saved.") % {"name": user.get_username()}
                )
                return redirect(reverse("access:users"))
        except invitations.UserChangeError as error:
            messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": error})
    context = {
        "account": user,
        "form": form,
        "memberships": user.memberships.all(),
        "awaits_password": invitations.awaits_password(user),
    }
    status = 400 if form.errors else 200
    return render(request, "access/user_edit.html", context, status=status)


def _a_term_of(membership: Membership) -> Term | None:
    """A term of the committee a secretariat membership serves, to show it in the form."""
    if membership.committee_id is None:
        return None
    return Term.objects.filter(committee_id=membership.committee_id).first()
