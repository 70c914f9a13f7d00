"""Searching a term's meetings, agenda items, activities, mandates and documents' titles.

The index (``models.SearchEntry``) is made from the term's rows as of its output version and
brought up to date by the first search that finds it behind (``current``): every write to what
the term's outputs show raises that version in its own transaction (``plans.output_version``),
whichever operation, import, admin page or bulk update made it, so no write path has to
remember the index, and a plan that changes ten times between two searches is looked at once.

Bringing it up to date compares, for each kind of row entries are made from (``_MADE``),
every row's stamp (``_Stamp``) with the one its entries were made at (``models.IndexedRow``),
in one statement (``_comparison``), and writes again only the entries of the rows that differ,
are new or are gone: one meeting edited costs its own entries (and its agenda's, which show
its date and level), not the term's ten thousand. What is compared is what the entries are made
of, not a list of changes that writes keep: a write that no entry reads changes nothing, and
a write the code forgot to describe cannot be missed. The stamp is the rows' values on SQLite
and their row versions on PostgreSQL (reading four languages' titles as ``jsonb`` would cost
what the index is meant to save). A term with nothing indexed (new, or its index never made)
is indexed whole; a term replaced by a new plan has new rows, all different, and is written
whole too.

Texts are folded (lower case, accents removed, ``fold``) in Python, the same way for the text
indexed and the words asked for, so "securite" finds "sécurité" on every database: SQLite's
FTS5 table (``search_fts``) and PostgreSQL's ``to_tsvector('simple', folded)`` read the folded
text. A word asked for matches the words that begin with it.

What a reader finds is what they may see (``publication.visibility``): the terms they see,
and in each the entries whose level (their meeting's own, or the current document's) is seen
at their level on that term.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, F, Func, OuterRef, QuerySet, TextField

from comitia.web.levels import Visibility, levels_seen
from comitia.web.plans import models as m
from comitia.web.publication.visibility import viewer_level, visible_terms

from .models import IndexedRow, IndexedTerm, Kind, SearchEntry, Source

LANGUAGES = ("en", "es", "fr", "pt")
# Words of a query beyond these are ignored: no reader types more, and each costs a match.
MAX_WORDS = 8
_WORD = re.compile(r"\w+")
# The first key of the advisory lock taken while a term's index is made (PostgreSQL).
_LOCK = 0x5EA2C4


def fold(text: str) -> str:
    """``text`` in lower case without accents: "Sécurité" and "SECURITE" give "securite"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(query: str) -> list[str]:
    """The folded words of ``query``, at most ``MAX_WORDS``."""
    return _WORD.findall(fold(query))[:MAX_WORDS]


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


def folded_words(text: str) -> str:
    """The words of ``text`` folded, one space between: what the full-text index reads. Words
    alone, spaced: PostgreSQL's parser would read "CP/CSH-1933/19" as one path where FTS5
    reads words. A plan repeats its words: each is folded once (a long term's index is made
    four times faster)."""
    return " ".join(_fold_word(word) for word in _WORD.findall(text))


# -- making the index ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    kind: Kind
    key: str
    texts: dict[str, list[str]]  # language to its texts: the title first
    meeting_key: str = ""
    date: dt.date | None = None
    visibility: str = Visibility.PUBLIC.value


def _by_language(*values: dict[str, str] | None) -> dict[str, list[str]]:
    """Multilingual values as texts per language; a language missing from one value takes its
    original (the first language), as the pages show it."""
    texts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for value in values:
        if not value:
            continue
        original = next(iter(value.values()))
        for lang in LANGUAGES:
            texts[lang].append(value.get(lang, original))
    return texts


def _meeting(
    key: str, date: dt.date, title: Any, venue: Any, notes: Any, visibility: str
) -> Iterator[_Entry]:
    yield _Entry(Kind.MEETING, key, _by_language(title, venue, *notes), key, date, visibility)


def _agenda_item(
    pk: int, title: Any, notes: Any, documents: list[str], key: str, date: dt.date, visibility: str
) -> Iterator[_Entry]:
    symbols = list(dict.fromkeys(documents))  # one entry per document, even if listed twice
    texts = _by_language(title, *notes)
    for lang in LANGUAGES:
        texts[lang].extend(symbols)
    yield _Entry(Kind.AGENDA_ITEM, str(pk), texts, key, date, visibility)
    item = _by_language(title)
    for symbol in symbols:
        yield _Entry(
            Kind.DOCUMENT,
            f"{pk}:{symbol}",
            {lang: [symbol, *titles] for lang, titles in item.items()},
            key,
            date,
            visibility,
        )


