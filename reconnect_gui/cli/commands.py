"""``reconnect vault|journal|backup|export|check …``: the same storage and checks as the GUI, no Qt.

Each command module registers its subcommands here. Modules stay light at import time
(the GUI builds this parser too); storage, keyring and cryptography load inside the
handlers. Every way a command can end has an exit code (``EXIT_CODES``, shown by
``reconnect --help``) and a plain sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from reconnect_gui.cli import (
    backup_commands,
    check_command,
    journal_commands,
    nocontact_commands,
    snapshot_commands,
    vault_commands,
)

EXIT_USAGE = 2
EXIT_OTHER = 5
EXIT_STOPPED = 130
EXIT_CODES = """\
exit codes:
  0    done (check: the draft is ready to send)
  1    check only: the draft needs another look, or a wait
  2    usage: a wrong argument, or input that is missing, closed or not UTF-8 text
  3    the key is not available: no keyring, a locked one, a wrong passphrase or
       recovery code, or no vault yet
  4    the vault or a record in it is damaged (the file is left untouched)
  5    another problem: a file that could not be read or written, output closed
       early, or something unexpected
  130  stopped with Ctrl-C
"""

# Arguments that name files: bytes that aren't UTF-8 are a valid name on Linux, so they
# are kept (Python carries them as surrogates). Every other argument is words, checked.
FILE_NAME_ARGUMENTS = frozenset(
    {
        "data_dir",
        "passphrase_file",
        "recovery_code_file",
        "backup_passphrase_file",
        "file",
        "folder",
    }
)
NOT_UTF8_ARGUMENT = (
    "One of the words given to the command isn't UTF-8 text, so nothing was done. "
    "Check that your terminal uses UTF-8 and try again."
)


def add_subcommands(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXIT_CODES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keeps the table's lines
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for module in (
        vault_commands,
        journal_commands,
        nocontact_commands,
        backup_commands,
        snapshot_commands,
        check_command,
    ):
        module.register(commands)


def run(args: argparse.Namespace) -> int:
    from reconnect_gui.storage.errors import VaultError

    _steady_standard_streams()
    try:
        if _has_broken_words(args):
            print(NOT_UTF8_ARGUMENT, file=sys.stderr)
            return EXIT_USAGE
        code: int = args.handler(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, where a reader that went away can still be told
        return code
    except VaultError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Stopped; nothing more was changed.", file=sys.stderr)
        return EXIT_STOPPED
    except BrokenPipeError:
        _drop_stdout()
        print("The output was closed before Reconnect finished writing it.", file=sys.stderr)
        return EXIT_OTHER
    except OSError as error:
        print(
            f"Reconnect could not read or write a file ({error.strerror or error}).",
            file=sys.stderr,
        )
        return EXIT_OTHER
    except Exception as error:  # the last resort: a sentence, never a traceback
        # Only the type is named: an exception's text may hold the person's words.
        print(
            f"Reconnect stopped because something unexpected went wrong ({type(error).__name__}).",
            file=sys.stderr,
        )
        return EXIT_OTHER


def _steady_standard_streams() -> None:
    """Closed standard streams (``<&-``, ``>&-``) become /dev/null, so no file opened
    later takes their number (and a stray write to it); output never fails on a
    character the terminal's encoding lacks."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
    # Python leaves a stream that was closed at start as None; output then goes nowhere.
    # (Standard input stays None: reading it says it is closed.)
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _drop_stdout() -> None:
    """After the reader went away: what is still buffered goes nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        sys.stdout = None


def _has_broken_words(args: argparse.Namespace) -> bool:
    for name, value in vars(args).items():
        if name in FILE_NAME_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return True
    return False
