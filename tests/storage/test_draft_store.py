"""Drafts in a real vault: one encrypted record each, damaged ones reported by id."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from reconnect_gui.core.drafts.draft import add_ignore, edit, new_draft, retitle
from reconnect_gui.core.drafts.tone_ignores import Ignore
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.draft_store import delete_draft, load_drafts, save_draft
from reconnect_gui.storage.records import DRAFT, JOURNAL_ENTRY
from reconnect_gui.storage.vault import create_vault, open_vault

T0 = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
SECRET_WORDS = "I still think about the lake house"
RECOVERY_CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"


def new_vault(path):
    vault, _ = create_vault(path, recovery_code=RECOVERY_CODE, kdf_params=KdfParams.new(n=2**10))
    return vault


def test_drafts_round_trip_with_versions_and_ignores(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    draft = new_draft("letter", T0, body="Dear Sam,", title="Sunday")
    draft = edit(draft, "Dear Sam, I hope the move went well.", T0 + HOUR)
    draft = add_ignore(draft, Ignore("drama.caps", "SO", "i am", "glad"))
    save_draft(vault, draft)
    assert load_drafts(vault) == ([draft], [])
    assert vault.get(draft.id).kind == DRAFT
    vault.close()


def test_the_words_are_not_in_the_file_in_the_clear(tmp_path) -> None:
    path = tmp_path / "vault.sqlite3"
    vault = new_vault(path)
    save_draft(vault, new_draft("text", T0, body=SECRET_WORDS, title="lake"))
    vault.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert SECRET_WORDS.encode() not in raw and b"lake" not in raw


def test_saving_again_replaces_the_draft_instead_of_adding_one(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    draft = new_draft("text", T0, body="Hi")
    save_draft(vault, draft)
    changed = edit(draft, "Hi Sam, how are you?", T0 + HOUR)
    save_draft(vault, changed)
    assert load_drafts(vault) == ([changed], [])
    vault.close()


def test_drafts_are_listed_most_recently_written_first(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    old = new_draft("text", T0, body="old")
    newer = new_draft("letter", T0 + HOUR, body="newer")
    newest = edit(new_draft("text", T0, body="x"), "edited last", T0 + 2 * HOUR)
    for draft in (newest, old, newer):
        save_draft(vault, draft)
    vault.put(JOURNAL_ENTRY, {"title": "not a draft", "body": ""})
    drafts, damaged = load_drafts(vault)
    assert [d.body for d in drafts] == ["edited last", "newer", "old"]
    assert damaged == []
    vault.close()


def test_a_damaged_draft_is_reported_by_id_and_can_be_deleted(tmp_path) -> None:
    path = tmp_path / "vault.sqlite3"
    vault = new_vault(path)
    good = new_draft("text", T0, body="fine")
    bad = new_draft("text", T0, body="will be damaged")
    save_draft(vault, good)
    save_draft(vault, bad)
    vault.close()
    with sqlite3.connect(path) as conn:  # flip one byte of the ciphertext
        (ct,) = conn.execute("SELECT ciphertext FROM records WHERE id = ?", (bad.id,)).fetchone()
        flipped = bytes([ct[0] ^ 1]) + ct[1:]
        conn.execute("UPDATE records SET ciphertext = ? WHERE id = ?", (flipped, bad.id))
    conn.close()

    vault = open_vault(path).unlock_with_secret(RECOVERY_CODE)[0]
    assert load_drafts(vault) == ([good], [bad.id])
    delete_draft(vault, bad.id)
    assert load_drafts(vault) == ([good], [])
    vault.close()


def test_deleting_removes_only_drafts_and_tolerates_a_missing_one(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    draft = new_draft("text", T0, body="Hi")
    save_draft(vault, draft)
    entry_id = vault.put(JOURNAL_ENTRY, {"title": "t", "body": "b"}).id
    with pytest.raises(ValueError, match="not a draft"):
        delete_draft(vault, entry_id)
    assert load_drafts(vault) == ([draft], [])  # a journal entry is never read as a draft
    delete_draft(vault, draft.id)
    delete_draft(vault, draft.id)  # already gone: nothing happens
    assert load_drafts(vault) == ([], [])
    assert vault.get(entry_id).kind == JOURNAL_ENTRY
    vault.close()


# --- another process writing the same draft (issue 16, point 6) ---------------------------


def test_a_save_keeps_versions_and_ignores_saved_elsewhere_meanwhile(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    seen = edit(new_draft("text", T0, body="First words."), "Second words.", T0 + HOUR)
    save_draft(vault, seen)
    ignore = Ignore("drama.caps", "SO", "i am", "glad")
    with open_vault(tmp_path / "vault.sqlite3").unlock_with_key(vault.data_key) as other:
        # e.g. a newer backup restored: one more version and one more finding set aside
        elsewhere = add_ignore(edit(seen, "Third words.", T0 + 3 * HOUR), ignore)
        save_draft(other, elsewhere)
    mine = edit(seen, "My own words.", T0 + 4 * HOUR)
    saved = save_draft(vault, mine)
    assert saved.body == "My own words." and saved.ignores == (ignore,)
    assert [v.body for v in saved.versions] == ["First words.", "Second words."]
    assert load_drafts(vault) == ([saved], [])
    vault.close()


def test_a_save_writes_only_what_changed_since_the_editor_matched_the_vault(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    seen = new_draft("letter", T0, body="Dear Sam,", title="Sunday")
    save_draft(vault, seen)
    with open_vault(tmp_path / "vault.sqlite3").unlock_with_key(vault.data_key) as other:
        save_draft(other, retitle(edit(seen, "Dear Sam, the keys.", T0 + HOUR), "Keys"))
    ignore = Ignore("drama.caps", "SO", "i am", "glad")
    saved = save_draft(vault, add_ignore(seen, ignore), base=seen)  # only an ignore here
    assert (saved.body, saved.title, saved.ignores) == ("Dear Sam, the keys.", "Keys", (ignore,))
    assert saved.updated == T0 + HOUR  # the words changed there, not here
    vault.close()


def test_a_draft_removed_elsewhere_is_written_again(tmp_path) -> None:
    vault = new_vault(tmp_path / "vault.sqlite3")
    seen = new_draft("text", T0, body="Hi")
    save_draft(vault, seen)
    vault.delete(seen.id)
    mine = edit(seen, "Hi Sam, still writing", T0 + HOUR)
    assert save_draft(vault, mine, base=seen) == mine
    assert load_drafts(vault) == ([mine], [])
    vault.close()
