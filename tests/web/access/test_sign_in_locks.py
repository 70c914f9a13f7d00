"""Sign-in locks: held in the database whatever the cache, listed for administrators in the
admin, lifted by them with a record in the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.utils import formats, timezone

from comitia.web.access.models import AuditRecord, Membership, Role, SignInLock

LOCKS = "/admin/access/signinlock/"
RIGHT = {"username": "chair", "password": "the right pass phrase"}


@pytest.fixture
def chair(db: None, settings: Any) -> User:
    settings.COMITIA_LOGIN_FAILURES = 2
    settings.COMITIA_LOGIN_WINDOW = 600
    return User.objects.create_user("chair", password=RIGHT["password"])


@pytest.fixture
def administrator(db: None) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    return client


def _sign_in(password: str, address: str = "203.0.113.7", username: str = "chair") -> int:
    client = Client(REMOTE_ADDR=address)
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return int(response.status_code)


def _lock_chair() -> SignInLock:
    for _ in range(2):
        assert _sign_in("wrong", username=" Chair ") == 200
    assert _sign_in(RIGHT["password"]) == 429
    return SignInLock.objects.get()


def test_a_lock_is_listed_with_its_user_name_address_and_end(
    chair: User, administrator: Client
) -> None:
    before = timezone.now()
    lock = _lock_chair()
    assert (lock.username, lock.address) == ("chair", "203.0.113.7")
    assert (
        before + dt.timedelta(seconds=600)
        <= lock.until
        <= timezone.now() + dt.timedelta(seconds=600)
    )
    page = administrator.get(LOCKS).content.decode()
    assert "chair" in page and "203.0.113.7" in page
    # As the admin shows a date and time: in the site's time zone and language.
    assert formats.localize(timezone.template_localtime(lock.until)) in page


def test_an_administrator_lifts_a_lock_and_the_trail_says_who(
    chair: User, administrator: Client
) -> None:
    lock = _lock_chair()
    response = administrator.post(LOCKS, {"action": "lift", "_selected_action": [lock.pk]})
    assert response.status_code == 302
    assert not SignInLock.objects.exists()
    assert _sign_in(RIGHT["password"]) == 302
    trail = AuditRecord.objects.get(action="lift_sign_in_lock")
    assert trail.username == "root"
    assert trail.before is not None
    assert (trail.before["username"], trail.before["address"]) == ("chair", "203.0.113.7")
    assert trail.after is None


def test_a_lifted_lock_gives_the_whole_count_of_attempts_again(chair: User) -> None:
    from comitia.web.access.throttle import lift_lock

    lift_lock(_lock_chair(), None)
    assert _sign_in("wrong") == 200
    assert _sign_in(RIGHT["password"]) == 302


def test_a_lock_holds_in_a_process_whose_cache_never_saw_the_failures(chair: User) -> None:
    _lock_chair()
    cache.clear()  # as another worker, with a cache of its own, sees it
    assert _sign_in(RIGHT["password"]) == 429


def test_a_lock_locks_one_user_name_from_one_address(chair: User) -> None:
    User.objects.create_user("bureau", password=RIGHT["password"])
    _lock_chair()
    assert _sign_in(RIGHT["password"], address="198.51.100.2") == 302
    assert _sign_in(RIGHT["password"], username="bureau") == 302


def test_an_ended_lock_refuses_no_longer_and_is_not_listed(
    chair: User, administrator: Client
) -> None:
    lock = _lock_chair()
    SignInLock.objects.filter(pk=lock.pk).update(until=timezone.now() - dt.timedelta(seconds=1))
    assert "203.0.113.7" not in administrator.get(LOCKS).content.decode()
    assert _sign_in(RIGHT["password"]) == 302


def test_a_new_lock_clears_the_ended_ones(chair: User, settings: Any) -> None:
    lock = _lock_chair()
    SignInLock.objects.filter(pk=lock.pk).update(until=timezone.now() - dt.timedelta(seconds=1))
    for _ in range(2):
        _sign_in("wrong", address="198.51.100.2")
    assert list(SignInLock.objects.values_list("address", flat=True)) == ["198.51.100.2"]


def test_only_administrators_see_and_lift_locks(chair: User) -> None:
    lock = _lock_chair()
    secretary = User.objects.create_user("secretary", password="x", is_staff=True)
    Membership.objects.create(user=secretary, role=Role.SECRETARIAT)
    staff = Client()
    staff.force_login(secretary)
    assert staff.get(LOCKS).status_code in (302, 403)
    staff.post(LOCKS, {"action": "lift", "_selected_action": [lock.pk]})
    assert SignInLock.objects.filter(pk=lock.pk).exists()
