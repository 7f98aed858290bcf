"""The floor for the tray benchmark: a bare PySide6 app with a tray icon and a window that
painted some text once and is now hidden, doing nothing. Whatever it costs while idle is
what Qt and the desktop cost. (Text matters: once a font has been used, Qt's font cache
wakes every few seconds to age its entries, in any app that shows words.)"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSystemTrayIcon

app = QApplication.instance() or QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#6b5b95"))
tray = QSystemTrayIcon(QIcon(pixmap))
tray.setToolTip("floor")
tray.show()
window = QMainWindow()
window.setWindowTitle("floor window")
window.setCentralWidget(QLabel("Day 12 of 30: a floor window with a little text"))
window.resize(800, 600)
window.show()
QTest.qWaitForWindowExposed(window)
QTest.qWait(200)  # painted
window.hide()
print("ready", flush=True)
sys.exit(app.exec())
