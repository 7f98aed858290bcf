import dataclasses
import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect_gui.core.journal.entry import edited, entry_data, new_entry
from reconnect_gui.storage.countdown_store import add_unsent_letter, save_plan
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.errors import RecordDamaged, VaultError
from reconnect_gui.storage.journal_store import (
    EXPORT_ENTRY_WARNING,
    delete_for_good,
    export_entry_plain,
    export_file_name,
    load_entries,
    load_entry,
    purge_expired,
    restore_entry,
    save_entry,
    trash_entry,
    write_entry_plain,
)
from reconnect_gui.storage.records import JOURNAL_ENTRY
from reconnect_gui.storage.vault import create_vault, open_vault

RECOVERY_CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"
NOW = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def vault(tmp_path, clock):
    vault, _ = create_vault(
        tmp_path / "vault.sqlite3",
        recovery_code=RECOVERY_CODE,
        kdf_params=KdfParams.new(n=2**10),
        now=clock,
    )
    yield vault
    vault.close()


def test_a_new_entry_gets_an_id_and_an_edit_keeps_when_it_was_written(vault, clock) -> None:
    draft = edited(
        new_entry(NOW, "reflection", prompt_id="clear_head", prompt_text="What helps me?"),
        title="Steady",
        body="A walk, then tea.",
        mood=3,
        tags=("evening",),
        feelings=("calm", "tired"),
    )
    saved = save_entry(vault, draft)
    assert saved.id and (saved.created, saved.updated) == (NOW, NOW)
    clock.advance(hours=2)
    again = save_entry(vault, edited(saved, body="A walk, then tea, then sleep."))
    assert again.id == saved.id and again.created == NOW
    assert again.updated == NOW + timedelta(hours=2)
    assert load_entries(vault) == ([again], [])
    loaded = load_entry(vault, saved.id)
    assert loaded == again
    assert (loaded.feelings, loaded.prompt_id, loaded.prompt_text) == (
        ("tired", "calm"),
        "clear_head",
        "What helps me?",
    )


def test_entries_load_newest_first_with_the_trash_marked(vault, clock) -> None:
    first = save_entry(vault, edited(new_entry(NOW), title="first"))
    clock.advance(days=1)
    second = save_entry(vault, edited(new_entry(NOW), title="second"))
    clock.advance(days=1)
    trash_entry(vault, first.id, clock.moment)
    entries, damaged = load_entries(vault)
    assert [(e.title, e.in_trash) for e in entries] == [("second", False), ("first", True)]
    assert damaged == [] and second in entries


def test_entries_written_by_older_code_and_the_sos_flow_load(vault) -> None:
    cli = vault.put(JOURNAL_ENTRY, entry_data("From the command line", "words", mood=2)).id
    letter = add_unsent_letter(vault, "everything I must not send", ex_name="Sam")
    by_id = {e.id: e for e in load_entries(vault)[0]}
    assert by_id[cli].mood == 2 and by_id[cli].feelings == ()
    assert by_id[letter].is_unsent_letter and not by_id[letter].in_trash


def test_saving_keeps_fields_written_by_a_newer_version(vault) -> None:
    record = vault.put(JOURNAL_ENTRY, {"title": "t", "body": "b", "weather": "rain"})
    entry = load_entry(vault, record.id)
    save_entry(vault, edited(entry, body="more"))
    assert vault.get(record.id).data["weather"] == "rain"


def test_an_id_of_another_kind_of_record_is_never_overwritten(vault) -> None:
    from reconnect_gui.core.countdown.plan import new_plan

    save_plan(vault, new_plan(NOW, "Europe/Berlin", target_days=30))
    imposter = dataclasses.replace(new_entry(NOW), id="countdown", body="oops")
    with pytest.raises(ValueError, match="not a journal entry"):
        save_entry(vault, imposter)
    assert load_entry(vault, "countdown") is None
    assert vault.get("countdown").kind == "countdown"


def test_an_entry_removed_in_another_window_is_written_again(vault) -> None:
    saved = save_entry(vault, edited(new_entry(NOW), body="still typing"))
    vault.delete(saved.id)
    back = save_entry(vault, edited(saved, body="still typing, more"))
    assert back.id == saved.id and load_entry(vault, saved.id).body == "still typing, more"


