"""The PRIMARY selection (what middle-click pastes on Linux) does not keep the person's words:
a real X server (Xvfb) and Qt's xcb clipboard, in a process of its own.

Selecting text in the draft editor or over the recovery code puts it in PRIMARY, where it
stays until something else is selected. The clipboard guard clears it with the clipboard
when it still holds (part of) the copied draft; the recovery code's page clears it when it
is left. A selection of anything else is never touched.
"""

from __future__ import annotations

import json
import subprocess
import sys

from e2e.desktop import desktop_env, xvfb_display
from helpers.repo import REPO

DRAFT = "Hi Sam, I walked past the lake today and thought of the ducks. How have you been?"
CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"

SCRIPT = r"""
import json, sys
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from reconnect_gui.ui.draft.clipboard_guard import ClipboardGuard
from reconnect_gui.ui.vault.recovery_code import RecoveryCodeView

draft, code = sys.argv[1], sys.argv[2]
app = QApplication([])
board = app.clipboard()
SELECTION = QClipboard.Mode.Selection


def settle():
    for _ in range(30):
        app.processEvents()
        QTest.qWait(5)


def drag_over(widget, start, end):
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    settle()


out = {"supported": board.supportsSelection()}

# The draft, selected in an editor (as in the Draft pane), then copied; time is up.
editor = QPlainTextEdit()
editor.setPlainText(draft)
editor.resize(900, 200)
editor.show()
settle()
rect = editor.cursorRect(editor.textCursor())
line = rect.center().y()
drag_over(editor.viewport(), QPoint(2, line), QPoint(editor.viewport().width() - 2, line))
out["selected"] = board.text(SELECTION)
guard = ClipboardGuard(60)
board.setText(draft)
guard.watch(draft)
guard.clear_if_ours()
settle()
out["draft_after"] = board.text(SELECTION)

# Something else selected since: left alone.
board.setText("the person's own words", SELECTION)
board.setText(draft)
guard.watch(draft)
guard.clear_if_ours()
settle()
out["other_after"] = board.text(SELECTION)

# The recovery code, selected with the mouse, then its page is left.
view = RecoveryCodeView(code, find_media=list)
view.resize(600, 300)
view.show()
settle()
label = view.code_label
drag_over(label, QPoint(1, label.height() // 2), QPoint(label.width() - 1, label.height() // 2))
out["code_selected"] = board.text(SELECTION)
view.hide()
settle()
out["code_after"] = board.text(SELECTION)
print(json.dumps(out))
"""


def test_primary_selection_is_cleared_only_when_it_holds_our_words() -> None:
    with xvfb_display() as display:
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, DRAFT, CODE],
            env=desktop_env(display),
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["supported"]
    assert seen["selected"] and seen["selected"] in DRAFT  # the drag really selected
    assert seen["draft_after"] == ""
    assert seen["other_after"] == "the person's own words"
    assert seen["code_selected"] and seen["code_selected"] in CODE
    assert seen["code_after"] == ""
