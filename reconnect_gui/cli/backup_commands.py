"""``reconnect backup create|restore`` (encrypted, age format) and ``reconnect export`` (plain)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reconnect_gui.cli.options import add_passphrase_option

if TYPE_CHECKING:
    pass

PLAINTEXT_WARNING = (
    "An export is NOT encrypted: anyone who can open the folder can read everything in it. "
    "If that is what you want, run the command again with --yes-plaintext."
)


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser("backup", help="encrypted backups that the age tool can open")
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="write an encrypted backup of the whole vault")
    create.add_argument("file")
    create.set_defaults(handler=create_backup)
    restore = actions.add_parser("restore", help="bring records back from a backup")
    restore.add_argument("file")
    restore.add_argument(
        "--mode",
        choices=("merge", "replace"),
        default="merge",
        help="merge (default: newer versions win, nothing is deleted) or "
        "replace (the vault becomes exactly the backup)",
    )
    restore.set_defaults(handler=restore_backup)
    for parser in (create, restore):
        parser.add_argument(
            "--passphrase-file",
            dest="backup_passphrase_file",
            metavar="F",
            required=True,
            help="the backup's own passphrase, on F's first line",
        )
        parser.add_argument(
            "--vault-passphrase-file",
            dest="passphrase_file",
            metavar="FILE",
            help="unlock the vault with the passphrase or recovery code in "
            "FILE when the keyring can't help",
        )

    export = commands.add_parser("export", help="write everything as plain files (unencrypted)")
    export.add_argument("folder")
    export.add_argument("--format", choices=("markdown", "json"), default="markdown")
    export.add_argument(
        "--yes-plaintext",
        action="store_true",
        help="confirm that you want readable, unencrypted files",
    )
    add_passphrase_option(export)
    export.set_defaults(handler=plain_export)


def create_backup(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import now_utc, read_secret_file, unlock
    from reconnect_gui.storage.backup import write_backup
    from reconnect_gui.storage.export import document_bytes, export_document

    passphrase = read_secret_file(args.backup_passphrase_file)
    vault = unlock(args).vault
    try:
        records, damaged = vault.records()
        document = export_document(records, vault_id=vault.vault_id, exported_at=now_utc())
    finally:
        vault.close()
    write_backup(Path(args.file), document_bytes(document), passphrase)
    print(f"Backed up {len(records)} records to {args.file}.")
    return _report_damaged(damaged)


def restore_backup(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import read_secret_file, unlock
    from reconnect_gui.storage.backup import read_backup
    from reconnect_gui.storage.export import parse_document
    from reconnect_gui.storage.restore_plan import merge_plan

    incoming = parse_document(
        read_backup(Path(args.file), read_secret_file(args.backup_passphrase_file))
    )
    vault = unlock(args).vault
    try:
        existing, damaged = vault.records()
        plan = merge_plan(existing, incoming, args.mode, damaged)
        vault.apply_restore(plan)
        _, still_damaged = vault.records()  # what the restore could not mend, read afresh
    finally:
        vault.close()
    print(plan.summary())
    return _report_damaged(still_damaged)


def plain_export(args: argparse.Namespace) -> int:
    if not args.yes_plaintext:
        print(PLAINTEXT_WARNING, file=sys.stderr)
        return 2
    from reconnect_gui.cli.common import unlock
    from reconnect_gui.storage.plain_export import write_plain_export

    vault = unlock(args).vault
    try:
        records, damaged = vault.records()
    finally:
        vault.close()
    written = write_plain_export(records, Path(args.folder), args.format)
    print(f"Wrote {len(written)} files to {args.folder}. They are not encrypted.")
    return _report_damaged(damaged)


def _report_damaged(damaged: list[str]) -> int:
    if not damaged:
        return 0
    print(
        f"These records could not be read because the vault file is damaged: {', '.join(damaged)}",
        file=sys.stderr,
    )
    return 4
