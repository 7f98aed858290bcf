"""The vault's data key in the OS keyring, with a timeout and plain-sentence failures.

One entry per vault: service ``reconnect``, username = the vault id, secret = the
32-byte data key as standard base64 text. Every keyring call (including choosing and
starting the backend, which talks to D-Bus on Linux) runs in a daemon worker thread
that the caller waits for at most ``timeout`` seconds: the Secret Service can hang,
and a hung keyring must never freeze the app.

Only a real OS store may hold the key: the Secret Service (GNOME Keyring, KeePassXC…),
KWallet, the macOS Keychain or the Windows Credential Locker. ``keyring`` also knows file
backends (keyrings.alt's PlaintextKeyring, common on Debian/Ubuntu system Pythons, keeps
secrets base64-encoded in a file); those count as "no keyring", and a key an older version
left in one is removed whenever the key is stored or forgotten.

``keyring`` is imported inside the worker, never at module import: it costs about
70 ms and pulls in network modules that must not load before the first paint.
"""

from __future__ import annotations

import base64
import binascii
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from reconnect_gui.storage.errors import KeyUnavailable

if TYPE_CHECKING:
    from reconnect_gui.storage.key_prefetch import KeyPrefetch

log = logging.getLogger(__name__)

SERVICE = "reconnect"
KEY_BYTES = 32
DEFAULT_TIMEOUT = 5.0

Reason = Literal["no_backend", "locked", "timeout", "error", "missing", "corrupt"]

MESSAGES: dict[str, str] = {
    "no_backend": (
        "This computer has no system keyring that Reconnect can use, so it can't fetch its "
        "key. Use your passphrase or recovery code instead."
    ),
    "locked": (
        "Your system keyring is locked, so Reconnect can't fetch its key. Unlock it "
        "(usually by logging in again) or use your passphrase or recovery code."
    ),
    "timeout": (
        "Your system keyring did not answer in time, so Reconnect can't fetch its key. "
        "Try again in a moment or use your passphrase or recovery code."
    ),
    "error": (
        "Your system keyring reported a problem, so Reconnect can't use its key there. "
        "Try again, or use your passphrase or recovery code."
    ),
    "missing": (
        "There is no key stored for this vault on this computer. Use your passphrase or "
        "recovery code to open it."
    ),
    "corrupt": (
        "The key stored for this vault in your system keyring is damaged. Use your "
        "passphrase or recovery code to open the vault."
    ),
}
STORE_NOT_KEPT = (
    "Your system keyring did not keep Reconnect's key, so you will need your passphrase "
    "or recovery code to open the vault."
)

T = TypeVar("T")


class KeyStoreError(KeyUnavailable):
    """The keyring could not give (or take) the key; ``reason`` says why.

    ``reason`` is one of ``no_backend``, ``locked``, ``timeout``, ``error``, ``missing``,
    ``corrupt``. The message never contains the key or anything the user wrote.
    """

    def __init__(self, reason: Reason, message: str | None = None) -> None:
        super().__init__(message or MESSAGES[reason])
        self.reason: Reason = reason


