"""``reconnect snapshot list|restore``: the automatic daily copies of the vault, and going
back to one (or to a copy an earlier restore kept aside, or a sync app's conflict copy)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconnect_gui.storage.snapshots import VaultCopy

EXIT_USAGE = 2
KIND_WORDS = {
    "snapshot": "automatic copy",
    "set_aside": "your vault as it was before a restore",
    "conflict": "left by a sync app",
}


def register(commands: argparse._SubParsersAction) -> None:
    snapshot = commands.add_parser(
        "snapshot", help="the vault's automatic daily copies, and going back to one"
    )
    actions = snapshot.add_subparsers(dest="snapshot_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="show the copies you can go back to, newest first")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(handler=list_copies)
    restore = actions.add_parser(
        "restore",
        help="make a copy your vault again; the vault as it is now is kept aside "
        "(Reconnect must be closed or locked)",
    )
    restore.add_argument("name", help="a name from 'reconnect snapshot list'")
    restore.set_defaults(handler=restore_copy)


def list_copies(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import now_utc, print_json, vault_path
    from reconnect_gui.storage.snapshots import vault_copies

    copies = vault_copies(vault_path(args), now_utc())
    if args.json:
        print_json(
            {
                "copies": [
                    {"name": c.name, "kind": c.kind, "made": c.made.isoformat()} for c in copies
                ]
            }
        )
        return 0
    if not copies:
        print(
            "There are no copies yet. Reconnect makes one a day while your vault is unlocked "
            "in the app."
        )
        return 0
    print("Copies of your vault you can go back to, newest first:")
    width = max(len(c.name) for c in copies)
    for copy in copies:
        print(f"  {copy.name:<{width}}  {KIND_WORDS[copy.kind]}, {_when(copy)}")
    print("Go back to one with: reconnect snapshot restore NAME")
    return 0


def restore_copy(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import now_utc, vault_path
    from reconnect_gui.storage.errors import VaultError
    from reconnect_gui.storage.snapshots import NO_SUCH_COPY, find_copy
    from reconnect_gui.storage.snapshots import restore_copy as restore

    path, now = vault_path(args), now_utc()
    try:
        copy = find_copy(path, args.name, now)
    except VaultError:
        print(f"{NO_SUCH_COPY} See them with: reconnect snapshot list", file=sys.stderr)
        return EXIT_USAGE
    restored = restore(path, copy, now)
    print(f"Your vault is now the copy from {_when(copy)}.")
    kept = restored.set_aside
    if kept is not None and kept.suffix == ".sqlite3":
        print(
            f"Your vault as it was is kept as {kept.name}. To go back to it: "
            f"reconnect snapshot restore {kept.name}"
        )
    elif kept is not None:  # only a log was left where the vault had been
        print(f"What was left of your vault is kept as {kept.name}.")
    print(
        "If you changed your passphrase or recovery code after this copy was made, it opens "
        "with the ones you had then."
    )
    return 0


def _when(copy: VaultCopy) -> str:
    """The moment in the computer's own time zone, e.g. '29 Mar 2026, 10:30'."""
    local = copy.made.astimezone()
    return f"{local.day} {local:%b %Y, %H:%M}"
