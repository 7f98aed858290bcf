from datetime import UTC, datetime

from reconnect_gui.core.contact_log import new_urge, they_contacted
from reconnect_gui.core.countdown import new_plan
from reconnect_gui.storage.countdown_store import (
    add_contact,
    add_urge,
    load_contacts,
    load_plan,
    load_urges,
    save_plan,
)
from reconnect_gui.storage.crypto import KdfParams
from reconnect_gui.storage.records import CONTACT_LOG
from reconnect_gui.storage.vault import create_vault

START = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)


def test_plan_contacts_and_urges_round_trip_through_the_vault(tmp_path) -> None:
    vault, _ = create_vault(
        tmp_path / "vault.sqlite3",
        recovery_code="ABCDE-FGHJK-MNPQR-STVWX-YZ012",
        kdf_params=KdfParams.new(n=2**10),
    )
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