def test_trash_and_undo(vault, clock) -> None:
    saved = save_entry(vault, edited(new_entry(NOW), title="a misclick"))
    clock.advance(minutes=5)
    trashed = trash_entry(vault, saved.id, clock.moment)
    assert trashed.in_trash and trashed.deleted_at == clock.moment
    assert trash_entry(vault, saved.id, clock.advance(days=3)).deleted_at == trashed.deleted_at
    restored = restore_entry(vault, saved.id)
    assert not restored.in_trash and restored.title == "a misclick"
    assert restored.created == NOW
    assert not load_entry(vault, saved.id).in_trash
    assert restore_entry(vault, saved.id) == restored  # already out: unchanged
    assert trash_entry(vault, "no-such-id", clock.moment) is None
    assert restore_entry(vault, "no-such-id") is None


def test_the_trash_is_emptied_after_thirty_days_and_nothing_else_is(vault, clock) -> None:
    keep = save_entry(vault, edited(new_entry(NOW), title="keep"))
    old = save_entry(vault, edited(new_entry(NOW), title="old"))
    recent = save_entry(vault, edited(new_entry(NOW), title="recent"))
    vault.put("draft", {"body": "a draft"}, record_id="d1")
    trash_entry(vault, old.id, NOW)
    trash_entry(vault, recent.id, NOW + timedelta(days=10))
    assert purge_expired(vault, NOW + timedelta(days=29, hours=23)) == []
    assert purge_expired(vault, NOW + timedelta(days=30)) == [old.id]
    assert {e.title for e in load_entries(vault)[0]} == {"keep", "recent"}
    assert purge_expired(vault, NOW + timedelta(days=40)) == [recent.id]
    assert load_entries(vault)[0] == [load_entry(vault, keep.id)]
    assert vault.get("d1").kind == "draft"


def test_only_an_entry_in_the_trash_can_be_deleted_for_good(vault) -> None:
    saved = save_entry(vault, edited(new_entry(NOW), title="t"))
    with pytest.raises(ValueError, match="in the trash"):
        delete_for_good(vault, saved.id)
    trash_entry(vault, saved.id, NOW)
    delete_for_good(vault, saved.id)
    delete_for_good(vault, saved.id)  # already gone: nothing happens
    assert load_entries(vault) == ([], [])


def test_a_damaged_entry_is_reported_by_id_and_can_be_replaced(tmp_path, clock) -> None:
    path = tmp_path / "vault.sqlite3"
    vault, _ = create_vault(
        path, recovery_code=RECOVERY_CODE, kdf_params=KdfParams.new(n=2**10), now=clock
    )
    good = save_entry(vault, edited(new_entry(NOW), body="fine"))
    bad = save_entry(vault, edited(new_entry(NOW), body="will be damaged"))
    vault.close()
    with sqlite3.connect(path) as conn:
        (ct,) = conn.execute("SELECT ciphertext FROM records WHERE id = ?", (bad.id,)).fetchone()
        conn.execute(
            "UPDATE records SET ciphertext = ? WHERE id = ?", (bytes([ct[0] ^ 1]) + ct[1:], bad.id)
        )
    conn.close()
    vault = open_vault(path, now=clock).unlock_with_secret(RECOVERY_CODE)[0]
    assert load_entries(vault) == ([good], [bad.id])
    with pytest.raises(RecordDamaged):
        load_entry(vault, bad.id)
    # The words still on screen cannot replace the damaged record, but keep as a new entry.
    with pytest.raises(RecordDamaged):
        save_entry(vault, edited(bad, body="typed again"))
    clock.advance(minutes=1)
    copy = save_entry(vault, dataclasses.replace(bad, id="", body="typed again"))
    assert load_entries(vault) == ([copy, good], [bad.id])
    vault.close()


def test_one_entry_exports_as_the_full_plain_export_writes_it(vault, tmp_path) -> None:
    saved = save_entry(
        vault,
        edited(
            new_entry(NOW, "reflection", prompt_id="clear_head", prompt_text="What helps me?"),
            title="A hard day",
            body="I wanted to text.\n\nI went for a walk instead.",
            mood=2,
            tags=("urge",),
            feelings=("lonely",),
        ),
    )
    trashed = trash_entry(vault, saved.id, NOW)
    text = export_entry_plain(trashed, BERLIN)
    assert text.startswith('---\ntitle: "A hard day"\ndate: 2026-11-01T21:00:00+01:00\n')
    assert "mood: 2\n" in text and 'tags: ["urge"]\n' in text
    assert "# A hard day\n" in text and "I went for a walk instead.\n" in text
    assert '"prompt": "What helps me?"' in text and '"feelings": [\n    "lonely"\n  ]' in text
    assert "deleted_at" not in text  # the trash mark is not part of the words
    assert export_file_name(saved, BERLIN) == "2026-11-01-a-hard-day.md"
    assert "NOT encrypted" in EXPORT_ENTRY_WARNING

    path = tmp_path / "out" / "entry.md"
    path.parent.mkdir()
    write_entry_plain(saved, path, BERLIN)
    assert path.read_text(encoding="utf-8") == export_entry_plain(saved, BERLIN)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(VaultError, match="already there"):
        write_entry_plain(saved, path, BERLIN)
    write_entry_plain(edited(saved, body="newer"), path, BERLIN, overwrite=True)
    assert "newer" in path.read_text(encoding="utf-8")


