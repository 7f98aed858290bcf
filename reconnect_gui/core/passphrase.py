"""What a new passphrase must be, in one place for every dialog that asks for one."""

from __future__ import annotations

MIN_PASSPHRASE = 8


def new_passphrase_problem(first: str, repeated: str) -> str | None:
    """A plain sentence saying what is wrong with a new passphrase, or None when it is fine."""
    if len(first) < MIN_PASSPHRASE:
        return f"Please use at least {MIN_PASSPHRASE} characters."
    if first != repeated:
        return "The two passphrases are not the same. Please type them again."
    return None