def _activity(
    key: str, title: Any, venue: Any, when_first: dt.date | None, acronym: Any, name: Any
) -> Iterator[_Entry]:
    yield _Entry(Kind.ACTIVITY, key, _by_language(title, venue, acronym, name), date=when_first)


def _mandate(key: str, title: Any, notes: Any, source: str) -> Iterator[_Entry]:
    texts = _by_language(title, *notes)
    for lang in LANGUAGES:
        texts[lang].append(source)
    yield _Entry(Kind.MANDATE, key, texts)


def _plan_document(
    title: Any, symbol: str, approved_on: dt.date | None, visibility: str
) -> Iterator[_Entry]:
    # The document's own level: the term's is applied when searching, as for every entry.
    texts = _by_language(title)
    for lang in LANGUAGES:
        texts[lang].append(symbol)
    yield _Entry(Kind.DOCUMENT, "plan", texts, date=approved_on, visibility=visibility)


@dataclass(frozen=True)
class _Made:
    """How the entries of one kind of row are made: the term's rows, the fields read from each
    (its own, and through foreign keys those of the rows it reads: ``meeting__date``), what
    makes its entries of them (called with the fields' values in this order, the row's primary
    key first if ``with_pk``), and the kind of the one entry each row always has, which holds
    the row's stamp that is compared."""

    source: Source
    kind: Kind
    rows: Callable[[int], QuerySet[Any]]
    fields: tuple[str, ...]
    make: Callable[..., Iterator[_Entry]]
    with_pk: bool = False


_MADE = (
    _Made(
        Source.MEETING,
        Kind.MEETING,
        lambda term_id: m.Meeting.objects.filter(term_id=term_id),
        ("key", "date", "title", "venue", "notes", "visibility"),
        _meeting,
    ),
    _Made(
        Source.AGENDA_ITEM,
        Kind.AGENDA_ITEM,
        lambda term_id: m.AgendaNode.objects.filter(term_id=term_id, title__isnull=False),
        ("title", "notes", "documents", "meeting__key", "meeting__date", "meeting__visibility"),
        _agenda_item,
        with_pk=True,
    ),
    _Made(
        Source.ACTIVITY,
        Kind.ACTIVITY,
        lambda term_id: m.Activity.objects.filter(term_id=term_id),
        ("key", "title", "venue", "when_first", "body__acronym", "body__name"),
        _activity,
    ),
    _Made(
        Source.MANDATE,
        Kind.MANDATE,
        lambda term_id: m.Mandate.objects.filter(term_id=term_id),
        ("key", "title", "notes", "source"),
        _mandate,
    ),
    _Made(
        Source.PLAN_DOCUMENT,
        Kind.DOCUMENT,
        lambda term_id: m.PlanDocument.objects.filter(term_id=term_id),
        ("title", "symbol", "approved_on", "visibility"),
        _plan_document,
    ),
)


class _Stamp(Func):
    """A row's stamp: a text that differs whenever the fields it is given (the row's primary
    key first, then what its entries are made of, some read through foreign keys) may hold
    otherwise.

    On SQLite, the fields' values themselves, as stored (a JSON array of them): exact, and
    SQLite reads a long term's in milliseconds. On PostgreSQL, the versions of the rows they
    are read from: each row's ``xmin`` (the transaction that wrote this version of it) and
    ``ctid`` (where the version lies: every UPDATE writes a new version elsewhere, even twice
    in one transaction, which ``xmin`` alone would not tell apart). Turning ``jsonb`` titles in
    four languages back into text to compare them took several times as long as the search
    itself; a version is read from the row's header. A write that changes nothing indexed still
    gives its row a new version, and its entries are made again: a few more writes, never a
    stale entry. Two versions of a row would have the same stamp only if, 2³² transactions
    apart and with no search between, the new one lay where the old one was."""

    output_field = TextField()

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, tuple[str | int, ...]]:
        sql, params = super().as_sql(compiler, connection, function="JSON_ARRAY", **extra)
        return sql, tuple(params)

    def as_postgresql(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, tuple[str | int, ...]]:
        aliases = dict.fromkeys(expression.alias for expression in self.get_source_expressions())
        versions = [
            f"COALESCE({name}.xmin::text || ',' || {name}.ctid::text, '-')"
            for name in map(compiler.quote_name_unless_alias, aliases)
        ]
        return "(" + " || ' ' || ".join(versions) + ")", ()


