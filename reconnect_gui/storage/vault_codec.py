"""What goes inside the vault's ciphertext: associated data, key slots and the record
plaintext; and the strings search looks in. Part of the format documented at the top of
vault.py (and in docs/vault-format.md). Search compares text in the journal's own form
(``core.journal.folding.fold``: case and accents ignored), so the command line finds what
the journal pane finds.

No error message here quotes anything the user wrote.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from reconnect_gui.storage.crypto import (
    Aead,
    DecryptError,
    KdfParams,
    associated_data,
    open_sealed,
    passphrase_bytes,
    public_key_for,
    recovery_code_bytes,
    seal,
)
from reconnect_gui.storage.records import Record

ENCODING = "1"  # the version field of the associated data; see vault.py
KEY_CHECK = b"reconnect key check v1"
RECOVERY, PASSPHRASE = "recovery", "passphrase"
Slot = tuple[str, str, bytes, bytes]  # a key_slots row

BROKEN_TEXT = "This text has a broken character (an unpaired surrogate), so it cannot be saved."
NOT_JSON = "Record data can hold only text, numbers, true/false, null, lists and text-keyed dicts."


# --- Associated data --------------------------------------------------------------------


class RecordAad:
    """AD_record for one vault's records, built the fast way (listing and searching call it
    for every record): associated_data(a, b) == associated_data(a) + associated_data(b)."""

    def __init__(self, vault_id: str) -> None:
        self._prefix = associated_data("reconnect/record", ENCODING, vault_id)
        self._kinds: dict[str, bytes] = {}

    def __call__(self, record_id: str, kind: str) -> bytes:
        kind_part = self._kinds.get(kind)
        if kind_part is None:
            kind_part = self._kinds[kind] = associated_data(kind)
        encoded = record_id.encode()
        return b"".join((self._prefix, len(encoded).to_bytes(4, "big"), encoded, kind_part))


def slot_aad(vault_id: str, name: str) -> bytes:
    return associated_data("reconnect/key-slot", ENCODING, vault_id, name)


def check_aad(vault_id: str) -> bytes:
    return associated_data("reconnect/key-check", ENCODING, vault_id)


def public_aad(vault_id: str, name: str) -> bytes:
    return associated_data("reconnect/slot-public", ENCODING, vault_id, name)


def public_meta_key(name: str) -> str:
    """The meta row holding a slot's public key, encrypted under the data key."""
    return f"public:{name}"


SEALED = "x25519"  # the "wrap" field of a slot sealed to the public key of its secret


def wrap_slot(
    vault_id: str, name: str, secret: bytes, key: bytes, params: KdfParams | None
) -> tuple[Slot, bytes]:
    """A new slot for ``secret`` (a fresh salt each time) and the slot's public key."""
    params = (params or KdfParams()).with_fresh_salt()  # never share a salt between slots
    public = public_key_for(params.derive(secret))
    kdf = json.dumps({**json.loads(params.to_json()), "wrap": SEALED}, sort_keys=True)
    return reseal_slot(vault_id, name, kdf, public, key), public


def reseal_slot(vault_id: str, name: str, kdf: str, public: bytes, key: bytes) -> Slot:
    """The slot wrapping ``key`` for the same secret as before, without knowing it."""
    nonce, sealed = seal(public, key, slot_aad(vault_id, name))
    return (name, kdf, nonce, sealed)


def is_sealed(kdf: str) -> bool:
    """Whether a slot is sealed to a public key (True) or an older, symmetric one (False).
    Raises ValueError for a "wrap" field this version does not know."""
    try:
        wrap = json.loads(kdf).get("wrap")
    except (TypeError, ValueError, AttributeError):
        raise ValueError("unreadable key slot") from None
    if wrap not in (None, SEALED):
        raise ValueError("unreadable key slot")
    return bool(wrap == SEALED)


def unwrap_slot(vault_id: str, name: str, slot: tuple[Any, ...], secret: bytes) -> bytes | None:
    """The data key from a slot's (kdf, nonce, wrapped), or None for a wrong secret.
    Raises ValueError when the stored parameters are unreadable."""
    params = KdfParams.from_json(slot[0])
    sealed = is_sealed(slot[0])
    derived = params.derive(secret)
    try:
        if sealed:
            return open_sealed(derived, slot[1], slot[2], slot_aad(vault_id, name))
        return Aead(derived).decrypt(slot[1], slot[2], slot_aad(vault_id, name))
    except DecryptError:
        return None