class KeyStore:
    """The data key of each vault, kept in the OS keyring.

    Every method waits at most ``timeout`` seconds. A call that times out keeps running
    in its daemon thread and its result is dropped; a ``store`` that times out may still
    land later, which is harmless (the same key, written twice).
    """

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, service: str = SERVICE) -> None:
        self.timeout = timeout
        self.service = service

    def load(self, vault_id: str) -> bytes:
        """The vault's 32-byte data key from the keyring.

        Raises ``KeyStoreError`` (a ``KeyUnavailable``) for every failure. Reason
        ``missing`` means the keyring answered "nothing stored" — that is NOT proof
        the vault has no key: the entry may have been deleted, or the keyring may be a
        different one (another login, a restored home folder). The caller must never
        create a new key in that case while the vault holds ciphertext; it unlocks with
        the passphrase or recovery code and may then ``store`` the key back.
        """

        def call(keyring: Any) -> object:
            return keyring.get_password(self.service, vault_id)

        return _decode(self._run(call))

    def store(self, vault_id: str, key: bytes) -> None:
        """Put the key into the keyring, then read it back to be sure it was kept."""
        if not isinstance(key, bytes) or len(key) != KEY_BYTES:
            raise ValueError(f"the data key must be {KEY_BYTES} bytes")
        encoded = base64.b64encode(key).decode("ascii")

        def call(keyring: Any) -> bool:
            # Cleared even when there is no OS store to take the key instead.
            _remove_from_file_keyrings(self.service, vault_id)
            if keyring is None:
                raise KeyStoreError("no_backend")
            keyring.set_password(self.service, vault_id, encoded)
            # Some backends accept a write and drop it (a null or read-only keyring):
            # reading it back is the only way to tell the user the truth.
            import hmac  # not at the top: hashlib's OpenSSL load is not wanted before paint

            found = keyring.get_password(self.service, vault_id)
            return isinstance(found, str) and hmac.compare_digest(found, encoded)

        if not self._run(call, backend=_os_store_or_none):
            raise KeyStoreError("error", STORE_NOT_KEPT)

    def forget(self, vault_id: str) -> None:
        """Remove the vault's key from this computer's keyring; quiet if there is none."""

        def call(keyring: Any) -> None:
            from keyring.errors import PasswordDeleteError

            _remove_from_file_keyrings(self.service, vault_id)
            if keyring is None:
                raise KeyStoreError("no_backend")
            try:
                keyring.delete_password(self.service, vault_id)
            except PasswordDeleteError:
                # Backends use this both for "nothing there" and for real failures.
                if keyring.get_password(self.service, vault_id) is not None:
                    raise

        self._run(call, backend=_os_store_or_none)

    def backend_name(self) -> str:
        """The keyring in use, for display; never raises (status screens call it).

        A backend's own name (e.g. "SecretService Keyring"), "none" when there is no
        usable keyring, or "not answering" when it failed or timed out.
        """

        def call(keyring: Any) -> str:
            return str(type(keyring).name)

        try:
            return self._run(call)
        except KeyStoreError as error:
            return "none" if error.reason == "no_backend" else "not answering"

    def _run(self, call: Callable[[Any], T], backend: Callable[[], Any] | None = None) -> T:
        """Run ``call(backend())`` in a daemon thread (by default the usable OS store);
        map every failure to KeyStoreError."""
        outcome: list[Any] = []  # [("ok", value)] or [("fail", reason)]
        choose = backend or _usable_backend

        def work() -> None:
            try:
                outcome.append(("ok", call(choose())))
            except KeyStoreError as error:
                outcome.append(("fail", error.reason))
            except BaseException as error:  # any backend exception, never the thread's end
                outcome.append(("fail", _reason_for(error)))

        worker = threading.Thread(target=work, name="reconnect-keyring", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if not outcome:
            log.warning("keyring did not answer within %.1f s", self.timeout)
            raise KeyStoreError("timeout")
        status, value = outcome[0]
        if status == "fail":
            # Raised here, outside any except block, so no backend exception (whose text
            # we do not control) is chained onto what the caller sees or logs.
            raise KeyStoreError(value)
        result: T = value
        return result


class PrefetchedKeyStore(KeyStore):
    """A KeyStore whose first ``load`` uses a child process's answer (storage/key_prefetch.py)
    when it is for this vault, and asks the keyring itself otherwise."""

    def __init__(self, prefetch: KeyPrefetch | None) -> None:
        super().__init__()
        self._prefetch = prefetch

    def load(self, vault_id: str) -> bytes:
        prefetch, self._prefetch = self._prefetch, None
        answer = None if prefetch is None else prefetch.take(self.timeout)
        if answer is None or answer.vault_id != vault_id:
            return super().load(vault_id)  # ask here, as if there had been no child
        if answer.key is not None:
            return answer.key
        raise KeyStoreError(answer.reason or "error")


# The backends that keep secrets in the operating system's own protected store. Named by
# module and class so that nothing is imported before a keyring call needs it.
_OS_STORES = (
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.libsecret", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.Windows", "WinVaultKeyring"),
)


