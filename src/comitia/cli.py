"""The ``comitia`` command.

Commands that work on a plan file (``export``) never start Django; those that touch the
database (``load``, ``dump``, ``serve``, ``worker``, ``demo``, ``manage``) set it up first.
Bad input ends with a one-line message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from comitia import __version__
from comitia.plan.files import (
    PlanFileError,
    dump_plan_json,
    read_organization,
    read_plan,
    write_plan,
)

if TYPE_CHECKING:
    import subprocess

    from comitia.plan import Plan
    from comitia.render.formats import OutputFormat

DEFAULT_PLAN = Path("examples") / "oas-csh-2019-2020.yaml"
EXIT_BAD_INPUT = 2


class CommandError(Exception):
    """A failure to report to the user as one message, with exit status 2."""


def _setup_django(*, debug: bool | None = None) -> None:
    if debug is not None:
        os.environ["COMITIA_DEBUG"] = "true" if debug else "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comitia.web.settings")
    import django

    django.setup()


def _write_text(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


def cmd_export(args: argparse.Namespace) -> int:
    plan = read_plan(args.plan)
    _write_text(dump_plan_json(plan), args.output)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from comitia.checks import OtherCommittee, Severity, run_checks
    from comitia.checks.report import as_json, as_text

    plan = read_plan(args.plan)
    organization = read_organization(args.organization) if args.organization else None
    others = [OtherCommittee.of_plan(read_plan(other)) for other in args.others]
    findings = run_checks(
        plan,
        today=args.today,
        provisional_weeks=args.weeks,
        organization=organization,
        others=others,
    )
    report = as_json if args.format == "json" else as_text
    sys.stdout.write(report(findings, args.lang))
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def cmd_budget(args: argparse.Namespace) -> int:
    from comitia.budget import plan_budget
    from comitia.budget.report import as_json, as_text

    plan = read_plan(args.plan)
    report = as_json if args.format == "json" else as_text
    _write_text(report(plan, plan_budget(plan), args.lang), args.output)
    return 0


def _iso_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got {text!r}") from None


def cmd_schedule(args: argparse.Namespace) -> int:
    from comitia.checks import OtherCommittee, Severity, run_checks
    from comitia.plan import Text
    from comitia.schedule.problem import build_problem
    from comitia.schedule.proposal import apply_proposal, describe, errors_in_proposal
    from comitia.schedule.shared import shared_with
    from comitia.schedule.solve import solve

    plan = read_plan(args.plan)
    organization = read_organization(args.organization) if args.organization else None
    others = [read_plan(other) for other in args.others]  # bad files fail before any work
    if args.time_limit <= 0:
        raise CommandError("--time-limit must be a positive number of seconds")
    place = None if args.replan else [m.id for m in plan.meetings if m.provisional]
    problem = build_problem(plan, today=args.today, min_gap_days=args.gap, place=place)
    shared = shared_with(problem, plan, organization, others, args.lang)
    outcome = solve([problem], shared, time_limit=args.time_limit)
    for line in describe(plan, problem, outcome, args.lang, shared):
        print(line)
    proposal = apply_proposal(
        plan,
        problem,
        outcome,
        reason=Text.of(plan.language, args.reason or _default_reason(plan.language)),
        recorded_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
    write_plan(proposal, args.output)
    findings = run_checks(
        proposal,
        today=args.today,
        organization=organization,
        others=[OtherCommittee.of_plan(other) for other in others],
    )
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        print(f"comitia check: {errors_in_proposal(len(errors), args.lang)}", file=sys.stderr)
    return 0 if outcome.feasible else 1


def _default_reason(lang: str) -> str:
    from comitia.schedule.proposal import reason_of_proposal

    return reason_of_proposal(lang)


def cmd_import(args: argparse.Namespace) -> int:
    from comitia.importer import ImportFailure, UnreadableDocument, import_document

    if args.document == "resolution":
        return _import_resolution(args)
    try:
        result = import_document(args.file, args.lang, committee=args.committee)
    except (UnreadableDocument, ImportFailure) as error:
        raise CommandError(str(error)) from None
    sys.stderr.write(result.report.format())
    if args.review:
        from comitia.importer.review import review_html

        Path(args.review).write_text(review_html(result, args.lang), encoding="utf-8")
    if args.strict and result.report.unused:
        print(
            f"comitia: {len(result.report.unused)} unused lines; --strict refuses them"
            " (no plan written)",
            file=sys.stderr,
        )
        return 1
    plan = result.plan
    if args.organization:
        from comitia.importer.rooms import place_in_rooms

        plan, placed = place_in_rooms(plan, read_organization(args.organization))
        print(f"{len(placed)} meetings placed in rooms of the organization", file=sys.stderr)
    write_plan(plan, args.output)
    return 0


def _import_resolution(args: argparse.Namespace) -> int:
    """A resolution or draft to ``resolutions:`` data, to merge into a plan file."""
    from comitia.importer import ImportFailure, UnreadableDocument
    from comitia.importer.resolution import import_resolution, resolutions_yaml

    try:
        result = import_resolution(args.file, args.lang)
    except (UnreadableDocument, ImportFailure) as error:
        raise CommandError(str(error)) from None
    sys.stderr.write(result.report.format())
    if args.strict and result.report.unused:
        print(
            f"comitia: {len(result.report.unused)} unused lines; --strict refuses them"
            " (no resolution written)",
            file=sys.stderr,
        )
        return 1
    _write_text(resolutions_yaml([result.resolution]), args.output)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from comitia.render.formats import RESOLUTION, output_format

    output = output_format(args.format)
    plan = read_plan(args.plan)
    if args.document == RESOLUTION:
        content = _render_resolution(args, output, plan)
    elif args.document not in output.documents:
        raise CommandError(
            f"the {args.format} format prints {', '.join(output.documents)} documents only; "
            f"add --document {output.documents[0]}"
        )
    elif args.resolution or args.compare:
        raise CommandError("--resolution and --compare go with --document resolution")
    else:
        content = output.render(plan, args.lang)
    if args.output == "-":
        sys.stdout.buffer.write(content)
    else:
        Path(args.output).write_bytes(content)
    return 0


def _render_resolution(args: argparse.Namespace, output: OutputFormat, plan: Plan) -> bytes:
    """The resolution asked for in ``output``; with ``--compare``, compared with the same
    resolution (same id) in the earlier plan file."""
    from comitia.render.document.resolution import choose_resolution

    earlier = None
    if args.compare:
        chosen = choose_resolution(plan, args.resolution)
        earlier = choose_resolution(read_plan(args.compare), chosen.id)
    return output.render_resolution(plan, args.lang, args.resolution, earlier=earlier)


def cmd_translations_export(args: argparse.Namespace) -> int:
    from comitia.plan import Language
    from comitia.translations.xliff import Select, TranslationFileError, export_xliff

    plan = read_plan(args.plan)
    source = Language(args.source) if args.source else None
    try:
        data = export_xliff(plan, Language(args.to), source=source, select=Select(args.select))
    except TranslationFileError as error:
        raise CommandError(str(error)) from None
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
    return 0


def cmd_translations_import(args: argparse.Namespace) -> int:
    from comitia.translations.plan_files import import_translations
    from comitia.translations.xliff import TranslationFileError

    try:
        imported = import_translations(args.plan, args.files, args.output, dry_run=args.dry_run)
    except TranslationFileError as error:
        raise CommandError(f"{error} (nothing written)") from None
    for line in imported.report(each=args.dry_run):
        print(line)
    if args.dry_run:
        print("dry run: nothing written")
    return 0


def cmd_translations_status(args: argparse.Namespace) -> int:
    from comitia.translations.texts import Status, plan_texts, progress

    plan = read_plan(args.plan)
    entries = plan_texts(plan)
    for counts in progress(plan, entries):
        print(
            f"{counts.lang.value}: {counts.percent}% translated "
            f"({counts.translated} of {counts.total}; {counts.outdated} outdated, "
            f"{counts.missing} missing)"
        )
        if args.each:
            for status in (Status.OUTDATED, Status.MISSING):
                for entry in entries:
                    if (
                        entry.source_lang is not counts.lang
                        and entry.status(plan, counts.lang) is status
                    ):
                        print(f"  {status.value}: {entry.id}")
    return 0


def cmd_translations_tmx(args: argparse.Namespace) -> int:
    from comitia.plan import Language
    from comitia.translations.memory import export_tmx

    Path(args.output).write_bytes(export_tmx(read_plan(args.plan), Language(args.to)))
    return 0


def cmd_translations_glossary(args: argparse.Namespace) -> int:
    from comitia.translations.memory import glossary_csv

    _write_text(glossary_csv(read_plan(args.plan)), args.output)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    plan = read_plan(args.plan)
    if args.organization:
        read_organization(args.organization)  # a bad file fails before the database is touched
    _setup_django()
    from comitia.web.publication.operations import load_organization_file, load_plan_file

    if args.organization:
        organization = load_organization_file(args.organization)
        print(f"loaded the organization {organization.key} from {args.organization}")

    term = load_plan_file(args.plan, replace=args.replace, publish=args.publish)
    state = "published" if args.publish else "a draft until published"
    print(
        f"loaded {term} ({len(plan.meetings)} meetings, {len(plan.activities)} activities), {state}"
    )
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    _setup_django()
    from comitia.web.plans.convert import find_term, load_plan

    plan = load_plan(find_term(args.term))
    if args.output in (None, "-"):
        from comitia.plan.files import dump_plan_yaml

        sys.stdout.write(dump_plan_yaml(plan))
    else:
        write_plan(plan, args.output)
    return 0


def _migrate_and_collect() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def _serve(host: str, port: int) -> None:
    from django.conf import settings

    from comitia.web.serving import create_server

    if settings.SECRET_KEY_IS_EPHEMERAL and not settings.DEBUG:
        raise CommandError(
            "COMITIA_SECRET_KEY is not set: set it to a long random value before serving "
            "(or set COMITIA_DEBUG=true for a local trial)"
        )
    try:
        server = create_server(host, port)
    except OSError as error:
        raise CommandError(
            f"cannot listen on {host}:{port} ({error.strerror}); is another server using it? "
            "Choose another with --port"
        ) from None
    # The port actually listened on: --port 0 asks for a free one.
    port = server.effective_port
    print(f"Comitia is serving on http://{host}:{port}/ (Ctrl+C stops it)", flush=True)
    server.run()


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    _migrate_and_collect()
    _serve(args.host, args.port)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Print the queued documents (django-tasks' database worker) until stopped."""
    _setup_django()
    import logging

    from django.core.management import call_command

    # One line per document printed, on stderr: what an operator looks for in the journal.
    logging.getLogger("comitia.printing").setLevel(logging.INFO)
    options = ["--queue-name", "*", "--no-reload", "--interval", str(args.interval)]
    if args.batch:
        options.append("--batch")
    call_command("db_worker", *options)
    return 0


