"""The vault's cryptography: AES-256-GCM, scrypt key slots, sealing to a slot's public key,
recovery codes, associated data.

Only this module and vault.py import ``cryptography``. Nothing here logs, and no error
message ever quotes a secret or a plaintext.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

# Only AES-GCM loads with this module: opening the vault with the keyring's key needs
# nothing more, and that is on the way to the person's day count at start-up. The key
# slots' parts (X25519, HKDF, scrypt) load in the functions that use them.
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

KEY_BYTES = 32  # AES-256
NONCE_BYTES = 12  # 96 bits, the size GCM is designed for


class DecryptError(Exception):
    """Authentication failed: wrong key, wrong associated data, or damaged bytes.

    Internal: vault.py turns it into RecordDamaged or WrongSecret, which carry the
    user-facing sentence.
    """


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


class Aead:
    """AES-256-GCM under one key; built once so bulk reads skip the key setup per record."""

    __slots__ = ("_aesgcm",)

    def __init__(self, key: bytes) -> None:
        if not isinstance(key, bytes) or len(key) != KEY_BYTES:
            raise DecryptError("not a 256-bit key")
        self._aesgcm = AESGCM(key)

    def encrypt(self, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
        # A fresh random nonce per write: with at most millions of writes per key the
        # chance of a repeat (which would break GCM) is negligible (< 2^-50).
        nonce = os.urandom(NONCE_BYTES)
        return nonce, self._aesgcm.encrypt(nonce, plaintext, aad)

    def decrypt(self, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
        # A nonce of another size cannot pass either: it yields another tag (or ValueError).
        try:
            return self._aesgcm.decrypt(nonce, ciphertext, aad)
        except (InvalidTag, TypeError, ValueError):  # wrong bytes, or not bytes at all
            raise DecryptError("authentication failed") from None


def encrypt(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """Encrypt with a fresh nonce; returns (nonce, ciphertext with its 16-byte tag)."""
    return Aead(key).encrypt(plaintext, aad)


def decrypt(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    """Decrypt and authenticate; raises DecryptError when anything does not match."""
    return Aead(key).decrypt(nonce, ciphertext, aad)


# --- Sealing to a public key -------------------------------------------------------------
# A key slot's secret (through scrypt) is an X25519 private key. Its public key lets the
# app wrap a NEW data key for that slot without knowing the secret, so changing one secret
# can replace the data key while the other secret keeps working (see vault.py).

PUBLIC_BYTES = 32
_SEAL_INFO = b"reconnect/sealed-key v1"


def public_key_for(seed: bytes) -> bytes:
    """The X25519 public key of the private key ``seed`` (32 bytes from scrypt)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return _raw_public(X25519PrivateKey.from_private_bytes(seed))


def _raw_public(private: X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _sealing_key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + public,
                info=_SEAL_INFO)  # fmt: skip
    return hkdf.derive(shared)


