"""KeyStore against fake keyring backends: every way a keyring fails maps to one reason."""

from __future__ import annotations

import base64
import logging
import os
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError

from helpers.fake_keyrings import FileLikeKeyring, LockedKeyring, MemoryKeyring
from helpers.repo import REPO
from reconnect_gui.storage.errors import KeyUnavailable
from reconnect_gui.storage.keystore import SERVICE, KeyStore, KeyStoreError

KEY = os.urandom(32)
KEY_TEXT = base64.b64encode(KEY).decode()


class RaisingKeyring(MemoryKeyring):
    """Fails with an arbitrary exception whose text even quotes the secret."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"D-Bus went away while handling {KEY_TEXT} {KEY!r}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(f"cannot store {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise ValueError(f"cannot delete {KEY_TEXT}")


class HangingKeyring(MemoryKeyring):
    """Blocks far beyond any timeout, like a Secret Service waiting on a prompt."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(60)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(60)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(60)


class ValueKeyring(MemoryKeyring):
    """Always answers the same thing, whatever was stored."""

    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value

    def get_password(self, service: str, username: str) -> str | None:
        return self.value  # type: ignore[return-value]


class EmptyChainer(chainer.ChainerBackend):
    backends = ()  # type: ignore[assignment]


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[KeyringBackend], None]]:
    """Install a fake backend for one test; the previous one comes back afterwards."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.core._keyring_backend)
    hanging: list[HangingKeyring] = []

    def _install(backend: KeyringBackend) -> None:
        if isinstance(backend, HangingKeyring):
            hanging.append(backend)
        keyring.set_keyring(backend)

    yield _install
    for backend in hanging:
        backend.release.set()  # let the abandoned worker threads finish


@pytest.fixture(autouse=True)
def no_secret_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    assert_no_secret(caplog.text)


def assert_no_secret(text: str) -> None:
    for secret in (KEY_TEXT, repr(KEY), KEY.hex()):
        assert secret not in text


def fails_with(reason: str, action: Callable[[], object]) -> KeyStoreError:
    with pytest.raises(KeyStoreError) as caught:
        action()
    error = caught.value
    assert error.reason == reason
    assert isinstance(error, KeyUnavailable) and error.exit_code == 3
    assert error.__cause__ is None  # no backend text chained onto what callers log
    shown = "".join(traceback.format_exception(error)) + repr(error) + error.message
    assert_no_secret(shown)
    assert error.message.endswith(".") and "\n" not in error.message
    return error


def test_round_trip_forget_and_two_vaults(install: Callable[[KeyringBackend], None]) -> None:
    memory = MemoryKeyring()
    install(memory)
    store = KeyStore()
    other = os.urandom(32)
    store.store("vault-a", KEY)
    store.store("vault-b", other)
    assert store.load("vault-a") == KEY
    assert store.load("vault-b") == other
    assert memory.entries[(SERVICE, "vault-a")] == KEY_TEXT  # base64 text, service "reconnect"

    store.forget("vault-a")
    fails_with("missing", lambda: store.load("vault-a"))
    assert store.load("vault-b") == other
    store.forget("vault-a")  # forgetting twice is not an error
    assert store.backend_name() == "fake keyrings MemoryKeyring"


def test_store_replaces_the_old_key(install: Callable[[KeyringBackend], None]) -> None:
    install(MemoryKeyring())
    store = KeyStore()
    store.store("v", os.urandom(32))
    store.store("v", KEY)
    assert store.load("v") == KEY


@pytest.mark.parametrize("wrong", [b"", b"short", os.urandom(31), os.urandom(33), "x" * 32])
def test_store_refuses_anything_but_32_bytes(
    install: Callable[[KeyringBackend], None], wrong: object
) -> None:
    install(MemoryKeyring())
    with pytest.raises(ValueError):
        KeyStore().store("v", wrong)  # type: ignore[arg-type]


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), EmptyChainer()])
def test_no_usable_backend(install: Callable[[KeyringBackend], None], backend: object) -> None:
    install(backend)  # type: ignore[arg-type]
    store = KeyStore()
    error = fails_with("no_backend", lambda: store.load("v"))
    assert "no system keyring" in error.message
    fails_with("no_backend", lambda: store.store("v", KEY))
    fails_with("no_backend", lambda: store.forget("v"))
    assert store.backend_name() == "none"


def test_locked(install: Callable[[KeyringBackend], None]) -> None:
    install(LockedKeyring())
    store = KeyStore()
    error = fails_with("locked", lambda: store.load("v"))
    assert error.message == (
        "Your system keyring is locked, so Reconnect can't fetch its key. Unlock it "
        "(usually by logging in again) or use your passphrase or recovery code."
    )
    fails_with("locked", lambda: store.store("v", KEY))
    fails_with("locked", lambda: store.forget("v"))


def test_raising_backend_text_never_reaches_the_caller(
    install: Callable[[KeyringBackend], None],
) -> None:
    install(RaisingKeyring())
    store = KeyStore()
    fails_with("error", lambda: store.load("v"))
    fails_with("error", lambda: store.store("v", KEY))
    fails_with("error", lambda: store.forget("v"))


@pytest.mark.parametrize("action", ["load", "store", "forget"])
def test_hanging_backend_times_out(install: Callable[[KeyringBackend], None], action: str) -> None:
    install(HangingKeyring())
    store = KeyStore(timeout=0.3)
    calls = {
        "load": lambda: store.load("v"),
        "store": lambda: store.store("v", KEY),
        "forget": lambda: store.forget("v"),
    }
    started = time.monotonic()
    error = fails_with("timeout", calls[action])
    elapsed = time.monotonic() - started
    assert 0.3 <= elapsed < 0.3 + 0.7
    assert "did not answer in time" in error.message


def test_hanging_backend_start_up_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing the backend talks to D-Bus too, so it runs under the timeout as well."""
    release = threading.Event()
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(keyring.core, "init_backend", lambda *a, **k: release.wait(60))
    started = time.monotonic()
    try:
        fails_with("timeout", lambda: KeyStore(timeout=0.2).load("v"))
        assert time.monotonic() - started < 0.2 + 0.7
        assert KeyStore(timeout=0.2).backend_name() == "not answering"
    finally:
        release.set()


