"""Settings every test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _collected_static_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Give WhiteNoise an existing (empty) STATIC_ROOT, as `comitia serve` would after
    collectstatic; in tests static files are found through the finders instead."""
    from django.conf import settings

    root: Path = tmp_path_factory.mktemp("staticfiles")
    settings.STATIC_ROOT = str(root)
