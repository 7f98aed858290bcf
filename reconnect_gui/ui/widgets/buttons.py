"""A dialog's row of buttons, in the order the desktop expects (QDialogButtonBox puts the
main button where GNOME, KDE, Windows or macOS people look for it), and the two looks a
button can ask for: the screen's primary action, and a link."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def dialog_buttons(
    dialog: QDialog,
    action: str,
    on_action: Callable[[], object],
    *,
    dismiss: str = "Cancel",
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """``dismiss`` closes ``dialog``; ``action`` is the main button (Enter presses it) and
    runs ``on_action``, which decides whether the dialog closes. Returns the row and both
    buttons (main, dismiss)."""
    row = QDialogButtonBox()
    dismiss_button = row.addButton(dismiss, QDialogButtonBox.ButtonRole.RejectRole)
    dismiss_button.setAccessibleName(dismiss.replace("&", ""))
    dismiss_button.setAutoDefault(False)  # Enter always means the main button
    main_button = row.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    main_button.setAccessibleName(action.replace("&", ""))
    main_button.setDefault(True)
    row.rejected.connect(dialog.reject)
    main_button.clicked.connect(on_action)
    return row, main_button, dismiss_button


def make_primary(button: QPushButton, primary: bool = True) -> None:
    """Show ``button`` as the screen's one main action: filled with the accent colour
    (the app's style sheet styles ``primary`` buttons). Works before or after it is shown."""
    button.setProperty("primary", primary)
    _repolish(button)


def make_link(button: QPushButton) -> None:
    """Show ``button`` as a link in the accent colour, underlined, without a frame."""
    button.setProperty("link", True)
    button.setFlat(True)
    _repolish(button)


def _repolish(button: QPushButton) -> None:
    # A style sheet matches dynamic properties when it polishes; after a change, again.
    style = button.style()
    style.unpolish(button)
    style.polish(button)
    button.update()
