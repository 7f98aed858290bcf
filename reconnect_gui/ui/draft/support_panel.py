"""Beside a draft whose words suggest the writer may be in danger: the caring note and
real helplines for where they are, in place of every note about the writing.

The country comes from the system's locale; the person can pick another. Nothing here
goes online: the helplines ship with the app (core/helplines.py).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reconnect_gui.core.helplines import (
    ELSEWHERE,
    Helplines,
    country_from_locale,
    service_lines,
    shipped_helplines,
)
from reconnect_gui.ui.widgets.labels import quiet_label, wrapped_label

INTRO = (
    "You don't have to carry this alone. These lines are free, and the people on them "
    "are there to listen, whatever is going on."
)


class SupportPanel(QFrame):
    """The support note, a country choice and that country's helplines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportPanel")
        self.setAccessibleName("Support")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.note = wrapped_label("")
        layout.addWidget(self.note)
        row = QHBoxLayout()
        label = QLabel("Helplines for")
        row.addWidget(label)
        self.country = QComboBox()
        self.country.setAccessibleName("Country for the helplines")
        label.setBuddy(self.country)
        row.addWidget(self.country, 1)
        layout.addLayout(row)
        self.services = wrapped_label("")
        self.services.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.services.setAccessibleName("Helplines")
        layout.addWidget(self.services)
        self.checked = quiet_label("")
        layout.addWidget(self.checked)
        layout.addStretch(1)
        self._helplines: Helplines | None = None
        self.country.currentIndexChanged.connect(self._show_country)

    def show_note(self) -> None:
        """Show the helplines (read from disk the first time only). The banner above the
        draft already holds the support note itself, so this says only what comes next."""
        self.note.setText(INTRO)
        if self._helplines is None:
            self._load()

    def _load(self) -> None:
        try:
            helplines = shipped_helplines()
        except (OSError, ValueError, KeyError):
            self.services.setText(
                "Please call your local emergency number, or a crisis line in your country."
            )
            self.country.hide()
            return
        self._helplines = helplines
        self.country.blockSignals(True)
        for country in helplines.countries:
            self.country.addItem(country.name, country.code)
        here = helplines.for_country(country_from_locale(QLocale.system().name()))
        self.country.setCurrentIndex(max(self.country.findData(here.code), 0))
        self.country.blockSignals(False)
        self.checked.setText(f"Numbers last checked on {helplines.checked}.")
        self._show_country()

    def _show_country(self) -> None:
        if self._helplines is None:
            return
        code = self.country.currentData() or ELSEWHERE
        country = self._helplines.for_country(code)
        self.services.setText("\n\n".join(service_lines(s) for s in country.services))

    def forget(self) -> None:
        self.note.clear()
