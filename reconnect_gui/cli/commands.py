"""``reconnect vault|journal|backup|export|check …``: the same storage and checks as the GUI, no Qt.

Each command module registers its subcommands here. Modules stay light at import time
(the GUI builds this parser too); storage, keyring and cryptography load inside the
handlers. Exit codes: 0 ok, 2 usage, 3 key unavailable or locked, 4 vault damaged or
tampered, 5 other error. Messages are plain sentences on stderr, never tracebacks.
"""

from __future__ import annotations

import argparse
import sys

from reconnect_gui.cli import (
    backup_commands,
    check_command,
    journal_commands,
    nocontact_commands,
    vault_commands,
)

EXIT_OTHER = 5


def add_subcommands(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for module in (
        vault_commands,
        journal_commands,
        nocontact_commands,
        backup_commands,
        check_command,
    ):
        module.register(commands)


def run(args: argparse.Namespace) -> int:
    from reconnect_gui.storage.errors import VaultError

    try:
        return args.handler(args)
    except VaultError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Stopped; nothing more was changed.", file=sys.stderr)
        return 130
    except OSError as error:
        print(
            f"Reconnect could not read or write a file ({error.strerror or error}).",
            file=sys.stderr,
        )
        return EXIT_OTHER