def _stamped(made: _Made, term_id: int) -> QuerySet[Any]:
    """``made``'s rows of term ``term_id``, each with its stamp (``_stamp``)."""
    stamp = _Stamp(F("pk"), *(F(field) for field in made.fields))
    rows: QuerySet[Any] = made.rows(term_id).order_by().annotate(_stamp=stamp)
    return rows


# The term of the comparison's statement as it is made (``_comparison``): never a term's key.
_ANY_TERM = -0x5EA2C4


@functools.cache
def _comparison(vendor: str) -> tuple[str, tuple[Any, ...]]:
    """The one statement that finds, for every kind of row, those of a term whose stamp is not
    the one they were indexed at or that are new ('changed'), and those indexed that are gone
    or no longer indexed, such as an agenda node without a title ('gone'): rows of (source,
    'changed' or 'gone', primary key). Made by the ORM once per process (making its ten
    queries took as long as running them), for ``_ANY_TERM``, which the parameters name."""
    parts: list[str] = []
    params: list[Any] = []
    for made in _MADE:
        stamped = _stamped(made, _ANY_TERM)
        stored = IndexedRow.objects.filter(term_id=_ANY_TERM, source=made.source)
        same = stored.filter(source_row=OuterRef("pk"), stamp=OuterRef("_stamp"))
        changed = stamped.exclude(Exists(same)).values_list("pk")
        now = made.rows(_ANY_TERM).values("pk")
        gone = stored.exclude(source_row__in=now).values_list("source_row")
        for tag, rows in (("changed", changed), ("gone", gone)):
            sql, more = rows.query.sql_with_params()
            parts.append(f"SELECT '{made.source.value}', '{tag}', r.* FROM ({sql}) r")
            params += more
    return " UNION ALL ".join(parts), tuple(params)


def _changes(term_id: int) -> dict[str, tuple[list[int], list[int]]]:
    """For each source, the rows of term ``term_id`` that changed or are new, and those gone."""
    sql, params = _comparison(connection.vendor)
    found: dict[str, tuple[list[int], list[int]]] = {made.source: ([], []) for made in _MADE}
    with connection.cursor() as cursor:
        cursor.execute(sql, [term_id if p == _ANY_TERM else p for p in params])
        for source, tag, pk in cursor.fetchall():
            found[source][0 if tag == "changed" else 1].append(pk)
    return found


# The parameters of a statement naming rows besides the rows themselves (term, source).
_OTHER_PARAMETERS = 8


def _chunks(values: list[int]) -> Iterator[list[int]]:
    """``values`` in as few statements as the database takes parameters: the project's SQLite
    backend reads SQLite's own limit (``web/sqlite``), PostgreSQL sets none that matters."""
    limit = connection.features.max_query_params
    size = max(1, limit - _OTHER_PARAMETERS) if limit else max(1, len(values))
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _renew(
    made: _Made, term: m.Term, changes: tuple[list[int], list[int]] | None
) -> tuple[list[tuple[Any, ...]], list[Any]]:
    """Delete the term's entries of ``made``'s rows that changed or are gone (``changes``, as
    ``_changes`` finds them), with their stamps; return the new entries of the rows that
    changed or are new, as the values to insert, and their stamps. ``changes`` None: the term
    has nothing indexed, every row is new."""
    stamped = _stamped(made, term.pk)
    values = ("pk", "_stamp", *made.fields)
    if changes is None:
        return _made_of(made, term, stamped.values_list(*values))
    changed, gone = changes
    if not changed and not gone:
        return [], []
    stored = IndexedRow.objects.filter(term=term, source=made.source)
    for chunk in _chunks(changed + gone):
        SearchEntry.objects.filter(term=term, source=made.source, source_row__in=chunk).delete()
        stored.filter(source_row__in=chunk).delete()
    entries: list[tuple[Any, ...]] = []
    stamps: list[Any] = []
    for chunk in _chunks(changed):
        more, more_stamps = _made_of(made, term, stamped.filter(pk__in=chunk).values_list(*values))
        entries += more
        stamps += more_stamps
    return entries, stamps


