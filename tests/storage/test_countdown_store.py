from datetime import UTC, datetime, timedelta

import pytest

from reconnect_gui.core.countdown.contact_log import (
    mark_answered,
    new_urge,
    sent_unanswered,
    they_contacted,
)
from reconnect_gui.core.countdown.plan import extend_target, new_plan, record_slip
from reconnect_gui.storage.countdown_store import (
    NoPlan,
    add_contact,
    add_unsent_letter,
    add_urge,
    change_contact,
    change_plan,
    load_contacts,
    load_contacts_by_id,
    load_plan,
    load_urges,
    mark_waits_answered,
    save_plan,
    start_plan,
)
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.records import CONTACT_LOG, JOURNAL_ENTRY
from reconnect_gui.storage.vault import create_vault, open_vault

START = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)


def new_vault(tmp_path):
    vault, _ = create_vault(
        tmp_path / "vault.sqlite3",
        recovery_code="ABCDE-FGHJK-MNPQR-STVWX-YZ012",
        kdf_params=KdfParams.new(n=2**10),
    )
    return vault


def test_plan_contacts_and_urges_round_trip_through_the_vault(tmp_path) -> None:
    vault = new_vault(tmp_path)
    assert load_plan(vault) is None
    plan = new_plan(START, "Europe/Berlin", target_days=45, reasons=["I deserve calm"])
    save_plan(vault, plan)
    assert load_plan(vault) == plan

    contact = they_contacted(START, note="asked about the keys")
    add_contact(vault, contact)
    vault.put(CONTACT_LOG, {"kind": "nonsense"})  # unreadable data is skipped, not fatal
    urge = new_urge(START, 7, trigger="a song", instead="went for a walk")
    add_urge(vault, urge)
    assert load_contacts(vault) == ([contact], [])
    assert load_urges(vault) == ([urge], [])
    vault.close()


def second_connection(vault, tmp_path):
    """The same file opened again, as another process (the command line) would."""
    return open_vault(tmp_path / "vault.sqlite3").unlock_with_key(vault.data_key)


def test_an_unanswered_message_can_be_marked_answered_in_place(tmp_path) -> None:
    vault = new_vault(tmp_path)
    record_id = add_contact(vault, sent_unanswered(START))
    add_contact(vault, they_contacted(START))
    assert mark_waits_answered(vault, START.replace(day=3)) == 1
    answered = mark_answered(sent_unanswered(START), START.replace(day=3))
    assert load_contacts_by_id(vault)[0][record_id] == answered
    assert mark_waits_answered(vault, START.replace(day=4)) == 0  # already answered: kept
    assert load_contacts_by_id(vault)[0][record_id] == answered
    vault.close()


def test_a_change_applies_to_the_plan_another_connection_just_saved(tmp_path) -> None:
    vault = new_vault(tmp_path)
    save_plan(vault, new_plan(START, "Europe/Berlin", target_days=30))
    seen = load_plan(vault)  # what a window shows
    with second_connection(vault, tmp_path) as other:  # `reconnect nocontact slip`
        save_plan(other, record_slip(load_plan(other), START + timedelta(days=2), "replied",
                                     restart=True))  # fmt: skip
    stored = change_plan(vault, lambda plan: extend_target(plan, 14))
    assert stored == load_plan(vault)
    assert stored.target_days == 44 and [s.kind for s in stored.slips] == ["replied"]
    assert len(stored.attempts) == 2 and seen.slips == ()
    vault.close()


def test_a_change_to_no_plan_or_a_failing_change_writes_nothing(tmp_path) -> None:
    vault = new_vault(tmp_path)
    with pytest.raises(NoPlan):
        change_plan(vault, lambda plan: plan)
    assert load_plan(vault) is None
    save_plan(vault, new_plan(START, "UTC", target_days=3650))
    before = vault.get("countdown")
    with pytest.raises(ValueError):
        change_plan(vault, lambda plan: extend_target(plan, 1))  # beyond the longest target
    assert vault.get("countdown") == before
    vault.close()


def test_starting_keeps_a_plan_another_connection_started_first(tmp_path) -> None:
    vault = new_vault(tmp_path)
    with second_connection(vault, tmp_path) as other:
        assert start_plan(other, new_plan(START, "UTC", target_days=10))
    assert not start_plan(vault, new_plan(START + timedelta(days=1), "UTC", target_days=60))
    assert load_plan(vault).target_days == 10
    vault.close()


def test_a_contact_changed_elsewhere_is_changed_from_what_is_stored(tmp_path) -> None:
    vault = new_vault(tmp_path)
    record_id = add_contact(vault, sent_unanswered(START, note="first"))
    with second_connection(vault, tmp_path) as other:
        change_contact(other, record_id, lambda e: mark_answered(e, START.replace(day=2)))
    # A stale copy would have no answer; the change sees the stored one and keeps it.
    assert mark_waits_answered(vault, START.replace(day=5)) == 0
    assert load_contacts_by_id(vault)[0][record_id].answered_at == START.replace(day=2)
    vault.delete(record_id)
    assert change_contact(vault, record_id, lambda e: e) is None  # gone: not written again
    assert load_contacts_by_id(vault) == ({}, [])
    vault.close()


def test_an_unsent_letter_is_a_journal_entry_of_its_own_type(tmp_path) -> None:
    vault = new_vault(tmp_path)
    record_id = add_unsent_letter(vault, "everything I wanted to say", ex_name="Sam")
    data = vault.get(record_id).data
    assert vault.get(record_id).kind == JOURNAL_ENTRY
    assert data["type"] == "unsent_letter" and data["body"] == "everything I wanted to say"
    assert data["title"] == "A letter to Sam I didn't send"
    vault.close()
