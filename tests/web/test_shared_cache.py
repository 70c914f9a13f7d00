"""The cache settings (COMITIA_CACHE_URL), and the cache's users against the Redis server that
production runs (127.0.0.1:6379; .ci/run starts it): the sign-in counters, the feeds and the
pages kept in one process are seen by another that shares the cache."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from comitia.web.levels import Visibility
from comitia.web.settings import cache_settings

# Every test here but the settings' uses the Redis server; CI starts it (.ci/run).
REDIS_URL = "redis://127.0.0.1:6379/0"
SQLITE = {"ENGINE": "comitia.web.sqlite", "NAME": "/srv/comitia/comitia.sqlite3"}


def test_without_a_cache_url_the_cache_is_a_folder_beside_the_sqlite_database() -> None:
    default = cache_settings("", SQLITE)["default"]
    assert default["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert default["LOCATION"] == str(Path("/srv/comitia/comitia-cache"))


def test_a_file_url_names_the_folder() -> None:
    assert cache_settings("file:///var/cache/comitia", SQLITE)["default"]["LOCATION"] == (
        "/var/cache/comitia"
    )


@pytest.mark.parametrize("url", ["redis://127.0.0.1:6379/0", "rediss://cache.example:6380/2"])
def test_a_redis_url_selects_djangos_redis_backend(url: str) -> None:
    default = cache_settings(url, SQLITE)["default"]
    assert default["BACKEND"] == "comitia.web.rediscache.RedisCache"
    assert default["LOCATION"] == url


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("memcached://127.0.0.1:11211", "must start with redis://, rediss:// or file:///"),
        ("redis://127.0.0.1:port/0", "bad port"),
        ("redis://127.0.0.1:6379/zero", "DB a number"),
        ("file://relative/folder", "absolute folder"),
    ],
)
def test_a_bad_cache_url_is_refused_with_what_to_fix(url: str, message: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        cache_settings(url, SQLITE)


@pytest.fixture
def redis_cache() -> Iterator[None]:
    """Django's cache on the Redis server, under a key prefix of this run only."""
    prefix = f"comitia-test-{uuid.uuid4().hex}"
    settings = {
        "default": {
            "BACKEND": "comitia.web.rediscache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=settings):
        try:
            caches["default"].set("probe", 1, 5)
        except Exception as error:  # pragma: no cover - CI starts Redis (.ci/run)
            pytest.fail(f"no Redis server at {REDIS_URL}: {error}")
        yield
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


@pytest.mark.redis
def test_the_redis_backend_keeps_one_client_per_pool_and_djangos_keys(redis_cache: None) -> None:
    from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

    from comitia.web.rediscache import RedisCache

    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is client
    assert cache._cache.get_client("c", write=True) is client  # one server: one pool
    cache.set("shared", {"value": 1}, 30)
    django_own = DjangoRedisCache(REDIS_URL, {"KEY_PREFIX": cache.key_prefix})
    assert django_own.get("shared") == {"value": 1}
    assert cache.add("shared", 2, 30) is False
    cache.set("counted", 0, 30)
    assert cache.incr("counted") == 1
    assert django_own.get("counted") == 1


def _other_process_cache() -> BaseCache:
    """A second connection to the same cache, as another app process holds."""
    return caches.create_connection("default")


@pytest.mark.redis
def test_a_feed_kept_by_one_process_is_served_by_another(redis_cache: None) -> None:
    from comitia.web.calendar import feeds

    built: list[str] = []

    def build(by: str) -> tuple[bytes, str]:
        built.append(by)
        return b"BEGIN:VCALENDAR", '"abc"'

    key = ("feed", 1, 7, "en")
    feeds._kept_or_built(key, lambda: build("first"))
    assert _other_process_cache().get(feeds.kept_name(key)) == (b"BEGIN:VCALENDAR", '"abc"')
    assert feeds._kept_or_built(key, lambda: build("second")) == (b"BEGIN:VCALENDAR", '"abc"')
    assert built == ["first"]


@pytest.mark.redis
def test_sign_in_failures_counted_by_one_process_count_in_another(redis_cache: None) -> None:
    from comitia.web.access import throttle

    key = throttle._key(throttle._digest("chair", "203.0.113.7"))
    assert throttle._counted(key, throttle._window()) == 1
    assert _other_process_cache().get(key) == 1
    assert throttle._counted(key, throttle._window()) == 2


@pytest.mark.redis
@pytest.mark.django_db
@pytest.mark.parametrize("order", ["secretariat first", "public first"])
def test_a_page_kept_in_redis_for_the_secretariat_never_reaches_the_public(
    redis_cache: None, order: str
) -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    from comitia.web.plans import models as m
    from tests.render.model import model_plan
    from tests.web.publishing import committed, store_published

    term = store_published(model_plan())
    meeting = m.Meeting.objects.filter(term=term).order_by("date")[0]
    meeting.title = {"en": "MARKER-REDIS-DRAFT"}
    meeting.visibility = Visibility.DRAFT
    meeting.save()
    committed()
    staff = Client()
    staff.force_login(User.objects.create_superuser("admin", password="x"))
    public = Client()
    url = f"/calendar/{term.slug}/month/{meeting.date:%Y-%m}/"
    readers = [staff, public] if order == "secretariat first" else [public, staff]
    answers = {id(reader): reader.get(url).content for reader in readers}
    assert b"MARKER-REDIS-DRAFT" in answers[id(staff)]
    assert b"MARKER-REDIS-DRAFT" not in answers[id(public)]
    assert b"admin" not in answers[id(public)].split(b"<main")[0]