def _os_store_types() -> tuple[type, ...]:
    import importlib

    found = []
    for module_name, class_name in _OS_STORES:
        try:
            found.append(getattr(importlib.import_module(module_name), class_name))
        except (ImportError, AttributeError):  # a keyring release without that backend
            continue
    return tuple(found)


def _candidates() -> list[Any]:
    """The backend ``keyring`` chose, or each backend of its chain, best first."""
    import keyring
    from keyring.backends import chainer

    backend = keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        return list(backend.backends)
    return [backend]


def _secret_service_plainly_chosen() -> Any:
    """The Secret Service backend, when ``keyring``'s own choice among the OS stores is
    sure to be it; else None, and ``keyring`` chooses.

    Letting ``keyring`` choose loads every backend it knows, and the macOS one asks
    ldconfig three times for libraries Linux does not have: about 0.1 s, every start.
    On Linux its choice among the OS stores is the Secret Service whenever that answers,
    unless KDE's wallet outranks it (on KDE) or the person chose a backend themselves
    (an environment variable, keyring's config file, or ``keyring.set_keyring``)."""
    import os
    import sys
    from pathlib import Path

    if not sys.platform.startswith("linux") or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return None
    if "KDE" in os.environ.get("XDG_CURRENT_DESKTOP", "").split(":"):
        return None
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    if (Path(config_home) / "python_keyring" / "keyringrc.cfg").exists():
        return None
    import keyring.core
    from keyring.backends import SecretService

    if keyring.core._keyring_backend is not None:  # set_keyring (tests, embedders)
        return None
    try:
        SecretService.Keyring.priority  # noqa: B018  # raises when it does not answer
    except Exception:  # keyring's own way of saying "not viable"
        return None
    return SecretService.Keyring()  # type: ignore[no-untyped-call]


def _os_store_or_none() -> Any:
    """The best OS store ``keyring`` offers, or None when it offers only other kinds."""
    plainly = _secret_service_plainly_chosen()
    if plainly is not None:
        return plainly
    os_stores = _os_store_types()
    # A chain writes to its first backend that accepts, so a chain holding a file
    # keyring could fall back to the file: only its OS store is ever used.
    return next((b for b in _candidates() if isinstance(b, os_stores)), None)


def _usable_backend() -> Any:
    """The OS store to use, or KeyStoreError("no_backend") if there is none."""
    backend = _os_store_or_none()
    if backend is None:
        raise KeyStoreError("no_backend")
    return backend


def _remove_from_file_keyrings(service: str, vault_id: str) -> None:
    """Delete this vault's key from every non-OS backend that holds it (a plain-text
    file an older version may have written to); quiet when there is nothing to remove."""
    from keyring.backend import get_all_keyring
    from keyring.backends import chainer, fail, null

    os_stores = _os_store_types()
    skipped = (*os_stores, chainer.ChainerBackend, fail.Keyring, null.Keyring)
    for backend in (*_candidates(), *get_all_keyring()):
        if isinstance(backend, skipped):
            continue
        try:
            if backend.get_password(service, vault_id) is not None:
                backend.delete_password(service, vault_id)
                log.warning("removed a key from a keyring file: %s", type(backend).__name__)
        except Exception as error:  # a broken file backend must not stop the real work
            log.warning("could not check a keyring file: %s", type(error).__name__)


def _reason_for(error: BaseException) -> Reason:
    """Classify a backend exception; only its type is logged, never its message."""
    try:
        from keyring.errors import KeyringLocked, NoKeyringError
    except ImportError:  # keyring itself failed to import
        log.warning("keyring unavailable: %s", type(error).__name__)
        return "no_backend"
    if isinstance(error, KeyringLocked):
        return "locked"
    if isinstance(error, NoKeyringError):
        return "no_backend"
    log.warning("keyring call failed: %s", type(error).__name__)
    return "error"


def _decode(stored: object) -> bytes:
    if stored is None:
        raise KeyStoreError("missing")
    if not isinstance(stored, str):
        raise KeyStoreError("corrupt")
    try:
        key = base64.b64decode(stored.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyStoreError("corrupt") from None
    if len(key) != KEY_BYTES:
        raise KeyStoreError("corrupt")
    return key