def _start_worker() -> subprocess.Popen[bytes]:
    """``comitia worker`` as a child process, with this process's settings (the demo's)."""
    import subprocess

    return subprocess.Popen([sys.executable, "-m", "comitia", "worker", "--interval", "0.5"])


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Stop ``child`` (SIGTERM: the worker finishes nothing more and exits), then wait."""
    import subprocess

    if child.poll() is None:
        child.terminate()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def cmd_demo(args: argparse.Namespace) -> int:
    plan_path = Path(args.plan)
    read_plan(plan_path)  # a bad file fails before the database is touched
    _setup_django(debug=True)
    _migrate_and_collect()
    from comitia.web.publication.operations import load_plan_file

    # Published, so that the trial shows the public calendar at once.
    term = load_plan_file(plan_path, replace=True, publish=True)
    print(f"loaded and published the model plan {term} from {plan_path}", flush=True)
    from comitia.web.reports.demo import load_demo_reports

    # Beside the model plan: an example list of states parties, labelled illustrative.
    parties = plan_path.parent / "states-parties-illustrative.yaml"
    made = load_demo_reports(term, parties if parties.exists() else None)
    print(
        f"added {made['contacts']} example points of contact (fictitious, example.org) and "
        f"{made['submissions']} example submissions",
        flush=True,
    )
    from comitia.web.calendar.demo import load_second_committee

    # Beside it: an illustrative second committee sharing the model plan's rooms and teams.
    second = load_second_committee(term, plan_path.parent)
    if second is not None:
        print(
            f"loaded and published {second}, an illustrative second committee sharing rooms "
            "and interpretation teams with the model plan (examples, not real documents)",
            flush=True,
        )
    if args.no_serve:
        return 0
    # The worker prints the documents the publication just queued, beside the server; Ctrl+C
    # reaches both (one process group), and the finally stops it on any other way out.
    worker = _start_worker()
    try:
        _serve(args.host, args.port)
    finally:
        _stop(worker)
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["comitia manage", *args.arguments])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="comitia",
        description="Keep a committee's work plan as one source of truth.",
    )
    parser.add_argument("--version", action="version", version=f"comitia {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    export = add("export", cmd_export, "Print a plan file as JSON following the JSON Schema.")
    export.add_argument("plan", metavar="PLAN.yaml")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("-o", "--output", metavar="OUT", help="file to write (default: stdout)")

    check = add("check", cmd_check, "Check a plan's consistency; exit 1 on any error.")
    check.add_argument("plan", metavar="PLAN.yaml")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--lang", choices=["en", "fr", "es", "pt"], default="en")
    check.add_argument(
        "--today", type=_iso_day, metavar="YYYY-MM-DD", help="the day to check on (default: today)"
    )
    check.add_argument(
        "--weeks",
        type=int,
        default=4,
        metavar="N",
        help="warn of provisional meetings less than N weeks ahead (default: 4)",
    )
    check.add_argument(
        "--organization",
        metavar="ORG.yaml",
        help="the organization file: the rooms and interpretation teams the meetings name",
    )
    check.add_argument(
        "--others",
        nargs="+",
        default=[],
        metavar="OTHER.yaml",
        help="the plans of the organization's other committees, whose meetings book the same "
        "rooms and teams",
    )

    budget = add(
        "budget", cmd_budget, "Print the planned cost of the meetings against the appropriations."
    )
    budget.add_argument("plan", metavar="PLAN.yaml")
    budget.add_argument("--format", choices=["text", "json"], default="text")
    budget.add_argument("--lang", choices=["en", "fr", "es", "pt"], default="en")
    budget.add_argument("-o", "--output", metavar="OUT", help="file to write (default: stdout)")

    schedule = add(
        "schedule",
        cmd_schedule,
        "Propose days, hours and rooms for a plan's meetings; exit 1 when some do not fit.",
    )
    schedule.add_argument("plan", metavar="PLAN.yaml")
    schedule.add_argument(
        "--others",
        nargs="*",
        default=[],
        metavar="PLAN.yaml",
        help="the other committees' plans, whose meetings hold rooms and teams",
    )
    schedule.add_argument(
        "--organization",
        metavar="ORG.yaml",
        help="the organization file: the rooms and interpretation teams to place meetings in",
    )
    schedule.add_argument(
        "--replan",
        action="store_true",
        help="place every meeting not yet held on --today again, from scratch (default: only "
        "the provisional meetings)",
    )
    schedule.add_argument(
        "--today", type=_iso_day, metavar="YYYY-MM-DD", help="meetings before it are held"
    )
    schedule.add_argument(
        "--time-limit", type=float, default=10.0, metavar="S", help="the solver's limit (10)"
    )
    schedule.add_argument(
        "--gap", type=int, default=1, metavar="DAYS", help="days between two meetings (1)"
    )
    schedule.add_argument("--reason", help="the reason recorded with each move")
    schedule.add_argument("--lang", choices=["en", "fr", "es", "pt"], default="en")
    schedule.add_argument("-o", "--output", required=True, metavar="PROPOSAL.yaml")

    imp = add("import", cmd_import, "Import a work-plan document (text export or DOCX).")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("-o", "--output", required=True, metavar="PLAN.yaml|RES.yaml")
    imp.add_argument("--lang", choices=["fr", "en", "es", "pt"], help="default: guessed")
    imp.add_argument("--strict", action="store_true", help="fail (exit 1) on any unused line")
    imp.add_argument(
        "--organization",
        metavar="ORG.yaml",
        help="read venues that name a room of this organization file as that room",
    )
    imp.add_argument(
        "--document",
        choices=["workplan", "resolution"],
        default="workplan",
        help="a work plan (default; writes a plan file) or a resolution or draft (writes its "
        "resolutions: data, to merge into a plan file)",
    )
    imp.add_argument(
        "--committee",
        metavar="ACRONYM",
        help="the committee whose plan it is, when the document's title does not name it",
    )
    imp.add_argument(
        "--review",
        metavar="OUT.html",
        help="also write an HTML page showing each source line beside what it became",
    )

    from comitia.render.formats import format_names

    render = add("render", cmd_render, "Write a plan as a document or calendar feed.")
    render.add_argument("plan", metavar="PLAN.yaml")
    render.add_argument("--format", required=True, choices=format_names())
    render.add_argument("--lang", required=True, choices=["fr", "en", "es", "pt"])
    render.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="file, or - for stdout"
    )
    render.add_argument(
        "--document",
        choices=["workplan", "resolution"],
        default="workplan",
        help="the work plan (default) or a resolution of the plan",
    )
    render.add_argument(
        "--resolution",
        metavar="ID",
        help="the resolution to print (default: the term's draft, otherwise the resolution "
        "the mandates come from)",
    )
    render.add_argument(
        "--compare",
        metavar="EARLIER.yaml",
        help="print the resolution's changes since the same resolution in this earlier plan",
    )

    _add_translations(commands)

    load = add("load", cmd_load, "Load a plan file into the database.")
    load.add_argument("plan", metavar="PLAN.yaml")
    load.add_argument(
        "--organization",
        metavar="ORG.yaml",
        help="first load (or replace) the organization file the plan names: its rooms and "
        "interpretation teams",
    )
    load.add_argument(
        "--replace", action="store_true", help="replace the term if it is already loaded"
    )
    load.add_argument(
        "--publish",
        action="store_true",
        help="publish the plan, its document and meetings (otherwise a draft, seen only by "
        "its secretariat, chair and bureau)",
    )

    dump = add("dump", cmd_dump, "Write a term from the database as a plan file.")
    dump.add_argument("term", metavar="TERM", help="the term's name, such as csh-2019-2020")
    dump.add_argument("-o", "--output", metavar="PLAN.yaml", help="file to write (default: stdout)")

    serve = add("serve", cmd_serve, "Serve the web application with a production WSGI server.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    worker = add("worker", cmd_worker, "Print the queued documents in the background.")
    worker.add_argument(
        "--interval",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="how often to look for queued documents when there are none (default: 1)",
    )
    worker.add_argument("--batch", action="store_true", help="print what is queued, then stop")

    demo = add(
        "demo", cmd_demo, "Migrate, load the model plan and serve it with a worker, for a trial."
    )
    demo.add_argument("plan", nargs="?", default=str(DEFAULT_PLAN), metavar="PLAN.yaml")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--no-serve", action="store_true", help="load only; do not serve")

    manage = add("manage", cmd_manage, "Run one of Django's management commands.")
    manage.add_argument("arguments", nargs=argparse.REMAINDER)
    return parser


def _add_translations(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = "Translate a plan's texts in CAT tools: XLIFF, TMX and a glossary."
    group = commands.add_parser("translations", help=about, description=about)
    verbs = group.add_subparsers(dest="verb", required=True, metavar="VERB")
    languages = ["fr", "en", "es", "pt"]

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        sub.add_argument("plan", metavar="PLAN.yaml")
        return sub

    export = add(
        "export",
        cmd_translations_export,
        "Write the texts to translate as XLIFF 1.2 (by default the missing and outdated ones).",
    )
    export.add_argument("--to", required=True, choices=languages)
    export.add_argument(
        "--from", dest="source", choices=languages, help="default: the plan's language"
    )
    which = export.add_mutually_exclusive_group()
    for name in ("missing", "outdated", "all"):
        which.add_argument(
            f"--{name}",
            dest="select",
            action="store_const",
            const=name,
            help=f"only the {name} texts" if name != "all" else "every text",
        )
    export.set_defaults(select="pending")
    export.add_argument("-o", "--output", required=True, metavar="OUT.xlf", help="or - for stdout")

    imp = add(
        "import",
        cmd_translations_import,
        "Apply translated XLIFF files to the plan: all of them, or nothing if one is wrong.",
    )
    imp.add_argument("files", nargs="+", metavar="FILE.xlf")
    imp.add_argument("-o", "--output", required=True, metavar="PLAN.yaml")
    imp.add_argument("--dry-run", action="store_true", help="list the changes, write nothing")

    status = add("status", cmd_translations_status, "Count the texts translated per language.")
    status.add_argument("--each", action="store_true", help="list the outdated and missing texts")

    tmx = add("tmx", cmd_translations_tmx, "Write the up-to-date pairs as a TMX memory.")
    tmx.add_argument("--to", required=True, choices=languages)
    tmx.add_argument("-o", "--output", required=True, metavar="OUT.tmx")

    glossary = add(
        "glossary", cmd_translations_glossary, "Write the fixed names in four languages as CSV."
    )
    glossary.add_argument("-o", "--output", metavar="OUT.csv", help="default: stdout")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except PlanFileError as error:
        print(error, file=sys.stderr)
    except _render_errors() as error:
        print(f"comitia: {error}", file=sys.stderr)
    except CommandError as error:
        print(f"comitia: {error}", file=sys.stderr)
    except _django_user_errors() as error:
        print(f"comitia: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return EXIT_BAD_INPUT


def _render_errors() -> tuple[type[BaseException], ...]:
    from comitia.render import RenderError

    return (RenderError,)


def _django_user_errors() -> tuple[type[BaseException], ...]:
    """Errors of the web layer that are the user's to fix, once Django has been imported."""
    if "comitia.web.plans.convert" not in sys.modules:
        return ()
    from comitia.web.plans.convert import PlanLoadError

    return (PlanLoadError,)


if __name__ == "__main__":
    sys.exit(main())
