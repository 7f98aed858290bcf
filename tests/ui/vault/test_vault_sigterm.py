"""SIGTERM (a logout, ``kill``, a service manager) while the GUI has the vault open: the
app quits as its Quit menu does, so the vault's WAL is emptied into the main file and the
folder holds one whole file. It used to die at once, leaving its -wal and -shm behind.

The real app in a real Secret Service session (the keyring unlocks the vault at start),
on Qt's offscreen platform; another program writes while it runs, as the CLI would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers.secret_service import run_in_secret_service

SCRIPT = r"""
DATA="$RECONNECT_HOME/data"
"$PY" -m reconnect_gui vault init >/dev/null
"$PY" -m reconnect_gui 2>"$RECONNECT_HOME/gui.err" & gui=$!
for _ in $(seq 1 300); do [ -e "$DATA/vault.sqlite3-wal" ] && break; sleep 0.1; done
step opened; ls "$DATA"
"$PY" -c "$WRITE"
step written; stat -c %s "$DATA/vault.sqlite3-wal"
kill -TERM "$gui"; rc=0; wait "$gui" || rc=$?
step stopped; echo "rc=$rc"
step files; ls -A "$DATA"
"""

WRITE = """
import os
from pathlib import Path
from reconnect_gui.storage.keystore import KeyStore
from reconnect_gui.storage.unlock import open_with_keyring
path = Path(os.environ["RECONNECT_HOME"]) / "data" / "vault.sqlite3"
opened = open_with_keyring(path, KeyStore())
opened.vault.put("journal_entry", {"title": "written while the app ran"})
opened.vault.close()
"""


def test_sigterm_quits_cleanly_and_leaves_one_whole_vault_file(
    tmp_path: Path, isolated_home: Path
) -> None:
    out = run_in_secret_service(
        tmp_path,
        SCRIPT,
        RECONNECT_HOME=str(isolated_home),
        QT_QPA_PLATFORM="offscreen",
        WRITE=WRITE,
    )
    assert "vault.sqlite3-wal" in out["opened"].split(), "the app did not open the vault"
    assert int(out["written"]) > 0  # the other program's save left frames in the WAL
    assert out["stopped"].strip() == "rc=0", (isolated_home / "gui.err").read_text()[-2000:]
    files = out["files"].split()
    assert "vault.sqlite3" in files
    assert "vault.sqlite3-wal" not in files and "vault.sqlite3-shm" not in files
    conn = sqlite3.connect(isolated_home / "data" / "vault.sqlite3")
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] >= 1
    conn.close()
