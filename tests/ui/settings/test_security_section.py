"""Settings → Security's dialogs forget the secrets typed into them once they are
cancelled or the vault locks (a real vault and the real controller)."""

from __future__ import annotations

from reconnect_gui.ui.settings.security_section import SecretsDialog, SecuritySection

NEW_PASSPHRASE = "a quiet harbour at dawn"


def typed_into_change_passphrase(qtbot, controller) -> tuple[SecuritySection, SecretsDialog]:
    section = SecuritySection(controller)
    qtbot.add_widget(section)
    section.show()
    section.change_passphrase()
    dialog = section.dialog
    assert isinstance(dialog, SecretsDialog) and dialog.isVisible()
    assert dialog.passphrase is not None and dialog.repeat is not None
    dialog.passphrase.setText(NEW_PASSPHRASE)
    dialog.repeat.setText(NEW_PASSPHRASE)
    return section, dialog


def typed(dialog: SecretsDialog) -> list[str]:
    fields = (dialog.current, dialog.passphrase, dialog.repeat)
    return [field.text() for field in fields if field is not None and field.text()]


def test_cancelling_a_secrets_dialog_forgets_what_was_typed(qtbot, unlocked_controller) -> None:
    _section, dialog = typed_into_change_passphrase(qtbot, unlocked_controller)
    dialog.reject()  # Cancel: the dialog is only hidden, so its fields would stay filled
    assert typed(dialog) == []


def test_locking_closes_an_open_secrets_dialog_and_forgets_what_was_typed(
    qtbot, unlocked_controller
) -> None:
    section, dialog = typed_into_change_passphrase(qtbot, unlocked_controller)
    unlocked_controller.lock()
    assert not dialog.isVisible()
    assert typed(dialog) == []
    assert not section.passphrase_button.isEnabled()
