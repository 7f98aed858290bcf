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
from reconnect_gui.storage.unlock import Opened, open_with_keyring, open_with_secret, vault_file
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


def unlock(args: argparse.Namespace, keystore: KeyStore | None = None) -> Opened:
    """Open the vault: the keyring first, then --passphrase-file, then a prompt on a terminal."""
    path = vault_path(args)
    keystore = keystore or KeyStore()
    secret_file = getattr(args, "passphrase_file", None)
    try:
        return open_with_keyring(path, keystore)
    except KeyUnavailable as problem:
        if secret_file:
            return open_with_secret(path, read_secret_file(secret_file), keystore)
        if sys.stdin.isatty():
            print(problem.message, file=sys.stderr)
            secret = getpass.getpass("Passphrase or recovery code: ")
            return open_with_secret(path, secret, keystore)
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
