"""The API's tests use the access tests' terms and users."""

from tests.web.access.conftest import _empty_cache, terms

__all__ = ["_empty_cache", "terms"]