def _made_of(
    made: _Made, term: m.Term, values: Iterable[tuple[Any, ...]]
) -> tuple[list[tuple[Any, ...]], list[Any]]:
    entries, stamps = [], []
    for pk, stamp, *fields in values:
        stamps.append((term.pk, made.source.value, pk, stamp))
        for entry in made.make(pk, *fields) if made.with_pk else made.make(*fields):
            entries.append(
                (
                    term.pk,
                    entry.kind.value,
                    entry.key,
                    entry.meeting_key,
                    connection.ops.adapt_datefield_value(entry.date),
                    entry.visibility,
                    json.dumps(
                        {lang: " · ".join(t for t in ts if t) for lang, ts in entry.texts.items()},
                        ensure_ascii=False,
                    ),
                    folded_words(" ".join(_every_text(entry.texts))),
                    made.source.value,
                    pk,
                )
            )
    return entries, stamps


# After a term is indexed whole, or this many of its rows again, PostgreSQL's statistics of the
# two tables are made again: planned on statistics of tables almost empty (or of another term),
# the next comparison would match each row of a long term against all the others, and a search
# fold every entry of the term once per entry found (seconds instead of milliseconds), until
# autovacuum came by.
_ANALYZE_AFTER = 1000


# A term's output version, the version its index was made at, and whether it has rows indexed.
_STATE = (
    f"SELECT t.output_version, (SELECT i.version FROM {IndexedTerm._meta.db_table} i "
    "WHERE i.term_id = t.id), EXISTS (SELECT 1 FROM "
    f"{IndexedRow._meta.db_table} r WHERE r.term_id = t.id) FROM {m.Term._meta.db_table} t "
    "WHERE t.id = %s"
)


def _up_to_date(term: m.Term) -> bool:
    """Whether ``term``'s index was made at its output version (or the term is gone)."""
    with connection.cursor() as cursor:
        cursor.execute(_STATE, [term.pk])
        state = cursor.fetchone()
    return state is None or state[0] == state[1]


def current(term: m.Term) -> None:
    """Bring ``term``'s search entries up to date if they were made at an older output version
    than the term's (in one transaction; a search running at the same time waits for it):
    the entries of the rows whose stamp changed, or that are gone, are deleted and those of
    the rows that changed or are new written; the others stay."""
    if _up_to_date(term):
        return
    own = not connection.in_atomic_block
    with transaction.atomic():
        # One search brings a term's index up to date at a time; the others wait for it and
        # find it done. Not a lock on the term's row, which every write to the term takes to
        # raise its version: writes never wait for the index. (SQLite's IMMEDIATE
        # transactions take the database's write lock at the start already.)
        # The index is derived: its own transaction need not wait for the disk at commit
        # (lost in a crash, it is lost whole, its version with it, and the next search makes
        # it again). Not a caller's transaction, which may hold writes of its own.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK, term.pk])
                if own:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
        # The version is read before the rows: they are at least as new as it says (a write
        # committed meanwhile raised it further, and the next search looks again).
        with connection.cursor() as cursor:
            cursor.execute(_STATE, [term.pk])
            state = cursor.fetchone()
        if state is None or state[0] == state[1]:
            return
        version, _, indexed_before = state
        changes = _changes(term.pk) if indexed_before else None
        if changes is None:
            SearchEntry.objects.filter(term=term).delete()
        entries: list[tuple[Any, ...]] = []
        stamps: list[Any] = []
        for made in _MADE:
            more, more_stamps = _renew(
                made, term, None if changes is None else changes[made.source]
            )
            entries += more
            stamps += more_stamps
        # Inserted by one statement run for every row: building 10,000 model instances and
        # their SQL took most of the time of making a long term's index.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {SearchEntry._meta.db_table} (term_id, kind, key, meeting_key, "
                "date, visibility, texts, folded, source, source_row) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                entries,
            )
            cursor.executemany(
                f"INSERT INTO {IndexedRow._meta.db_table} (term_id, source, source_row, stamp) "
                "VALUES (%s, %s, %s, %s)",
                stamps,
            )
            whole = changes is None or len(stamps) >= _ANALYZE_AFTER
            if connection.vendor == "postgresql" and whole:
                for model in (IndexedRow, SearchEntry):
                    cursor.execute(f"ANALYZE {model._meta.db_table}")
            cursor.execute(
                f"INSERT INTO {IndexedTerm._meta.db_table} (term_id, version) VALUES (%s, %s) "
                "ON CONFLICT (term_id) DO UPDATE SET version = excluded.version",
                [term.pk, version],
            )


def _every_text(texts: dict[str, list[str]]) -> Iterable[str]:
    seen: set[str] = set()
    for values in texts.values():
        for value in values:
            if value and value not in seen:
                seen.add(value)
                yield value


