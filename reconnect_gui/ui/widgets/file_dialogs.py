"""Choosing where to save a file, leaving no trail outside the app's own folders.

Qt's file dialog remembers where it was: as it is deleted it writes the folders it showed,
the last one used and its sidebar to ``QtProject.conf`` in the user's config folder
(``~/.config``), a file every Qt app shares. The desktop's own dialogs keep theirs too
(GTK's in dconf and its recent files), out of the app's reach. Where someone keeps their
recovery code or an export is nobody else's business, so:

- ``keep_qt_settings_in`` (at start) points Qt's own settings (QSettings' user scope, the
  only writer of ``QtProject.conf``) into a folder inside the app's config folder;
- ``save_file_dialog`` always builds Qt's own dialog, starting in the home folder with
  plugged-in media first in its sidebar, and once it is gone it deletes what Qt wrote,
  so not even the app's folders keep the places chosen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from reconnect_gui.system.paths import app_paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QWidget

QT_SETTINGS_FOLDER = "qt"  # inside the app's config folder
QT_SETTINGS_FILE = "QtProject.conf"  # what Qt's own dialogs write there

_app_config: Path | None = None  # the running app's config folder, once it said so


def keep_qt_settings_in(config: Path) -> None:
    """Qt's own settings go to ``config/qt`` from now on (the app calls this at start, so
    ``--data-dir`` moves them too)."""
    global _app_config
    _app_config = config
    _point_qt_settings_at(qt_settings_folder())


def qt_settings_folder() -> Path:
    """Where Qt's own settings go: the app's config folder (``RECONNECT_HOME``'s, or the
    system's, until the app names its own)."""
    config = _app_config if _app_config is not None else app_paths().config
    return config / QT_SETTINGS_FOLDER


def _point_qt_settings_at(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Native is the ini format on Linux; both are set so no platform falls back to ~/.config.
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))


def forget_the_places_chosen() -> None:
    """Delete what Qt's dialog wrote about the folders it showed (after it is deleted)."""
    with contextlib.suppress(OSError):
        (qt_settings_folder() / QT_SETTINGS_FILE).unlink()


def save_file_dialog(
    parent: QWidget,
    title: str,
    file_name: str,
    name_filter: str,
    suffix: str,
    media: Sequence[Path] | None = None,
    note: str = "",
) -> QFileDialog:
    """Qt's own "save as" dialog, not yet open: at home, ``file_name`` suggested, the
    plugged-in ``media`` (default: found now) first in the sidebar, ``note`` under it.
    It deletes itself once closed; connect ``fileSelected`` and call ``open()``."""
    # Imported here: the app imports this module before its first frame (for the above).
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QFileDialog, QGridLayout

    from reconnect_gui.system.removable_media import removable_media
    from reconnect_gui.ui.widgets.labels import quiet_label

    # Before the dialog exists: it reads what it remembered as it is built.
    _point_qt_settings_at(qt_settings_folder())
    dialog = QFileDialog(parent, title)
    # Qt's own, never the desktop's: only this one keeps its memory where we can find it
    # (and only this one shows the sidebar below).
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix)
    home = Path.home()
    media = removable_media() if media is None else media
    places = [QUrl.fromLocalFile(str(place)) for place in [*media, home]]
    dialog.setSidebarUrls([*places, QUrl("file:")])  # "file:" is the whole computer
    dialog.setDirectory(str(home))
    dialog.selectFile(file_name)
    layout = dialog.layout()
    if note and isinstance(layout, QGridLayout):
        layout.addWidget(quiet_label(note, italic=False), layout.rowCount(), 0, 1, -1)
    dialog.finished.connect(dialog.deleteLater)
    dialog.destroyed.connect(forget_the_places_chosen)
    return dialog
