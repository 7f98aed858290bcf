"""AES-GCM, scrypt parameters and recovery codes, with the real cryptography library."""

from __future__ import annotations

import collections
import json
import math
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.storage import crypto
from reconnect_gui.storage.crypto import (
    CROCKFORD,
    DecryptError,
    KdfParams,
    associated_data,
    decrypt,
    encrypt,
    new_data_key,
    new_recovery_code,
    normalize_recovery_code,
    passphrase_bytes,
    recovery_code_bytes,
)

CHEAP = KdfParams.new(n=2**10, r=8, p=1)


@given(st.binary(max_size=4096), st.binary(max_size=64))
def test_encrypt_round_trips(plaintext: bytes, aad: bytes) -> None:
    key = new_data_key()
    nonce, ciphertext = encrypt(key, plaintext, aad)
    assert len(nonce) == 12
    assert len(ciphertext) == len(plaintext) + 16  # the GCM tag
    assert decrypt(key, nonce, ciphertext, aad) == plaintext


def test_keys_are_32_random_bytes() -> None:
    keys = {new_data_key() for _ in range(100)}
    assert len(keys) == 100
    assert all(len(k) == 32 for k in keys)


def test_every_write_gets_a_fresh_nonce() -> None:
    key = new_data_key()
    nonces = [encrypt(key, b"same text", b"same aad")[0] for _ in range(5000)]
    assert len(set(nonces)) == len(nonces)
    ciphertexts = {encrypt(key, b"same text", b"aad")[1] for _ in range(50)}
    assert len(ciphertexts) == 50  # equal plaintexts never look equal on disk


def test_wrong_aad_key_nonce_or_any_bit_fails() -> None:
    key = new_data_key()
    nonce, ciphertext = encrypt(key, b"dear diary", b"record-1")
    with pytest.raises(DecryptError):
        decrypt(key, nonce, ciphertext, b"record-2")
    with pytest.raises(DecryptError):
        decrypt(new_data_key(), nonce, ciphertext, b"record-1")
    with pytest.raises(DecryptError):
        decrypt(key, bytes(12), ciphertext, b"record-1")
    for index in range(len(ciphertext)):
        flipped = bytearray(ciphertext)
        flipped[index] ^= 0x01
        with pytest.raises(DecryptError):
            decrypt(key, nonce, bytes(flipped), b"record-1")
    with pytest.raises(DecryptError):
        decrypt(b"short", nonce, ciphertext, b"record-1")
    with pytest.raises(DecryptError):
        decrypt(key, nonce[:8], ciphertext, b"record-1")


def test_the_error_names_no_secret_or_plaintext() -> None:
    key = new_data_key()
    nonce, ciphertext = encrypt(key, b"my secret words", b"aad")
    with pytest.raises(DecryptError) as caught:
        decrypt(key, nonce, ciphertext, b"other")
    assert "secret" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


@given(st.lists(st.text(max_size=6), max_size=5), st.lists(st.text(max_size=6), max_size=5))
def test_associated_data_is_unambiguous(a: list[str], b: list[str]) -> None:
    assert (associated_data(*a) == associated_data(*b)) == (a == b)


def test_associated_data_separates_fields_that_concatenate_alike() -> None:
    assert associated_data("ab", "c") != associated_data("a", "bc")
    assert associated_data("a|b") != associated_data("a", "b")


def test_kdf_params_round_trip_through_json() -> None:
    params = KdfParams.new(n=2**12, r=4, p=2)
    text = params.to_json()
    assert json.loads(text) == {
        "name": "scrypt",
        "n": 4096,
        "r": 4,
        "p": 2,
        "salt": json.loads(text)["salt"],
        "length": 32,
    }
    assert KdfParams.from_json(text) == params
    assert KdfParams.from_json(text).derive(b"pw") == params.derive(b"pw")


def test_every_slot_gets_its_own_salt() -> None:
    salts = {CHEAP.with_fresh_salt().salt for _ in range(20)}
    assert len(salts) == 20
    assert CHEAP.derive(b"pw") != CHEAP.with_fresh_salt().derive(b"pw")


@pytest.mark.parametrize(
    "change",
    [
        {"name": "argon2"},
        {"n": 1000},  # not a power of two
        {"n": 2**30},  # a tampered file asking for 128 GiB
        {"r": 0},
        {"p": 99},
        {"length": 16},
        {"salt": "c2hvcnQ="},  # 5 bytes
        {"salt": "not base64!"},
        {"n": "1024"},
    ],
)
def test_bad_or_hostile_kdf_params_are_refused(change: dict[str, object]) -> None:
    raw = json.loads(CHEAP.to_json())
    raw.update(change)
    with pytest.raises(ValueError, match="not valid"):
        KdfParams.from_json(json.dumps(raw))


def test_unparseable_kdf_json_is_refused() -> None:
    for text in ("", "[]", "{}", "null", '{"name": "scrypt"}'):
        with pytest.raises(ValueError):
            KdfParams.from_json(text)


def test_default_kdf_cost_is_measured(capsys: pytest.CaptureFixture[str]) -> None:
    params = KdfParams.new()
    assert (params.n, params.r, params.p) == (crypto.DEFAULT_N, crypto.DEFAULT_R, 1)
    start = time.perf_counter()
    params.derive(b"correct horse battery staple")
    elapsed = time.perf_counter() - start
    with capsys.disabled():  # reported, not asserted: CI machines vary
        memory = 128 * params.n * params.r / 2**20
        print(
            f"\nscrypt n=2**{params.n.bit_length() - 1} r={params.r} p={params.p}: "
            f"{elapsed:.2f} s, {memory:.0f} MiB"
        )


