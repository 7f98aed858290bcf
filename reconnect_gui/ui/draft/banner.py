"""The verdict banner above the draft: a tinted box with the verdict and its reasons.

What it says comes from ``core.drafts.words.banner_for``; this module only shows it, in
a tint per state that keeps the text readable in light and dark themes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reconnect_gui.core.drafts.words import Banner
from reconnect_gui.ui.widgets.labels import wrapped_label

# Banner tints per state: (light, dark) background and stripe. Text on every tint keeps
# the palette's text colour at 4.5:1 or more (see the tests).
BANNER_COLOURS = {
    "empty": (("#eef0f2", "#23272b"), ("#7a8086", "#6b7278")),
    "ready": (("#e4f2ee", "#1d302c"), ("#2e6b5e", "#5fb3a0")),
    "cooling": (("#e9eef6", "#212a36"), ("#3d5f8c", "#7fa6d9")),
    "revise": (("#fbf1df", "#342a1a"), ("#8a5000", "#f0b94d")),
    "wait": (("#efeaf6", "#2a2535"), ("#5e4a8a", "#a995d9")),
    "support": (("#f7ebef", "#35262c"), ("#8c3d5a", "#e08fae")),
}


class VerdictBanner(QFrame):
    """A tinted box with the verdict in a few words and its reasons beneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        self.headline = QLabel()
        font = QFont(self.headline.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.headline.setFont(font)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.detail = wrapped_label("")
        layout.addWidget(self.detail)
        self.state = "empty"
        self._dark = False

    def show_banner(self, banner: Banner) -> None:
        self.state = banner.state
        self.headline.setText(banner.headline)
        self.detail.setText(banner.detail)
        self.detail.setVisible(bool(banner.detail))
        self.setAccessibleName(banner.headline)
        self.setAccessibleDescription(banner.detail)
        self._restyle()

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._restyle()

    def _restyle(self) -> None:
        index = 1 if self._dark else 0
        background, stripe = BANNER_COLOURS[self.state]
        self.setStyleSheet(
            f"QFrame#verdictBanner {{ background: {background[index]}; border-radius: 6px;"
            f" border-left: 5px solid {stripe[index]}; }}"
        )