def test_none_is_missing_not_proof_of_no_key(install: Callable[[KeyringBackend], None]) -> None:
    install(MemoryKeyring())
    error = fails_with("missing", lambda: KeyStore().load("never-stored"))
    assert error.message == (
        "There is no key stored for this vault on this computer. Use your passphrase or "
        "recovery code to open it."
    )


@pytest.mark.parametrize(
    "garbage",
    [
        "not base64 at all!",
        base64.b64encode(os.urandom(31)).decode(),
        base64.b64encode(os.urandom(64)).decode(),
        "",
        "é" * 44,
        KEY_TEXT[:-4],
        b"bytes, not text",
        12345,
    ],
)
def test_garbage_is_corrupt(install: Callable[[KeyringBackend], None], garbage: object) -> None:
    install(ValueKeyring(garbage))
    fails_with("corrupt", lambda: KeyStore().load("v"))


def test_a_trailing_newline_is_tolerated(install: Callable[[KeyringBackend], None]) -> None:
    """`secret-tool store` keeps the newline a person types when putting a key back."""
    install(ValueKeyring(KEY_TEXT + "\n"))
    assert KeyStore().load("v") == KEY


def test_a_keyring_that_drops_writes_is_reported(
    install: Callable[[KeyringBackend], None],
) -> None:
    install(ValueKeyring(None))
    error = fails_with("error", lambda: KeyStore().store("v", KEY))
    assert "did not keep" in error.message


def test_failed_delete_of_an_existing_entry_is_reported(
    install: Callable[[KeyringBackend], None],
) -> None:
    class StuckDelete(MemoryKeyring):
        def delete_password(self, service: str, username: str) -> None:
            raise PasswordDeleteError("denied")

    install(StuckDelete())
    store = KeyStore()
    store.store("v", KEY)
    fails_with("error", lambda: store.forget("v"))
    assert store.load("v") == KEY


def test_messages_are_distinct() -> None:
    reasons = ["no_backend", "locked", "timeout", "error", "missing", "corrupt"]
    messages = {KeyStoreError(r).message for r in reasons}  # type: ignore[arg-type]
    assert len(messages) == len(reasons)


def test_importing_the_module_does_not_load_keyring() -> None:
    probe = (
        "import sys, reconnect_gui.storage.keystore as k; k.KeyStore(); "
        "print('keyring' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_file_keyring_alone_counts_as_no_keyring(
    install: Callable[[KeyringBackend], None],
) -> None:
    file_keyring = FileLikeKeyring()
    install(file_keyring)
    store = KeyStore()
    fails_with("no_backend", lambda: store.store("v", KEY))
    assert file_keyring.entries == {}
    file_keyring.entries[(SERVICE, "v")] = KEY_TEXT  # left there by an older version
    fails_with("no_backend", lambda: store.load("v"))
    assert store.backend_name() == "none"


def test_a_chain_uses_only_its_os_store_and_clears_the_file(
    install: Callable[[KeyringBackend], None],
) -> None:
    file_keyring, os_store = FileLikeKeyring(), MemoryKeyring()
    file_keyring.entries[(SERVICE, "v")] = "an old copy"

    class Chain(chainer.ChainerBackend):
        backends = (file_keyring, os_store)  # type: ignore[assignment]

    install(Chain())
    store = KeyStore()
    store.store("v", KEY)
    assert os_store.entries == {(SERVICE, "v"): KEY_TEXT}
    assert file_keyring.entries == {}
    assert store.load("v") == KEY
    file_keyring.entries[(SERVICE, "v")] = "planted again"
    store.forget("v")
    assert file_keyring.entries == {} and os_store.entries == {}
