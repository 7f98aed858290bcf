"""The key looked up in a child process while the window is built (storage/key_prefetch.py),
against a real Secret Service (gnome-keyring on a private D-Bus session).

Each step is a fresh Python process, as the app is: it forks the child before anything
else, then opens the vault with what the child found. ``keyring`` never loading in the
parent is the proof that the lookup happened in the child.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers.repo import REPO
from helpers.secret_service import run_in_secret_service

SESSION = r"""
"$PY" -m reconnect_gui --data-dir "$DATA" vault init --recovery-code-file "$CODE" >/dev/null
step found;     "$PY" "$STEPS" open
step other;     "$PY" "$STEPS" other-vault
step cancel;    "$PY" "$STEPS" cancel
step no-plan;   "$PY" "$STEPS" preview
SINCE=$(date -u -d '12 days ago' +%Y-%m-%dT%H:%M)
"$PY" -m reconnect_gui --data-dir "$DATA" nocontact start --since "$SINCE" >/dev/null
step preview;   "$PY" "$STEPS" preview
"$PY" -m reconnect_gui --data-dir "$DATA" vault lock >/dev/null
step missing;   "$PY" "$STEPS" open
step no-key;    "$PY" "$STEPS" preview
step no-vault;  "$PY" "$STEPS" no-vault
"""

STEPS = r"""
import os, sys
from pathlib import Path
from reconnect_gui.storage.key_prefetch import KeyPrefetch
from reconnect_gui.storage.keystore import PrefetchedKeyStore

class _Answered:  # hands over an answer already taken, as KeyPrefetch.take would
    def __init__(self, answer):
        self.answer = answer
    def take(self, timeout):
        return self.answer

action = sys.argv[1]
from reconnect_gui.storage.vault_location import vault_file
from reconnect_gui.system.paths import app_paths
data = app_paths(os.environ["DATA"]).data
vault = vault_file(data)
if action == "preview":  # the home screen's day count, sent after the key
    import select
    from reconnect_gui.core.clock import system_clock
    prefetch = KeyPrefetch.start(vault, 5.0, now=system_clock)
    select.select([prefetch.preview_fd], [], [], 10.0)
    preview = prefetch.take_preview()
    print("preview day:", None if preview is None else preview.view.day)
    answer = prefetch.take(5.0)
    print("key after it:", answer is not None and answer.key is not None)
    beside = sorted(p.name for p in data.iterdir() if p.name.startswith(vault.name))
    print("beside the vault:", beside)
    print("cipher loaded:", "cryptography" in sys.modules)
    sys.exit()
prefetch = KeyPrefetch.start(data / "nothing-here" if action == "no-vault" else vault, 5.0)
print("child:", prefetch is not None and prefetch.pid != os.getpid())
if action == "cancel":
    prefetch.cancel()
    try:
        os.waitpid(prefetch.pid, os.WNOHANG)
        print("child reaped: no")
    except ChildProcessError:
        print("child reaped: yes")
    sys.exit()
keystore = PrefetchedKeyStore(prefetch)
if action == "open":
    answer = prefetch.take(5.0)
    beside = sorted(p.name for p in data.iterdir() if p.name.startswith(vault.name))
    print("beside the vault:", beside)
    keystore = PrefetchedKeyStore(None if answer is None else _Answered(answer))
print("keyring loaded before:", "keyring" in sys.modules)
from reconnect_gui.storage.errors import KeyUnavailable
from reconnect_gui.storage.keystore import KeyStoreError
from reconnect_gui.storage.unlock import open_with_keyring
if action == "other-vault":
    try:
        keystore.load("some-other-vault")
    except KeyStoreError as error:
        print("other vault:", error.reason)
    print("keyring loaded after:", "keyring" in sys.modules)
    sys.exit()
try:
    open_with_keyring(vault, keystore).vault.close()
    print("opened: yes")
except KeyUnavailable as error:
    print("failed:", error.reason)
print("keyring loaded after:", "keyring" in sys.modules)
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One Secret Service session for the whole file: each step is its own process."""
    tmp_path = tmp_path_factory.mktemp("prefetch")
    steps = tmp_path / "steps.py"
    steps.write_text(STEPS)
    data = tmp_path / "data"
    data.mkdir()
    return run_in_secret_service(
        tmp_path, SESSION, STEPS=str(steps), DATA=str(data), CODE=str(tmp_path / "code.txt")
    )


def test_the_child_finds_the_key_and_the_app_never_loads_keyring_for_it(
    out: dict[str, str],
) -> None:
    assert "child: True" in out["found"]
    # The look-ahead reads the file without locking it or making a -wal or -shm beside
    # it, which the app's own connection (opening at the same moment) would then share.
    assert "beside the vault: ['vault.sqlite3']" in out["found"]
    assert "opened: yes" in out["found"]
    assert "keyring loaded after: False" in out["found"]

    # A key taken out of the keyring (vault lock): the child says so, in the same words a
    # lookup here would use, and the app asks for the passphrase as before.
    assert "failed: missing" in out["missing"]
    assert "keyring loaded after: False" in out["missing"]


def test_an_answer_for_another_vault_is_not_used(out: dict[str, str]) -> None:
    # The child looked up the vault in the file; asked for another, the keystore asks the
    # keyring itself (and finds nothing there).
    assert "other vault: missing" in out["other"]
    assert "keyring loaded after: True" in out["other"]


def test_the_child_sends_the_home_screens_day_count_after_the_key(out: dict[str, str]) -> None:
    # Read with the key it found, from the file alone (nothing made beside it), and decoded
    # here without loading the cipher: the app paints it before its own vault has opened.
    assert "preview day: 12" in out["preview"]
    assert "key after it: True" in out["preview"]
    assert "beside the vault: ['vault.sqlite3']" in out["preview"]
    assert "cipher loaded: False" in out["preview"]
    # No plan yet, or no key in the keyring: nothing to show, and the pipe just closes.
    assert "preview day: None" in out["no-plan"]
    assert "key after it: True" in out["no-plan"]
    assert "preview day: None" in out["no-key"]
    assert "key after it: False" in out["no-key"]


def test_no_child_without_a_vault_and_a_cancelled_child_is_ended(out: dict[str, str]) -> None:
    assert "child: False" in out["no-vault"]
    assert "child: True" in out["cancel"]
    assert "child reaped: yes" in out["cancel"]


def test_forking_the_child_loads_nothing_before_the_first_frame() -> None:
    # The parent imports this module before its first frame: the keyring code, base64 and
    # the cipher load in the child, or in the parent only once the answer is wanted.
    probe = (
        "import sys, reconnect_gui.storage.key_prefetch; "
        "print(sorted(m for m in ('reconnect_gui.storage.keystore', 'keyring', 'base64',"
        " 'cryptography', 'sqlite3') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
