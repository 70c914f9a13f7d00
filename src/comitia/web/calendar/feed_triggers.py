"""The database triggers that record what changes in the rows a term's feeds print.

Feeds keep each event's text in the process and write again only the events whose rows
changed (``feeds``). A change may be made anywhere: by operations, in the admin, with
``QuerySet.update()``, by a script or in raw SQL. Only the database sees them all, so each
table a feed reads has triggers on INSERT, UPDATE and DELETE that, in the changing
transaction, raise the term's counter (``FeedStamp.n``) and record the event the row belongs
to with the counter's new value (``FeedChange``, one row per event, the latest value kept).
Signals would miss ``update()``, bulk writes and everything outside Django.

A feed that kept its events at counter ``k`` reads the counter; if it moved, the events
recorded with a value above ``k`` are all it must read again. That is exact only if no change
can become visible after a reader has seen a larger value:

- On PostgreSQL, raising the counter (an upsert of the term's row) locks that row until the
  transaction ends, so a second transaction changing the same term waits for the first to
  commit (or roll back) before it takes the next value: values are taken in commit order, and
  a reader that sees value ``v`` sees every change numbered below it. Triggers run once per
  statement there, over the statement's rows (transition tables), so loading a plan raises the
  counter once per insert, not once per row.
- SQLite has one writer at a time, whose changes are seen only once committed: values follow
  commit order too. Its triggers run once per row.

Which event a row belongs to (``OWNERS``) is written as SQL over the changed row ``{r}``: its
term, the kind of event (``models.MEETING`` and so on) and the owner's id. A row that belongs
to no feed event (a citation of a requested event) or whose owner is already gone in the same
transaction (an agenda node's presenter deleted after the node, whose own deletion was
recorded) yields no owner and records nothing. A term deleted drops its counter and changes.

Migrations install the triggers with ``install`` (and remove them with ``uninstall``). On
SQLite, a migration that rebuilds one of these tables (Django does for most changes of a
column or constraint there) drops its triggers with the old table: such a migration must call
``install`` again afterwards (tests/web/calendar/test_feed_triggers.py fails until it does).
"""

from __future__ import annotations

from typing import Any

STAMP, CHANGE, TERM = "calendar_web_feedstamp", "calendar_web_feedchange", "plans_term"

_NODE = "(SELECT {col} FROM plans_agendanode WHERE id = {{r}}.node_id)"
_NODE_MEETING = _NODE.format(col="meeting_id")
_SHARED = ("{r}.term_id", "'shared'", "0")

# Each table a feed reads: (its row's term, the kind of event, the owner's id), SQL over {r}.
OWNERS: dict[str, tuple[str, str, str]] = {
    TERM: ("{r}.id", "'shared'", "0"),
    "plans_plandocument": _SHARED,
    "plans_body": _SHARED,
    "plans_thematicarea": _SHARED,
    "plans_mandate": _SHARED,
    "plans_meeting": ("{r}.term_id", "'meeting'", "{r}.id"),
    "plans_previousdate": (
        "(SELECT term_id FROM plans_meeting WHERE id = {r}.meeting_id)",
        "'meeting'",
        "{r}.meeting_id",
    ),
    "plans_agendanode": ("{r}.term_id", "'meeting'", "{r}.meeting_id"),
    "plans_agendapresenter": (
        _NODE.format(col="term_id"),
        "'meeting'",
        _NODE_MEETING,
    ),
    "plans_citation": (
        "{r}.term_id",
        "CASE WHEN {r}.node_id IS NULL THEN 'activity' ELSE 'meeting' END",
        f"CASE WHEN {{r}}.node_id IS NULL THEN {{r}}.activity_id ELSE {_NODE_MEETING} END",
    ),
    "plans_activity": ("{r}.term_id", "'activity'", "{r}.id"),
    "plans_reportingobligation": ("{r}.term_id", "'deadline'", "{r}.id"),
}

EVENTS = ("INSERT", "UPDATE", "DELETE")


def trigger_name(table: str, event: str) -> str:
    return f"{table}_feed_{event.lower()}"


def install(schema_editor: Any, tables: tuple[str, ...] = tuple(OWNERS)) -> None:
    """Create (or create again) the triggers of ``tables``, for the editor's database."""
    vendor = schema_editor.connection.vendor
    if vendor not in _STATEMENTS:
        raise RuntimeError(f"feeds need triggers, written for SQLite and PostgreSQL, not {vendor}")
    for table in tables:
        for statement in _STATEMENTS[vendor](table):
            schema_editor.execute(statement)


