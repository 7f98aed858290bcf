"""What the commands share: where the vault is, reading secrets, unlocking, output."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import datetime
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
    if sys.stdin is not None and sys.stdin.isatty():
        print(problem.message, file=sys.stderr)
        return open_with_secret(path, getpass.getpass("Passphrase or recovery code: "))
    raise KeyUnavailable(
        f"{problem.message} To unlock without a terminal, pass --passphrase-file FILE."
    ) from None


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
    return moment


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or type(error).__name__