def encrypt_public(vault_id: str, name: str, public: bytes, key: bytes) -> bytes:
    """nonce || AES-256-GCM(data key, public key): only the data key can vouch for it, so a
    public key planted in the file cannot receive the next data key."""
    nonce, ciphertext = Aead(key).encrypt(public, public_aad(vault_id, name))
    return nonce + ciphertext


def decrypt_public(vault_id: str, name: str, stored: object, key: bytes) -> bytes | None:
    """The slot's public key, or None when it is missing or fails its check."""
    if not isinstance(stored, bytes):
        return None
    try:
        return Aead(key).decrypt(stored[:12], stored[12:], public_aad(vault_id, name))
    except DecryptError:
        return None


def unwrap_any(vault_id: str, slots: dict[str, tuple[Any, ...]], secret: str) -> bytes | None:
    """The data key from the slot ``secret`` opens: the recovery slot if the text reads as a
    recovery code in any form, else (or then) the passphrase slot; None if neither opens.
    Raises ValueError if a slot that was tried has unreadable parameters."""
    attempts = []
    with contextlib.suppress(ValueError):
        attempts.append((RECOVERY, recovery_code_bytes(secret)))
    with contextlib.suppress(ValueError):
        attempts.append((PASSPHRASE, passphrase_bytes(secret)))
    unreadable = False
    for name, material in attempts:
        if name in slots:
            try:
                key = unwrap_slot(vault_id, name, slots[name], material)
            except ValueError:
                unreadable = True
                continue
            if key is not None:
                return key
    if unreadable:
        raise ValueError("unreadable key slot")
    return None


def key_matches(vault_id: str, key: bytes, check: bytes) -> bool:
    """Whether ``key`` opens the key check, i.e. is this vault's data key."""
    try:
        plain = Aead(key).decrypt(check[:12], check[12:], check_aad(vault_id))
    except DecryptError:
        return False
    return plain == KEY_CHECK


def wrap_slots(
    vault_id: str, key: bytes, recovery: bytes, passphrase: bytes | None, params: KdfParams | None
) -> list[tuple[Slot, bytes]]:
    """The recovery slot, and the passphrase slot when there is a passphrase, each with its
    public key."""
    slots = [wrap_slot(vault_id, RECOVERY, recovery, key, params)]
    if passphrase is not None:
        slots.append(wrap_slot(vault_id, PASSPHRASE, passphrase, key, params))
    return slots


# --- Record plaintext -------------------------------------------------------------------


def encode(created: datetime, updated: datetime, data: dict[str, Any]) -> bytes:
    """UTF-8 JSON, or ValueError/TypeError with a plain sentence for data that would not
    come back exactly as given."""
    if not isinstance(data, dict):
        raise TypeError(NOT_JSON)
    stack: list[Any] = [data]
    while stack:  # json.dumps would quietly turn tuples into lists and 1 into "1"
        value = stack.pop()
        if isinstance(value, dict):
            if not all(isinstance(k, str) for k in value):
                raise TypeError(NOT_JSON)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif not (value is None or isinstance(value, str | int | float)):
            raise TypeError(NOT_JSON)
    document = {"created": iso(created), "updated": iso(updated), "data": data}
    try:
        text = json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(BROKEN_TEXT) from None
    except RecursionError:
        raise ValueError("Record data is nested too deeply to save.") from None
    except ValueError:
        raise ValueError("Record data cannot hold NaN or infinity.") from None


_DECODER = json.JSONDecoder()


def decode(record_id: str, kind: str, text: str) -> Record:
    """Raises ValueError, KeyError or TypeError for a plaintext that is not a record."""
    document, end = _DECODER.raw_decode(text)  # json.loads minus its per-call overhead
    if end != len(text):
        raise ValueError("trailing data")
    created = datetime.fromisoformat(document["created"])
    updated = datetime.fromisoformat(document["updated"])
    data = document["data"]
    if not isinstance(data, dict) or created.tzinfo is None or updated.tzinfo is None:
        raise ValueError("not a record")
    return Record(record_id, kind, created, updated, data)


def newest_first(records: list[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.updated, r.created, r.id), reverse=True)


def utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # astimezone() would silently take it as local time
        raise ValueError("The clock must give timezone-aware times.")
    return moment.astimezone(UTC)


def iso(moment: datetime) -> str:
    return utc(moment).isoformat(timespec="microseconds")


def strings(value: Any) -> Iterator[str]:
    """Every string value (not key) inside JSON-like data."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
