"""``reconnect check [--kind text|letter|logistics] [--json] [FILE|-]``: the tone checker, no vault.

Reads the draft from FILE, or from standard input with ``-`` or no FILE, and prints the
verdict, its reasons and the findings with line:column (or, with --json, the Report in
the shape docs/tone-report.md describes). Exit codes: 0 ready, 1 revise or wait, 2 usage
(a bad --kind, a missing or unreadable file, input that isn't UTF-8 text).

The draft is the user's own words: they appear only as the quoted spans of findings on
their own terminal, and are never logged.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_READY, EXIT_NOT_READY, EXIT_USAGE = 0, 1, 2
QUOTE_AT_MOST = 60  # characters of a finding's words to show before "…"


class InputProblem(Exception):
    """The draft could not be read; the message is one plain sentence."""


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="check a draft's tone and length before you send it",
        description="Check a first text or letter for tone and length. Nothing is saved.",
    )
    check.add_argument(
        "--kind",
        default="text",
        metavar="text|letter|logistics",
        help=(
            "what the draft is: a text message (the default), a letter, or a practical "
            "message about belongings, children or bills"
        ),
    )
    check.add_argument(
        "--json", action="store_true", help="print the report as JSON (docs/tone-report.md)"
    )
    check.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="the draft, as UTF-8 text; '-' or nothing reads it from standard input",
    )
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    from reconnect_gui.core.tone.report import KINDS  # the checker loads only when used

    if args.kind not in KINDS:
        print(f"--kind must be text, letter or logistics, not {args.kind!r}.", file=sys.stderr)
        return EXIT_USAGE
    try:
        text = read_draft(args.file)
    except InputProblem as problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE

    from reconnect_gui.core.tone import check

    report = check(text, args.kind)
    _tolerant(sys.stdout)
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(describe(report, text))
    return EXIT_READY if report.verdict == "ready" else EXIT_NOT_READY


def read_draft(name: str) -> str:
    """The draft from a file or standard input, less the line break that ends a file."""
    if name == "-":
        data = _read_stdin()
        where = "The input"
    else:
        where = name
        try:
            data = Path(name).read_bytes()
        except FileNotFoundError:
            raise InputProblem(f"Reconnect could not find {name}.") from None
        except IsADirectoryError:
            raise InputProblem(f"{name} is a folder; give the file that holds the draft.") from None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise InputProblem(f"Reconnect could not read {name} ({reason}).") from None
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise InputProblem(f"{where} doesn't look like text; give the draft as plain text.")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputProblem(
                f"{where} isn't UTF-8 text; save it as UTF-8 and try again."
            ) from None
    elif "\x00" in data:
        raise InputProblem(f"{where} doesn't look like text; give the draft as plain text.")
    return data.rstrip("\r\n")


def _read_stdin() -> bytes | str:
    if sys.stdin is None:
        raise InputProblem("There is no input to read; give a FILE or pipe the draft in.")
    if sys.stdin.isatty():
        print("Type or paste your draft, then press Ctrl-D on a new line.", file=sys.stderr)
    source = getattr(sys.stdin, "buffer", sys.stdin)  # bytes when there are bytes to read
    try:
        return source.read()
    except UnicodeDecodeError:
        raise InputProblem("The input isn't UTF-8 text; save it as UTF-8 and try again.") from None


def _tolerant(stream) -> None:
    """Never fail on a terminal that can't show an emoji the user typed."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


# The human-readable report.

READING_EASE = (
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "plain"),
    (50, "fairly hard"),
    (30, "hard"),
    (0, "very hard"),
)


def describe(report, text: str) -> str:
    lines = [report.support_note, ""] if report.support_note else []  # the person comes first
    lines += [f"Verdict: {report.verdict}"]
    lines += [f"  {reason}" for reason in report.reasons]
    if report.english_only_note:
        lines += ["", report.english_only_note]
    for finding in report.findings:
        lines.append("")
        lines.append(_heading(finding, text))
        lines.append(f"    {finding.message}")
        lines.append(f"    Try: {finding.suggestion}")
    lines += ["", _length(report.metrics, report.kind)]
    return "\n".join(lines) + "\n"


def _heading(finding, text: str) -> str:
    label = "suggestion" if finding.severity == "info" else finding.severity
    start, end = finding.span
    if start == end:
        return f"whole message  {finding.category} ({label})"
    line, column = line_column(text, start)
    words = " ".join(text[start:end].split())
    if len(words) > QUOTE_AT_MOST:
        words = words[: QUOTE_AT_MOST - 1].rstrip() + "…"
    return f'{line}:{column}  {finding.category} ({label}): "{words}"'


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _length(metrics, kind: str) -> str:
    from reconnect_gui.core.wording import plural

    parts = [
        plural(metrics.words, "word"),
        plural(metrics.sentences, "sentence"),
        plural(metrics.characters, "character"),
        f"about {max(metrics.reading_seconds, 1) if metrics.words else 0} s to read",
    ]
    if metrics.readability is not None:
        band = next(words for floor, words in READING_EASE if metrics.readability >= floor)
        parts.append(f"reading ease {metrics.readability:.0f} ({band})")
    if kind in ("text", "logistics"):
        parts.append(f"{plural(metrics.sms_segments, 'SMS', 'SMS')} ({metrics.sms_encoding})")
    else:
        parts.append(plural(metrics.paragraphs, "paragraph"))
    return "Length: " + ", ".join(parts) + "."
