"""Where the vault lives in the data folder: a module light enough to import before the
first frame (storage.unlock, which also names it, loads the cipher and SQLite)."""

from __future__ import annotations

from pathlib import Path

VAULT_FILE_NAME = "vault.sqlite3"


def vault_file(data_dir: Path) -> Path:
    return data_dir / VAULT_FILE_NAME
