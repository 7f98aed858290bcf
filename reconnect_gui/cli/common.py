"""What the commands share: where the vault is, reading secrets, unlocking, output."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reconnect_gui.core.clock import system_clock
from reconnect_gui.storage.errors import KeyUnavailable, VaultError
from reconnect_gui.storage.keystore import KeyStore
from reconnect_gui.storage.unlock import (
    Opened,
    open_vault_checked,
    open_with_keyring,
    open_with_secret,
    vault_file,
)
from reconnect_gui.system.paths import app_paths


def vault_path(args: argparse.Namespace) -> Path:
    paths = app_paths(args.data_dir)
    paths.ensure()
    return vault_file(paths.data)


def read_secret_file(path: str) -> str:
    """The first line of a file holding a passphrase or recovery code."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise VaultError(f"Reconnect could not read {path}: {_reason(error)}.") from None
    secret = text.split("\n", 1)[0].rstrip("\r")
    if not secret.strip():
        raise VaultError(f"{path} is empty; put the passphrase or recovery code on its first line.")
    return secret


APP_LOCK_ON = (
    "The app lock is on, so Reconnect opens only with your passphrase or recovery code, "
    "never with the key in your keyring."
)


def app_lock_on(args: argparse.Namespace) -> bool:
    """Whether the GUI's app lock is on (Settings, kept in settings.json).

    Read without changing anything: a damaged settings file counts as off here, as it does
    for the GUI, which sets the file aside and says so when it next starts.
    """
    from reconnect_gui.core.settings import SettingsFormatError, settings_from_json_dict

    try:
        raw = json.loads(app_paths(args.data_dir).settings_file.read_bytes())
        settings, _rejected = settings_from_json_dict(raw)
    except (OSError, ValueError, TypeError, RecursionError, SettingsFormatError):
        return False
    return settings.app_lock_minutes > 0


def unlock(args: argparse.Namespace, keystore: KeyStore | None = None) -> Opened:
    """Open the vault: the keyring first, then --passphrase-file, then a prompt on a terminal.

    A passphrase or recovery code opens the vault without putting the key back in the
    keyring: a key taken out on purpose (``vault lock``, the app lock) stays out, and only
    ``vault recover`` brings it back. With the app lock on, the keyring is not asked at all,
    as in the GUI.
    """
    path = vault_path(args)
    secret_file = getattr(args, "passphrase_file", None)
    if app_lock_on(args):
        open_vault_checked(path)  # no vault, or a damaged one, is said as such first
        problem = KeyUnavailable(APP_LOCK_ON)
    else:
        try:
            return open_with_keyring(path, keystore or KeyStore())
        except KeyUnavailable as unavailable:
            problem = unavailable
    if secret_file:
        return open_with_secret(path, read_secret_file(secret_file))
    if stdin_is_terminal():
        print(problem.message, file=sys.stderr)
        try:
            secret = getpass.getpass("Passphrase or recovery code: ")
        except EOFError:  # Ctrl-D at the prompt
            raise KeyUnavailable(
                "The vault stayed locked: nothing was typed at the prompt."
            ) from None
        return open_with_secret(path, secret)
    raise KeyUnavailable(
        f"{problem.message} To unlock without a terminal, pass --passphrase-file FILE."
    ) from None


class InputProblem(VaultError):
    """The words could not be read (closed, empty, not UTF-8): a usage problem, exit 2."""

    exit_code = 2


NOT_UTF8 = "The input isn't UTF-8 text; save it as UTF-8 and try again."
NO_INPUT = (
    "Standard input is closed, so there is nothing to read; pipe the words in, "
    "or run the command in a terminal to type them."
)


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_input(prompt: str = "") -> str:
    """All of standard input as text, the person's words; on a terminal ``prompt`` first.

    Private words come this way, never as arguments: those are visible to every user of
    the computer while the command runs (/proc/PID/cmdline) and stay in shell history.
    """
    if prompt and stdin_is_terminal():
        print(prompt, file=sys.stderr, flush=True)
    return _as_text(_read(lambda source: source.read()))


def read_input_line(prompt: str) -> str:
    """One line of standard input, less its line break; on a terminal ``prompt`` first."""
    if stdin_is_terminal():
        print(prompt, end="", file=sys.stderr, flush=True)
    return _as_text(_read(lambda source: source.readline())).rstrip("\r\n")


def warn_words_in_arguments(option: str, instead: str) -> None:
    """The old way still works, but the person should know why it is a bad place."""
    print(
        f"Words given with {option} can be seen by other people on this computer while "
        f"Reconnect runs, and they stay in your shell history. Next time, {instead}.",
        file=sys.stderr,
    )


def _read(how: Callable[[Any], bytes | str]) -> bytes | str:
    if sys.stdin is None:
        raise InputProblem(NO_INPUT)
    # Bytes when there are bytes (a real stream): a strict decode below, not the
    # surrogateescape that Python's own stdin would quietly apply.
    source = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        return how(source)
    except UnicodeDecodeError:
        raise InputProblem(NOT_UTF8) from None
    except OSError as error:
        raise InputProblem(
            f"Reconnect could not read its input ({_reason(error)}); pipe the words in, "
            "or run the command in a terminal to type them."
        ) from None


def _as_text(data: bytes | str) -> str:
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        text.encode("utf-8")  # no lone surrogates, whatever the source
    except UnicodeError:
        raise InputProblem(NOT_UTF8) from None
    return text


def now_utc() -> datetime:
    """The command line is its own composition root: it reads the system clock here, once
    per command, and hands the moment to core functions."""
    return system_clock()


def parse_moment(text: str, zone: str) -> datetime:
    """An ISO date-time; without an offset it is read as local time in ``zone``."""
    from zoneinfo import ZoneInfo

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date and time Reconnect understands; "
            "write it like 2026-11-01T20:00."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    try:
        moment.astimezone(UTC)
    except OverflowError:  # year 1 at +14:00, or year 9999 at -14:00
        raise ValueError(f"{text!r} is too far in the past or the future.") from None
    return moment


def print_json(value: Any) -> None:
    # Readable text where the output is UTF-8; \u escapes where it can't hold every
    # character, so the JSON still reads back the same.
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    json.dump(value, sys.stdout, ensure_ascii=encoding != "utf8", indent=2, sort_keys=True)
    sys.stdout.write("\n")


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or type(error).__name__
