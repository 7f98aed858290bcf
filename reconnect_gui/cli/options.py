"""Options several commands share (kept apart from common.py, which loads the storage)."""

from __future__ import annotations

import argparse


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="unlock with the passphrase or recovery code in FILE when the keyring can't help",
    )
