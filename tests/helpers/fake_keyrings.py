"""keyring backends for tests, installed with ``keyring.set_keyring`` (never mocks of our code)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.backends import SecretService
from keyring.errors import KeyringLocked, PasswordDeleteError


class _InMemory(KeyringBackend):
    """Entries in a dict that is forgotten when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class MemoryKeyring(_InMemory, SecretService.Keyring):
    """A working keyring standing in for an OS store (the app refuses file keyrings such
    as keyrings.alt's), so it is a Secret Service keyring whose every call stays here."""


class FileLikeKeyring(_InMemory):
    """Not an OS store, like keyrings.alt's plain-text file."""


class LockedKeyring(MemoryKeyring):
    """A keyring the user has not unlocked (e.g. after an auto-login)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")