def uninstall(schema_editor: Any, tables: tuple[str, ...] = tuple(OWNERS)) -> None:
    vendor = schema_editor.connection.vendor
    for table in tables:
        for event in EVENTS:
            on = f" ON {table}" if vendor == "postgresql" else ""
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, event)}{on}")
        if vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {_function(table)}()")
    if vendor == "postgresql":
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {_function('term_deleted')}()")


def random_token(vendor: str) -> str:
    """SQL for a random 63-bit integer."""
    return "random()" if vendor == "sqlite" else "floor(random() * 9.2e18)::bigint"


# -- SQLite: row triggers ------------------------------------------------------------------


def _sqlite(table: str) -> list[str]:
    statements = []
    for event in EVENTS:
        name = trigger_name(table, event)
        if table == TERM and event == "DELETE":
            body = _forget("= OLD.id")
        else:
            rows = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}[event]
            body = "".join(_sqlite_record(*(s.format(r=r) for s in OWNERS[table])) for r in rows)
        statements += [
            f"DROP TRIGGER IF EXISTS {name}",
            f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN {body} END",
        ]
    return statements


def _sqlite_record(term: str, kind: str, owner: str) -> str:
    # The term must still exist: a row deleted with its term records nothing. (The WHERE
    # clauses also keep SQLite from reading ON CONFLICT as part of the SELECT.)
    return (
        f"INSERT INTO {STAMP} (term_id, token, n) SELECT id, random(), 1 FROM {TERM} "
        f"WHERE id = {term} AND {owner} IS NOT NULL "
        "ON CONFLICT (term_id) DO UPDATE SET n = n + 1; "
        f"INSERT INTO {CHANGE} (term_id, kind, owner, n) SELECT term_id, {kind}, {owner}, n "
        f"FROM {STAMP} WHERE term_id = {term} AND {owner} IS NOT NULL "
        "ON CONFLICT (term_id, kind, owner) DO UPDATE SET n = excluded.n; "
    )


def _forget(terms: str) -> str:
    return (
        f"DELETE FROM {CHANGE} WHERE term_id {terms}; DELETE FROM {STAMP} WHERE term_id {terms}; "
    )


# -- PostgreSQL: statement triggers over transition tables --------------------------------


def _function(table: str) -> str:
    return f"comitia_feed_{table}"


def _postgresql(table: str) -> list[str]:
    function = _function(table)
    body = (
        f"IF TG_OP = 'INSERT' THEN {_pg_record(table, ('new_rows',))} "
        f"ELSIF TG_OP = 'UPDATE' THEN {_pg_record(table, ('old_rows', 'new_rows'))} "
        f"ELSE {_pg_record(table, ('old_rows',))} END IF;"
    )
    statements = [_plpgsql(function, body)]
    deleted = _function("term_deleted")
    if table == TERM:
        statements.append(_plpgsql(deleted, _forget("IN (SELECT id FROM old_rows)")))
    transition = {
        "INSERT": "NEW TABLE AS new_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
    }
    for event in EVENTS:
        name = trigger_name(table, event)
        runs = deleted if table == TERM and event == "DELETE" else function
        statements += [
            f"DROP TRIGGER IF EXISTS {name} ON {table}",
            f"CREATE TRIGGER {name} AFTER {event} ON {table} "
            f"REFERENCING {transition[event]} FOR EACH STATEMENT EXECUTE FUNCTION {runs}()",
        ]
    return statements


def _plpgsql(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN NULL; END $$"
    )


def _pg_record(table: str, sources: tuple[str, ...]) -> str:
    term, kind, owner = (s.format(r="r") for s in OWNERS[table])
    rows = " UNION ".join(
        f"SELECT {term} AS term_id, {kind} AS kind, {owner} AS owner FROM {source} r"
        for source in sources
    )
    # Counters are raised in the order of their terms, so that two statements changing the
    # same terms lock them in the same order.
    return (
        f"WITH changed AS (SELECT DISTINCT c.term_id, c.kind, c.owner FROM ({rows}) c "
        f"JOIN {TERM} t ON t.id = c.term_id WHERE c.owner IS NOT NULL), "
        f"stamps AS (INSERT INTO {STAMP} AS s (term_id, token, n) "
        f"SELECT term_id, {random_token('postgresql')}, 1 "
        "FROM (SELECT DISTINCT term_id FROM changed) d ORDER BY term_id "
        "ON CONFLICT (term_id) DO UPDATE SET n = s.n + 1 RETURNING s.term_id, s.n) "
        f"INSERT INTO {CHANGE} AS f (term_id, kind, owner, n) "
        "SELECT c.term_id, c.kind, c.owner, s.n FROM changed c JOIN stamps s USING (term_id) "
        "ON CONFLICT (term_id, kind, owner) DO UPDATE SET n = excluded.n;"
    )


_STATEMENTS = {"sqlite": _sqlite, "postgresql": _postgresql}
