"""Benchmark: reading DOCX files that are large or deeply nested, in time and peak memory.

Run on demand (``.venv/bin/python benchmarks/bench_docx_import.py``); it prints figures and never
fails on a slow machine. Targets (issues 13 and 21): a DOCX of tiny paragraphs with 45 MB of
XML (under the size limits) is read in memory proportional to its text, not to its XML, and a
DOCX with tables nested 20,000 deep is read (or refused) in under 2 s.

Each case runs in a fresh Python process, so that its peak resident memory is its own: the
kernel's high-water mark of the process's memory (``VmHWM`` in ``/proc/self/status``; Linux
carries ``ru_maxrss`` over from the parent across ``exec``, so that a child of this script,
which holds the test files, would report the script's size instead). The peak of a process
that only imports the same modules is printed first. ``read`` is ``read_docx`` alone; ``import``
(with ``--import``) is the whole ``import_document``, whose later stages are not the DOCX
reader's. ``--src DIR`` runs the cases against another source tree, for a figure before a
change (``git archive HEAD src | tar -x -C /tmp/before`` then ``--src /tmp/before/src``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import print_reference  # noqa: E402

from tests.importer.test_docx_structure import (  # noqa: E402
    TITLE,
    nested_tables,
    p,
    package,
    tiny_paragraphs,
)

# One tiny paragraph is about 39 bytes of XML: 1.15 million of them make the 45 MB.
TINY_PARAGRAPHS = 1_150_000

CHILD = """
import json, re, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from comitia.importer import import_document
from comitia.importer.docx import read_docx
imported = time.perf_counter()
path, action = Path(sys.argv[1]), sys.argv[2]
lines = None
if action == "read":
    lines = read_docx(path.read_bytes(), str(path)).text.count("\\n")
elif action == "import":
    lines = len(import_document(path).report.unused)
seconds = time.perf_counter() - imported
try:
    status = Path("/proc/self/status").read_text()
    peak_kb = int(re.search(r"VmHWM:\\s*(\\d+) kB", status)[1])
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "lines": lines}))
"""


def run(src: Path, path: Path, action: str, timeout: float) -> dict[str, float] | None:
    """Run ``action`` on ``path`` in a child process; None if it did not end in ``timeout``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), action],
            env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["?"]
        return {"error": last[0]}  # type: ignore[dict-item]
    result: dict[str, float] = json.loads(done.stdout)
    return result


def describe(result: dict[str, float] | None, timeout: float) -> str:
    if result is None:
        return f"did not end in {timeout:.0f} s"
    if "error" in result:
        return f"failed: {result['error']}"
    lines = f" ({result['lines']:,} lines)" if result["lines"] is not None else ""
    return f"{result['seconds']:.2f} s, peak {result['peak_mb']:.0f} MB{lines}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="source tree to run")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per case")
    parser.add_argument("--import", dest="full", action="store_true", help="also import_document")
    parser.add_argument(
        "--depths",
        default="900,20000",
        help="nesting depths to read, comma-separated ('' for none)",
    )
    args = parser.parse_args()
    print_reference()
    print(f"source: {args.src}")
    with tempfile.TemporaryDirectory() as folder:
        cases: list[tuple[str, Path]] = []
        tiny = Path(folder) / "tiny.docx"
        tiny.write_bytes(
            package("".join(p(line) for line in TITLE) + tiny_paragraphs(TINY_PARAGRAPHS))
        )
        xml = zipfile.ZipFile(tiny).getinfo("word/document.xml").file_size
        size = tiny.stat().st_size
        cases.append(
            (f"tiny paragraphs: {xml / 1e6:.1f} MB of XML, DOCX of {size / 1e6:.1f} MB", tiny)
        )
        for depth in [int(d) for d in args.depths.split(",") if d]:
            nested = Path(folder) / f"nested-{depth}.docx"
            body = "".join(p(line) for line in TITLE) + nested_tables(depth)
            nested.write_bytes(package(body, compression=zipfile.ZIP_STORED))
            cases.append(
                (
                    f"tables nested {depth:,} deep: DOCX of {nested.stat().st_size / 1e3:.0f} kB",
                    nested,
                )
            )
        baseline = run(args.src, tiny, "none", args.timeout)
        print(f"a process that only imports the reader: {describe(baseline, args.timeout)}")
        for label, path in cases:
            print(label)
            for action in ("read", "import") if args.full else ("read",):
                result = run(args.src, path, action, args.timeout)
                print(f"  {action}: {describe(result, args.timeout)}")


if __name__ == "__main__":
    main()
