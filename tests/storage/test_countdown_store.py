from datetime import UTC, datetime

from reconnect_gui.core.countdown.contact_log import (
    mark_answered,
    new_urge,
    sent_unanswered,
    they_contacted,
)
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.storage.countdown_store import (
    add_contact,
    add_unsent_letter,
    add_urge,
    load_contacts,
    load_contacts_by_id,
    load_plan,
    load_urges,
    save_plan,
    update_contact,
)
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.records import CONTACT_LOG, JOURNAL_ENTRY
from reconnect_gui.storage.vault import create_vault

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


def test_an_unanswered_message_can_be_marked_answered_in_place(tmp_path) -> None:
    vault = new_vault(tmp_path)
    record_id = add_contact(vault, sent_unanswered(START))
    answered = mark_answered(sent_unanswered(START), START.replace(day=3))
    update_contact(vault, record_id, answered)
    assert load_contacts_by_id(vault) == ({record_id: answered}, [])
    vault.close()


def test_an_unsent_letter_is_a_journal_entry_of_its_own_type(tmp_path) -> None:
    vault = new_vault(tmp_path)
    record_id = add_unsent_letter(vault, "everything I wanted to say", ex_name="Sam")
    data = vault.get(record_id).data
    assert vault.get(record_id).kind == JOURNAL_ENTRY
    assert data["type"] == "unsent_letter" and data["body"] == "everything I wanted to say"
    assert data["title"] == "A letter to Sam I didn't send"
    vault.close()
