"""KeyStore against a real Secret Service (gnome-keyring on a private D-Bus session).

The recipe is the one in TESTING.md: a fresh XDG_DATA_HOME (an old "login" keyring with
another password would stay locked and make gnome-keyring try to show a prompt),
``dbus-run-session``, and ``gnome-keyring-daemon --unlock`` fed a password on stdin.
Every step runs in its own process inside that one session, so the key is found
again by a process that did not store it, and ``secret-tool`` (a real libsecret
client) sees what we wrote.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from helpers.secret_service import run_in_secret_service

# Each step prints a marker line first so the test can split the session's output.
SESSION = r"""
step store;     "$PY" "$STEPS" store "$VAULT"
step search;    secret-tool search --all service reconnect 2>&1
step load;      "$PY" "$STEPS" load "$VAULT"
step chosen;    mkdir -p "$CHOSEN/python_keyring"
printf '[backend]\ndefault-keyring=keyring.backends.fail.Keyring\n' > "$CHOSEN/rc.cfg"
mv "$CHOSEN/rc.cfg" "$CHOSEN/python_keyring/keyringrc.cfg"
XDG_CONFIG_HOME="$CHOSEN" "$PY" "$STEPS" load "$VAULT"
step forget;    "$PY" "$STEPS" forget "$VAULT"
step search2;   secret-tool search --all service reconnect 2>&1
step load2;     "$PY" "$STEPS" load "$VAULT"
step lock;      "$PY" "$STEPS" lock "$VAULT"
"""

# Runs inside the session. Prints digests of the key, never the key itself.
STEPS = r"""
import hashlib, os, sys, time
from reconnect_gui.storage.keystore import KeyStore, KeyStoreError

action, vault = sys.argv[1], sys.argv[2]
store = KeyStore(timeout=3)
if action == "store":
    key = os.urandom(32)
    store.store(vault, key)
    print("backend:", store.backend_name())
    print("stored:", hashlib.sha256(key).hexdigest())
    print("same-process load:", hashlib.sha256(store.load(vault)).hexdigest())
elif action == "load":
    try:
        print("loaded:", hashlib.sha256(store.load(vault)).hexdigest())
    except KeyStoreError as error:
        print("failed:", error.reason)
    print("every backend loaded:", "keyring.backends.macOS" in sys.modules)
elif action == "forget":
    store.forget(vault)
    store.forget(vault)  # a second forget finds nothing and is quiet
    print("forgotten")
elif action == "lock":
    # Store again, then lock the collection the way a screen lock would.
    import secretstorage
    store.store(vault, os.urandom(32))
    bus = secretstorage.dbus_init()
    secretstorage.get_default_collection(bus).lock()
    started = time.monotonic()
    try:
        store.load(vault)
        print("locked-load: succeeded")
    except KeyStoreError as error:
        print("locked-load:", error.reason, round(time.monotonic() - started, 2))
"""


def run_session(tmp_path: Path, vault: str) -> dict[str, str]:
    steps = tmp_path / "steps.py"
    steps.write_text(STEPS)
    chosen = tmp_path / "config"
    return run_in_secret_service(
        tmp_path, SESSION, STEPS=str(steps), VAULT=vault, CHOSEN=str(chosen)
    )


def test_real_secret_service_store_find_forget(tmp_path: Path) -> None:
    vault = "vault-" + os.urandom(6).hex()
    out = run_session(tmp_path, vault)

    assert "backend: SecretService Keyring" in out["store"]
    digest = out["store"].split("stored: ")[1].split()[0]
    assert f"same-process load: {digest}" in out["store"]

    # A real libsecret client sees one entry, under our service and vault id, holding
    # the key as base64 text.
    search = out["search"]
    assert "attribute.service = reconnect" in search
    assert f"attribute.username = {vault}" in search
    secret = search.split("secret = ")[1].split()[0]
    assert hashlib.sha256(base64.b64decode(secret)).hexdigest() == digest

    assert f"loaded: {digest}" in out["load"]  # a fresh process finds it
    # ...without loading every backend keyring knows (its macOS one costs ~0.1 s on Linux).
    assert "every backend loaded: False" in out["load"]
    # A backend the person chose in keyring's config file is honoured: here, none at all.
    assert "failed: no_backend" in out["chosen"]
    assert out["forget"].strip() == "forgotten"
    assert vault not in out["search2"]
    assert "failed: missing" in out["load2"]

    # A locked collection never yields the key and never blocks past the timeout.
    reason, seconds = out["lock"].split("locked-load: ")[1].split()
    assert reason in ("locked", "timeout")
    assert float(seconds) < 3 + 1
