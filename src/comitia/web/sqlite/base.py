from __future__ import annotations

import sqlite3

from django.db.backends.sqlite3 import base, features
from django.utils.functional import cached_property

# Statements with more parameters than this gain nothing and grow large in memory.
_CEILING = 32_766


class DatabaseFeatures(features.DatabaseFeatures):
    @cached_property
    def max_query_params(self) -> int:  # type: ignore[override]
        self.connection.ensure_connection()
        limit = self.connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        return int(min(limit, _CEILING))


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
