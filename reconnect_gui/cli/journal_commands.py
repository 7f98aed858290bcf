"""``reconnect journal add|list|show|search``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reconnect_gui.cli.options import add_passphrase_option


def register(commands: argparse._SubParsersAction) -> None:
    journal = commands.add_parser("journal", help="write and read journal entries")
    actions = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add an entry, read from standard input: the title on the first line, then the body",
        description="Add a journal entry. It is read from standard input: the first line is "
        "the title (leave it empty for none) and the rest is the body. In a terminal, "
        "Reconnect asks for each. Your words never go on the command line, where other "
        "people on this computer could see them.",
    )
    add.add_argument(
        "--title",
        help="not recommended, as others on this computer can see it: better give the "
        "title as the first line of the input",
    )
    add.add_argument("--mood", type=int, choices=range(1, 6), metavar="1-5")
    add.add_argument(
        "--tag",
        action="append",
        default=[],
        help="a tag (repeat for more); like every argument, visible to others on this "
        "computer while the command runs",
    )
    add.set_defaults(handler=add_entry)

    listing = actions.add_parser("list", help="list entries, newest first")
    listing.set_defaults(handler=list_entries)

    show = actions.add_parser("show", help="show one entry")
    show.add_argument("id")
    show.set_defaults(handler=show_entry)

    search = actions.add_parser(
        "search",
        help="find entries containing the words read from standard input",
        description="Find journal entries containing some words. They are read from the "
        "first line of standard input, or asked for in a terminal.",
    )
    search.add_argument(
        "text",
        nargs="?",
        metavar="TEXT",
        help="not recommended, as others on this computer can see it: '-' or nothing "
        "reads the words from standard input",
    )
    search.set_defaults(handler=search_entries)

    for parser in (add, listing, show, search):
        add_passphrase_option(parser)
    for parser in (listing, show, search):
        parser.add_argument("--json", action="store_true", help="print JSON")


def add_entry(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import unlock
    from reconnect_gui.core.journal.entry import entry_data
    from reconnect_gui.storage.records import JOURNAL_ENTRY

    title, body = _read_entry(args)
    data = entry_data(title, body, mood=args.mood, tags=args.tag)
    vault = unlock(args).vault
    try:
        record = vault.put(JOURNAL_ENTRY, data)
    finally:
        vault.close()
    print(record.id)
    return 0


def _read_entry(args: argparse.Namespace) -> tuple[str, str]:
    """The title and body: the first line of the input and the rest, or asked for in turn."""
    from reconnect_gui.cli.common import (
        InputProblem,
        read_input,
        read_input_line,
        stdin_is_terminal,
        warn_words_in_arguments,
    )

    write_body = "Write your entry, then press Ctrl-D on a new line."
    if args.title is not None:
        warn_words_in_arguments(
            "--title", "leave --title out and give the title as the first line of the input"
        )
        return args.title, read_input(write_body)
    if stdin_is_terminal():
        title = read_input_line("Title (press Enter for none): ")
        body = read_input(write_body)
    else:
        title, _, body = read_input().partition("\n")
    if not title.strip() and not body.strip():
        raise InputProblem(
            "There was nothing to save: give the title on the first line of the input "
            "and the entry below it."
        )
    return title.rstrip("\r"), body


def list_entries(args: argparse.Namespace) -> int:
    return _print_entries(args, lambda vault, kind: vault.records(kind))


def search_entries(args: argparse.Namespace) -> int:
    words = _search_words(args)
    return _print_entries(args, lambda vault, kind: vault.search(words, kind))


def _search_words(args: argparse.Namespace) -> str:
    from reconnect_gui.cli.common import (
        InputProblem,
        read_input,
        read_input_line,
        stdin_is_terminal,
        warn_words_in_arguments,
    )

    if args.text not in (None, "-"):
        warn_words_in_arguments(
            "journal search", "leave the words out and type them when asked, or pipe them in"
        )
        return args.text
    if stdin_is_terminal():
        words = read_input_line("Search for: ")
    else:
        words = read_input().partition("\n")[0]
    if not words.strip():
        raise InputProblem("There was nothing to search for: give the words on the input.")
    return words.strip()


def show_entry(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import print_json, unlock
    from reconnect_gui.storage.errors import VaultError
    from reconnect_gui.storage.journal_store import load_entry

    vault = unlock(args).vault
    try:
        entry = load_entry(vault, args.id)
    finally:
        vault.close()
    if entry is None:
        raise VaultError(f"There is no journal entry with the id {args.id}.")
    if args.json:
        print_json(_entry_json(entry))
    else:
        trash = " (in the trash)" if entry.in_trash else ""
        print(f"{entry.display_title}{trash}\n{_when(entry.created)}{_details(entry)}\n")
        print(entry.body)
    return 0


def _print_entries(args: argparse.Namespace, query) -> int:
    from reconnect_gui.cli.common import print_json, unlock
    from reconnect_gui.core.wording import plural
    from reconnect_gui.storage.journal_store import entry_of_record
    from reconnect_gui.storage.records import JOURNAL_ENTRY

    vault = unlock(args).vault
    try:
        records, damaged = query(vault, JOURNAL_ENTRY)
    finally:
        vault.close()
    # The trash is set aside.
    entries = [e for e in map(entry_of_record, records) if not e.in_trash]
    if args.json:
        print_json({"entries": [_entry_json(e) for e in entries], "damaged": damaged})
    else:
        for entry in entries:
            print(f"{entry.id}  {_when(entry.created)}  {entry.display_title}{_details(entry)}")
        if not entries:
            print("No entries found.")
    if damaged:
        print(
            f"{plural(len(damaged), 'entry', 'entries')} could not be read "
            f"because the vault file was damaged: {', '.join(damaged)}",
            file=sys.stderr,
        )
        return 4
    return 0


def _entry_json(entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "title": entry.title,
        "body": entry.body,
        "mood": entry.mood,
        "tags": list(entry.tags),
        "type": entry.entry_type,
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
        "in_trash": entry.in_trash,
    }


def _when(moment) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _details(entry) -> str:
    parts = []
    if entry.mood:
        parts.append(f"mood {entry.mood}/5")
    if entry.tags:
        parts.append(", ".join(f"#{t}" for t in entry.tags))
    return f"  ({'; '.join(parts)})" if parts else ""