def seal(public: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """Encrypt ``plaintext`` so that only the holder of ``public``'s private key opens it:
    (nonce, ephemeral public key || AES-256-GCM ciphertext)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral)
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    except ValueError:  # not a usable public key (e.g. a low-order point from a tampered file)
        raise DecryptError("not a usable public key") from None
    nonce, ciphertext = Aead(_sealing_key(shared, ephemeral_public, public)).encrypt(plaintext, aad)
    return nonce, ephemeral_public + ciphertext


def open_sealed(seed: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    """The plaintext ``seal`` wrapped for ``seed``'s public key; DecryptError otherwise."""
    if not isinstance(sealed, bytes) or len(sealed) <= PUBLIC_BYTES:
        raise DecryptError("too short")
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    private = X25519PrivateKey.from_private_bytes(seed)
    ephemeral_public = sealed[:PUBLIC_BYTES]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError:
        raise DecryptError("not a usable public key") from None
    key = _sealing_key(shared, ephemeral_public, _raw_public(private))
    return Aead(key).decrypt(nonce, sealed[PUBLIC_BYTES:], aad)


def associated_data(*fields: str) -> bytes:
    """Length-prefixed fields (u32 big-endian byte count + UTF-8), so no two different
    field lists encode alike. Concatenating two encodings encodes the joined field list,
    which lets callers precompute a constant prefix."""
    parts = []
    for field in fields:
        encoded = field.encode("utf-8")
        parts.append(len(encoded).to_bytes(4, "big"))
        parts.append(encoded)
    return b"".join(parts)


# --- Key derivation -------------------------------------------------------------------

# Measured on the development machine (docs/vault-format.md): n=2**17, r=8, p=1 takes
# 0.4–0.55 s and 128 MiB; 2**18 took ~1.0–1.2 s, too slow for two tries (passphrase, then
# recovery code) on an older laptop. Stored per slot, so a later version can raise it.
DEFAULT_N = 2**17
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
MAX_KDF_MEMORY = 1 << 30  # refuse parameters from a tampered file that would need > 1 GiB


@dataclass(frozen=True)
class KdfParams:
    """scrypt parameters, stored as JSON beside each key slot so the cost can change."""

    n: int = DEFAULT_N
    r: int = DEFAULT_R
    p: int = DEFAULT_P
    salt: bytes = b""
    length: int = KEY_BYTES
    name: str = "scrypt"

    @classmethod
    def new(cls, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P) -> KdfParams:
        """Parameters with a fresh random salt (one per key slot)."""
        return cls(n=n, r=r, p=p, salt=os.urandom(SALT_BYTES)).validated()

    def with_fresh_salt(self) -> KdfParams:
        return KdfParams.new(self.n, self.r, self.p)

    def validated(self) -> KdfParams:
        ok = (
            self.name == "scrypt"
            and isinstance(self.n, int)
            and self.n >= 2
            and self.n & (self.n - 1) == 0
            and isinstance(self.r, int)
            and isinstance(self.p, int)
            and 1 <= self.r <= 64
            and 1 <= self.p <= 16
            and 128 * self.n * self.r <= MAX_KDF_MEMORY
            and self.length == KEY_BYTES
            and isinstance(self.salt, bytes)
            and len(self.salt) >= SALT_BYTES
        )
        if not ok:
            raise ValueError("The key derivation settings are not valid.")
        return self

    def to_json(self) -> str:
        return json.dumps(
            {
                "name": self.name,
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "salt": base64.b64encode(self.salt).decode("ascii"),
                "length": self.length,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> KdfParams:
        """Parse and bound-check; raises ValueError for anything unexpected."""
        try:
            raw = json.loads(text)
            params = cls(
                name=raw["name"],
                n=raw["n"],
                r=raw["r"],
                p=raw["p"],
                salt=base64.b64decode(raw["salt"], validate=True),
                length=raw["length"],
            )
        except (TypeError, KeyError, ValueError):
            raise ValueError("The key derivation settings are not valid.") from None
        return params.validated()

    def derive(self, secret: bytes) -> bytes:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        self.validated()
        kdf = Scrypt(salt=self.salt, length=self.length, n=self.n, r=self.r, p=self.p)
        return kdf.derive(secret)


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC first, so the same passphrase typed on macOS (NFD input) and elsewhere matches."""
    if not passphrase:
        raise ValueError("A passphrase cannot be empty.")
    try:
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("The passphrase contains a character that cannot be used.") from None


# --- Recovery codes ---------------------------------------------------------------------

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # 32 symbols: no I, L, O, U
RECOVERY_LENGTH = 25  # 25 × 5 bits = 125 bits
RECOVERY_GROUP = 5
_LOOKALIKES = {"O": "0", "I": "1", "L": "1"}
_DASHES = "-‐‑‒–—―−"  # people paste codes through word processors


def new_recovery_code() -> str:
    """A random code in display form, e.g. ``7K3QD-...`` (5 groups of 5)."""
    return _grouped("".join(secrets.choice(CROCKFORD) for _ in range(RECOVERY_LENGTH)))


def normalize_recovery_code(text: str) -> str:
    """The canonical display form of a typed code, forgiving case, spaces, dashes and
    look-alike letters. Raises ValueError with a plain sentence (never echoing the code)."""
    folded = unicodedata.normalize("NFKC", text).upper()
    symbols = []
    for char in folded:
        if char.isspace() or char in _DASHES:
            continue
        char = _LOOKALIKES.get(char, char)
        if char not in CROCKFORD:
            raise ValueError(
                "A recovery code has only the digits 0–9 and the letters A–Z (without U); "
                "this one has other characters."
            )
        symbols.append(char)
    if len(symbols) != RECOVERY_LENGTH:
        raise ValueError(
            f"A recovery code has {RECOVERY_LENGTH} letters and digits; "
            f"this one has {len(symbols)}."
        )
    return _grouped("".join(symbols))


def recovery_code_bytes(code: str) -> bytes:
    """What the KDF sees: the 25 canonical symbols, without the dashes."""
    return normalize_recovery_code(code).replace("-", "").encode("ascii")


def _grouped(symbols: str) -> str:
    return "-".join(symbols[i : i + RECOVERY_GROUP] for i in range(0, len(symbols), RECOVERY_GROUP))