# --- another process writing the same entry (issue 16, point 6) ----------------------------


@pytest.fixture
def other(vault, tmp_path, clock):
    """The same vault file opened again, as the command line or a restore would."""
    with open_vault(tmp_path / "vault.sqlite3", now=clock).unlock_with_key(vault.data_key) as v:
        yield v


def after_each_read(vault, write_elsewhere) -> None:
    """Let another connection write right after ``vault`` reads a record: the moment a
    read-then-write in two steps would lose that change."""
    read = vault.get

    def get(record_id):
        record = read(record_id)
        write_elsewhere()
        return record

    vault.get = get


def test_an_edit_keeps_the_trash_mark_set_elsewhere_meanwhile(vault, other, clock) -> None:
    seen = save_entry(vault, edited(new_entry(NOW), body="typing"))
    trash_entry(other, seen.id, clock.moment)
    saved = save_entry(vault, edited(seen, body="typing more"))
    assert saved.in_trash and saved.body == "typing more"
    assert load_entry(vault, seen.id) == saved


def test_an_edit_changes_only_what_the_person_changed(vault, other) -> None:
    seen = save_entry(vault, edited(new_entry(NOW), title="t", body="b", mood=2))
    save_entry(other, edited(seen, mood=4, tags=("restored",)))  # e.g. a backup restored
    saved = save_entry(vault, edited(seen, body="b, and more"), base=seen)
    assert (saved.body, saved.mood, saved.tags) == ("b, and more", 4, ("restored",))
    # Without what the editor started from, the editor's words and choices all count.
    again = save_entry(vault, edited(seen, title="new title"))
    assert (again.title, again.body, again.mood) == ("new title", "b", 2)


def test_trashing_keeps_words_saved_elsewhere_just_before(vault, other, clock) -> None:
    seen = save_entry(vault, edited(new_entry(NOW), body="first words"))
    after_each_read(vault, lambda: save_entry(other, edited(seen, body="words from elsewhere")))
    trashed = trash_entry(vault, seen.id, clock.moment)
    assert trashed.in_trash and trashed.body == "words from elsewhere"
    assert load_entry(other, seen.id) == trashed


def test_restoring_keeps_words_saved_elsewhere_just_before(vault, other, clock) -> None:
    seen = trash_entry(vault, save_entry(vault, edited(new_entry(NOW), body="one")).id, NOW)
    after_each_read(vault, lambda: save_entry(other, edited(seen, body="two")))
    restored = restore_entry(vault, seen.id)
    assert not restored.in_trash and restored.body == "two"
    assert load_entry(other, seen.id) == restored


def test_deleting_for_good_also_removes_the_entry_from_reconnects_own_copies(
    vault, tmp_path, clock
) -> None:
    from reconnect_gui.storage.snapshots import snapshot_folder, take_snapshot_if_due

    gone = save_entry(vault, edited(new_entry(NOW), title="gone", body="words to forget"))
    kept = save_entry(vault, edited(new_entry(NOW), title="kept", body="words to keep"))
    purged_later = save_entry(vault, edited(new_entry(NOW), title="old", body="forget too"))
    trash_entry(vault, gone.id, NOW)
    trash_entry(vault, purged_later.id, NOW - timedelta(days=1))
    vault.checkpoint()
    vault_path = tmp_path / "vault.sqlite3"
    snapshot = take_snapshot_if_due(vault_path, snapshot_folder(vault_path), NOW)
    assert snapshot is not None

    def ids_in_snapshot() -> set[str]:
        conn = sqlite3.connect(snapshot)
        try:
            return {row[0] for row in conn.execute("SELECT id FROM records")}
        finally:
            conn.close()

    assert {gone.id, kept.id, purged_later.id} <= ids_in_snapshot()
    delete_for_good(vault, gone.id)
    assert gone.id not in ids_in_snapshot() and kept.id in ids_in_snapshot()
    assert purge_expired(vault, NOW + timedelta(days=29, hours=1)) == [purged_later.id]
    assert ids_in_snapshot() == {kept.id}
    raw = snapshot.read_bytes()
    assert gone.id.encode() not in raw  # secure_delete: not even its id lingers