# -- searching ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """A result: what it is, where it leads, its date, its title and the passage that
    matched, in the reader's language."""

    term: m.Term
    kind: str
    key: str
    meeting_key: str
    date: dt.date | None
    title: str
    snippet: tuple[str, str, str]  # before, the match, after


def _match_sql(asked: list[str]) -> tuple[tuple[str, str], str]:
    """The join and condition that match ``asked`` (folded words, each a prefix), and the
    parameter they take, for the connection's database."""
    if connection.vendor == "postgresql":
        return (
            "",
            "to_tsvector('simple', e.folded) @@ to_tsquery('simple', %s)",
        ), " & ".join(f"{word}:*" for word in asked)
    return (
        "JOIN search_fts f ON f.rowid = e.id",
        "search_fts MATCH %s",
    ), " AND ".join(f'"{word}"*' for word in asked)


def search(user: Any, query: str, lang: str, limit: int = 20) -> dict[str, list[Hit]]:
    """The entries that ``user`` may see and whose texts hold every word of ``query`` (each as
    the beginning of a word), by kind in the order of ``Kind``, at most ``limit`` of each, in
    date order (on one day, in the order their rows were made: not their entries', which an
    edit makes again); each with its title and a passage of the match in ``lang``."""
    asked = words(query)
    if not asked:
        return {}
    terms = visible_terms(user, m.Term.objects.all())
    seen: list[tuple[m.Term, list[str] | None]] = []
    for term in terms:
        current(term)
        level = viewer_level(user, term)
        seen.append((term, None if level == Visibility.DRAFT else levels_seen(level)))
    if not seen:
        return {}
    by_id = {term.pk: term for term, _ in seen}
    (join, condition), match = _match_sql(asked)
    where: list[str] = []
    params: list[Any] = [match]
    for term, levels in seen:
        if levels is None:
            where.append("e.term_id = %s")
            params.append(term.pk)
        else:
            where.append(
                f"(e.term_id = %s AND e.visibility IN ({', '.join(['%s'] * len(levels))}))"
            )
            params.extend([term.pk, *levels])
    table = SearchEntry._meta.db_table
    # The first ``limit`` of each kind are numbered among the matches (ids and dates only),
    # and only their texts are read: a common word matches thousands of entries of a long term.
    sql = (
        f"SELECT e.id, e.term_id, e.kind, e.key, e.meeting_key, e.date, e.texts FROM {table} e "
        "JOIN (SELECT e.id, ROW_NUMBER() OVER "
        "(PARTITION BY e.kind ORDER BY e.date, e.source_row, e.id) AS n "
        f"FROM {table} e {join} WHERE {condition} AND ({' OR '.join(where)})) first "
        "ON first.id = e.id WHERE first.n <= %s ORDER BY e.kind, e.date, e.source_row, e.id"
    )
    params.append(limit)
    groups: dict[str, list[Hit]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for _id, term_id, kind, key, meeting_key, date, texts in cursor.fetchall():
            group = groups.setdefault(kind, [])
            if len(group) >= limit:
                continue
            if isinstance(texts, str):
                texts = json.loads(texts)
            if isinstance(date, str):
                date = dt.date.fromisoformat(date)
            text = texts.get(lang) or next(iter(texts.values()), "")
            group.append(
                Hit(
                    term=by_id[term_id],
                    kind=kind,
                    key=key,
                    meeting_key=meeting_key,
                    date=date,
                    title=text.split(" · ", 1)[0],
                    snippet=snippet(text, asked) or snippet(_any(texts), asked) or ("", "", ""),
                )
            )
    return {kind.value: groups[kind.value] for kind in Kind if kind.value in groups}


def _any(texts: dict[str, str]) -> str:
    return " · ".join(texts.values())


def snippet(text: str, asked: list[str], width: int = 60) -> tuple[str, str, str] | None:
    """The passage of ``text`` around the first word that begins with one of ``asked``
    (folded words): the text before it, the word, the text after, each cut near ``width``
    characters; None if no word matches (the match was in another language)."""
    for found in _WORD.finditer(text):
        folded = _fold_word(found.group())
        if any(folded.startswith(word) for word in asked):
            start, end = found.span()
            before = text[max(0, start - width) : start]
            after = text[end : end + width]
            if start > width:
                before = "…" + before.split(" ", 1)[-1]
            if end + width < len(text):
                after = after.rsplit(" ", 1)[0] + "…"
            return before, found.group(), after
    return None