def test_passphrases_are_compared_in_nfc() -> None:
    assert passphrase_bytes("Cafe\u0301") == passphrase_bytes("Caf\u00e9")
    with pytest.raises(ValueError, match="empty"):
        passphrase_bytes("")
    with pytest.raises(ValueError) as caught:
        passphrase_bytes("hunter\ud800two")
    assert "hunter" not in str(caught.value)


# --- Recovery codes -----------------------------------------------------------------------


def test_recovery_code_format() -> None:
    code = new_recovery_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [5, 5, 5, 5, 5]
    assert set(code.replace("-", "")) <= set(CROCKFORD)
    assert normalize_recovery_code(code) == code
    assert len(CROCKFORD) == 32 and not set("ILOU") & set(CROCKFORD)
    assert 25 * math.log2(len(CROCKFORD)) == 125


def test_recovery_codes_use_every_symbol_evenly() -> None:
    codes = [new_recovery_code() for _ in range(2000)]
    assert len(set(codes)) == len(codes)
    counts = collections.Counter("".join(codes).replace("-", ""))
    assert set(counts) == set(CROCKFORD)
    expected = 2000 * 25 / 32
    chi_square = sum((c - expected) ** 2 / expected for c in counts.values())
    assert chi_square < 80  # 31 degrees of freedom: p < 1e-6 of a false alarm


def test_normalising_forgives_how_people_type_codes() -> None:
    code = "7K3QD-0M1XZ-ABCDE-FGHJK-MNPQR"
    for typed in (
        "7k3qd0m1xzabcdefghjkmnpqr",
        " 7K3QD 0M1XZ ABCDE FGHJK MNPQR\n",
        "7K3QD--0M1XZ-ABCDE-FGHJK-MNPQR-",
        "7K3QD–0M1XZ—ABCDE−FGHJK‐MNPQR",  # dashes from a word processor
        "7K3QD-OMIXZ-ABCDE-FGHJK-MNPQR",  # O for 0, I for 1
        "7K3QD-OmlXZ-ABCDE-FGHJK-MNPQR",  # l for 1
        "７Ｋ３ＱＤ-0M1XZ-ABCDE-FGHJK-MNPQR",  # full-width, from an input method
    ):
        assert normalize_recovery_code(typed) == code
    assert recovery_code_bytes(code) == b"7K3QD0M1XZABCDEFGHJKMNPQR"


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ("7K3QD-0M1XZ-ABCDE-FGHJK-MNPQ", "has 24"),
        ("7K3QD-0M1XZ-ABCDE-FGHJK-MNPQRS", "has 26"),
        ("", "has 0"),
        ("7K3QD-0M1XZ-ABCDE-FGHJK-MNPQU", "other characters"),  # U is not in the alphabet
        ("7K3QD-0M1XZ-ABCDE-FGHJK-MNPQ!", "other characters"),
    ],
)
def test_wrong_codes_get_a_plain_message(typed: str, match: str) -> None:
    with pytest.raises(ValueError, match=match) as caught:
        normalize_recovery_code(typed)
    assert "MNPQ" not in str(caught.value)  # the message never repeats the secret


noise = st.sampled_from([" ", "-", "  ", "\t", "—", ""])


@given(
    st.lists(st.sampled_from(CROCKFORD), min_size=25, max_size=25),
    st.lists(noise, min_size=26, max_size=26),
    st.lists(st.booleans(), min_size=25, max_size=25),
)
def test_noisy_codes_normalise_to_the_same_code(
    symbols: list[str], gaps: list[str], lower: list[bool]
) -> None:
    canonical = "".join(symbols)
    typed = gaps[0] + "".join(
        (s.lower() if low else s) + gap
        for s, low, gap in zip(symbols, lower, gaps[1:], strict=True)
    )
    typed = typed.replace("0", "O") if lower[0] else typed
    result = normalize_recovery_code(typed)
    assert result.replace("-", "") == canonical
    assert normalize_recovery_code(result) == result


@given(st.text(max_size=40))
def test_any_text_either_normalises_or_raises_value_error(text: str) -> None:
    try:
        result = normalize_recovery_code(text)
    except ValueError as error:
        assert "recovery code" in str(error)
    else:
        assert len(result) == 29 and normalize_recovery_code(result) == result


def test_opening_a_vault_with_its_key_loads_only_aes_gcm(tmp_path) -> None:
    # At start-up the vault opens with the keyring's key on the way to the day count:
    # the key slots' X25519, HKDF and scrypt are not needed there, and cost ~20 ms.
    import base64
    import subprocess
    import sys

    from helpers.repo import REPO
    from reconnect_gui.storage.vault import create_vault

    path = tmp_path / "vault.db"
    vault, key = create_vault(path, recovery_code=new_recovery_code(), kdf_params=CHEAP)
    vault.put("journal", {"text": "a line"})
    vault.close()
    probe = (
        "import base64, sys\n"
        "from pathlib import Path\n"
        "from reconnect_gui.storage.vault import open_vault\n"
        "key = base64.b64decode(sys.stdin.read())\n"
        f"vault = open_vault(Path({str(path)!r})).unlock_with_key(key)\n"
        "records, damaged = vault.records()\n"
        "assert len(records) == 1 and not damaged\n"
        "vault.close()\n"
        "slot_parts = ('x25519', 'hkdf', 'scrypt', 'serialization')\n"
        "print(sorted(m for m in sys.modules if m.startswith('cryptography')\n"
        "             and any(part in m for part in slot_parts)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        input=base64.b64encode(key).decode("ascii"),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert result.stdout.strip() == "[]"
