"""The countdown pane while another process writes the same vault (issue 16, point 6).

The command line (``reconnect nocontact slip``) may log a slip while the window is open.
Whatever the pane saves next is applied to the plan as the vault holds it then, so the
other writer's change is never lost, and the pane shows what was saved.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from helpers.repo import REPO, app_command
from reconnect_gui.core.countdown.contact_log import sent_unanswered
from reconnect_gui.core.countdown.plan import new_plan, record_slip
from reconnect_gui.storage import countdown_store as store
from reconnect_gui.storage.vault import Vault, open_vault
from reconnect_gui.ui.countdown.countdown_pane import HOME_PAGE, CountdownPane
from reconnect_gui.ui.countdown.plan_form import PlanEditDialog

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
RECOVERY_CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The vault's folder; the command line's --data-dir is the folder above it."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def controller(qtbot, data_dir: Path, memory_keyring, clock):
    """A VaultController on a real vault whose recovery code the test knows, so a real
    command-line process can open the same file."""
    from PySide6.QtWidgets import QWidget

    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.unlock import create_user_vault, vault_file
    from reconnect_gui.ui.vault.controller import VaultController, VaultState

    create_user_vault(vault_file(data_dir), KeyStore(), RECOVERY_CODE, now=clock).vault.close()
    window = QWidget()
    qtbot.add_widget(window)
    controller = VaultController(data_dir, window, now=clock)
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    yield controller
    controller.lock()


def start_plan(controller, **kwargs) -> None:
    plan = new_plan(NOW - timedelta(days=12), "Europe/Berlin", **kwargs)
    store.save_plan(controller.vault, plan)


def open_pane(qtbot, controller, clock) -> CountdownPane:
    pane = CountdownPane(controller, now=clock)
    qtbot.add_widget(pane)
    pane.resize(1000, 760)
    pane.show()
    assert pane.pages.currentIndex() == HOME_PAGE
    return pane


def cli_slip(data_dir: Path, tmp_path: Path, *options: str) -> None:
    """``reconnect nocontact slip`` in a process of its own, unlocked with the recovery
    code from a file (no keyring in there), as a person would run it in a terminal."""
    secret = tmp_path / "code.txt"
    secret.write_text(RECOVERY_CODE + "\n")
    secret.chmod(0o600)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    command = app_command(
        "--data-dir", str(data_dir.parent), "nocontact", "slip", *options,
        "--passphrase-file", str(secret),
    )  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr


def second_connection(controller) -> Vault:
    """The same vault file opened again, as another process would."""
    return open_vault(controller.path).unlock_with_key(controller.vault.data_key)


def test_a_slip_logged_by_the_command_line_survives_an_edit_in_the_open_pane(
    qtbot, controller, data_dir, tmp_path, clock
) -> None:
    start_plan(controller, target_days=30)
    pane = open_pane(qtbot, controller, clock)
    cli_slip(data_dir, tmp_path, "--kind", "replied", "--keep-counting")

    pane.edit_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, PlanEditDialog)
    dialog.target.spin.setValue(60)
    dialog.save_button.click()

    stored = store.load_plan(controller.vault)
    assert stored.target_days == 60
    assert [slip.kind for slip in stored.slips] == ["replied"]
    # The pane shows what was saved: the other process's slip is in its plan too.
    assert pane.plan == stored
    assert pane.ring.view.day_text.endswith("of 60")


def slip_elsewhere(controller, at: datetime, *, restart: bool, kind: str = "replied") -> None:
    """What ``reconnect nocontact slip`` does, through a connection of its own."""
    with second_connection(controller) as other:
        plan = store.load_plan(other)
        store.save_plan(other, record_slip(plan, at, kind, restart=restart))


def test_a_slip_logged_in_the_pane_keeps_the_one_logged_elsewhere(qtbot, controller, clock) -> None:
    start_plan(controller)
    pane = open_pane(qtbot, controller, clock)
    slip_elsewhere(controller, NOW - timedelta(days=3), restart=False, kind="replied")
    pane.slip_button.click()
    dialog = pane.dialog
    dialog.kind_buttons["reached_out"].click()
    dialog.unanswered.setChecked(True)
    dialog.restart_button.setChecked(True)
    dialog.save_button.click()
    stored = store.load_plan(controller.vault)
    assert [slip.kind for slip in stored.slips] == ["replied", "reached_out"]
    assert pane.plan == stored and pane.history_list.count() >= 3
    (contact,), _ = store.load_contacts(controller.vault)
    assert contact == sent_unanswered(NOW)


def test_the_readiness_check_keeps_a_slip_logged_elsewhere(qtbot, controller, clock) -> None:
    plan = new_plan(NOW - timedelta(days=31), "Europe/Berlin", target_days=30)
    store.save_plan(controller.vault, plan)
    pane = open_pane(qtbot, controller, clock)
    slip_elsewhere(controller, NOW - timedelta(days=20), restart=False)
    pane.readiness_button.click()
    dialog = pane.dialog
    next(iter(dialog.answer_groups.values()))[0].click()  # one "too soon" yes
    dialog.result_button.click()  # the result is kept in the plan
    dialog.extend_button.click()  # and the target grows by two weeks
    stored = store.load_plan(controller.vault)
    assert [slip.kind for slip in stored.slips] == ["replied"]
    assert stored.target_days == 44 and [r.outcome for r in stored.readiness] == ["not_yet"]
    assert pane.plan == stored


def test_a_moved_start_is_not_put_on_an_attempt_a_slip_began_meanwhile(
    qtbot, controller, clock
) -> None:
    start_plan(controller)
    pane = open_pane(qtbot, controller, clock)
    pane.edit_button.click()
    dialog = pane.dialog
    dialog.start.set_value(NOW - timedelta(days=13))  # the person corrects the start
    dialog.start.edit.set_wall(dialog.start.edit.wall() + timedelta(hours=2))
    slip_elsewhere(controller, NOW - timedelta(days=1), restart=True)  # while it is open
    dialog.target.spin.setValue(45)
    dialog.save_button.click()
    stored = store.load_plan(controller.vault)
    assert len(stored.attempts) == 2 and stored.target_days == 45
    assert stored.current.start == NOW - timedelta(days=1)  # the new attempt, untouched
    assert pane.plan == stored


def test_the_wizard_adds_to_a_countdown_started_elsewhere_meanwhile(
    qtbot, controller, clock
) -> None:
    pane = open_pane_on_wizard(qtbot, controller, clock)
    wizard = pane.wizard
    wizard.go_next()  # welcome
    wizard.start.set_value(NOW - timedelta(days=3))
    wizard.target.set_value(45)
    wizard.go_next()
    wizard.person.set_value("Sam", "they/them")
    wizard.go_next()
    wizard.reasons.set_value(["I want to feel steady on my own"])
    started = new_plan(NOW - timedelta(days=8), "Europe/Berlin", target_days=30)
    with second_connection(controller) as other:  # `reconnect nocontact start`, then a slip
        store.save_plan(other, record_slip(started, NOW - timedelta(days=2), "other",
                                           restart=False))  # fmt: skip
    wizard.go_next()  # "Start my countdown"
    stored = store.load_plan(controller.vault)
    assert stored.start == NOW - timedelta(days=8) and len(stored.slips) == 1
    assert (stored.target_days, stored.ex_name) == (45, "Sam")
    assert stored.reasons == ("I want to feel steady on my own",)
    assert pane.pages.currentIndex() == HOME_PAGE and pane.plan == stored


def open_pane_on_wizard(qtbot, controller, clock) -> CountdownPane:
    from reconnect_gui.ui.countdown.countdown_pane import WIZARD_PAGE

    pane = CountdownPane(controller, now=clock)
    qtbot.add_widget(pane)
    pane.resize(1000, 760)
    pane.show()
    assert pane.pages.currentIndex() == WIZARD_PAGE
    return pane


def test_they_answered_keeps_an_answer_recorded_elsewhere(qtbot, controller, clock) -> None:
    start_plan(controller)
    record_id = store.add_contact(controller.vault, sent_unanswered(NOW - timedelta(days=2)))
    pane = open_pane(qtbot, controller, clock)
    assert pane.wait_banner.isVisible()
    answered_at = NOW - timedelta(days=1)
    with second_connection(controller) as other:
        store.change_contact(other, record_id, lambda e: replace(e, answered_at=answered_at))
    pane.answered_button.click()
    contacts, _ = store.load_contacts_by_id(controller.vault)
    assert contacts[record_id].answered_at == answered_at  # not moved to now
    assert not pane.wait_banner.isVisible()
