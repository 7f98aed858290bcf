"""The main window: a sidebar of panes, menus, shortcuts, and remembered geometry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui import APP_NAME
from reconnect_gui.core.panes import PaneKey, start_pane
from reconnect_gui.core.settings import Settings
from reconnect_gui.system.paths import AppPaths
from reconnect_gui.ui.shell.app_icon import app_icon_pixmap
from reconnect_gui.ui.shell.panes import PANES, PlaceholderPane
from reconnect_gui.ui.widgets.labels import quiet_label

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QIcon
    from PySide6.QtWidgets import QMenu

    from reconnect_gui.ui.settings.settings_pane import SettingsPane
    from reconnect_gui.ui.shell.about import AboutDialog

DEFAULT_SIZE = QSize(1040, 700)
MINIMUM_SIZE = QSize(720, 480)
SIDEBAR_WIDTH = 200
COLLAPSED_SIDEBAR_WIDTH = 64  # icons only
COLLAPSE_BELOW = 880  # window width under which the sidebar shows icons only
LOGO_SIZE = 28  # the app icon beside the app's name, top left

SIDEBAR_STYLE = """
#sidebar { background: palette(alternate-base); border: none; }
#sidebarList { background: transparent; border: none; outline: none; }
#sidebarList::item { padding: 10px 14px; margin: 2px 10px; border-radius: 10px; }
#sidebarList::item:hover:!selected { background: palette(midlight); }
#sidebarList::item:selected { background: palette(highlight); color: palette(highlighted-text); }
#sidebar[collapsed="true"] #sidebarList::item { padding: 10px 11px; margin: 2px 9px; }
#appTitle { font-weight: 600; font-size: 12pt; }
"""


class MainWindow(QMainWindow):
    """Presents the panes. It owns no data: the app passes settings in and reads them back.

    Start-up note: the first touch of PySide6's ``Qt`` namespace costs ~40 ms, so nothing
    built before the first frame uses it; panes shown later may. For the same reason the
    window can be built in two steps: without ``icon``, it has what the first frame
    shows (the menu bar's titles, the sidebar's logo) and ``complete(icon)``, called
    just after that frame, adds the rest: the menus' items with their shortcuts, and the
    window's icon. Those would cost ~5 ms before the frame, most of it PySide building
    the Python types of QAction, QKeySequence and QIcon. With ``icon``, both at once.
    """

    theme_chosen = Signal(str)
    vault_action_requested = Signal()  # the sidebar's Unlock… / Set up… button
    hidden_to_tray = Signal()  # the window was closed but the app stays in the tray
    # Requests to a pane from elsewhere (the tray, a reminder); app.py connects each to
    # its pane when the pane is built. A pane still waiting for the vault ignores them.
    urge_requested = Signal()  # the SOS flow on the countdown
    journal_entry_requested = Signal()  # a new journal entry
    draft_requested = Signal(str)  # the draft with this id
    check_in_requested = Signal()  # the daily check-in on the countdown (a reminder's click)

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        icon: QIcon | None = None,
        can_hide_to_tray: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self._paths = paths
        self._completed = False  # see complete()
        self._can_hide_to_tray = can_hide_to_tray
        self._quitting = False
        self._about: AboutDialog | None = None
        self.sidebar_collapsed = False
        self._vault_action: str | None = None  # the sidebar button's words, when shown
        self._icons_drawn = False  # drawn the first time the sidebar collapses
        self.setObjectName("mainWindow")
        self.setMinimumSize(MINIMUM_SIZE)

        self.sidebar_list = QListWidget()
        self.sidebar_list.setObjectName("sidebarList")
        self.sidebar_list.setAccessibleName("Sections")
        self.sidebar_list.setAccessibleDescription("Choose a part of Reconnect to open")
        self.stack = QStackedWidget()
        # Panes are built the first time they are shown, so start-up pays for one only.
        self._built: dict[int, QWidget] = {}
        self._pane_factories: dict[PaneKey, Callable[[], QWidget]] = {}
        self._settings_sections: list[Callable[[], QWidget]] = []
        self._settings_pane: SettingsPane | None = None  # built the first time it is shown
        self._theme = settings.theme
        for pane in PANES:
            item = QListWidgetItem(pane.title)
            item.setToolTip(f"{pane.title} ({pane.shortcut})")
            self.sidebar_list.addItem(item)
            self.stack.addWidget(QWidget())
        self.sidebar_list.currentRowChanged.connect(self._show_pane)

        self.setCentralWidget(self._build_body())
        self._menus = self._build_menu_titles()
        self._restore(settings)
        if icon is not None:
            self.complete(icon)

    def complete(self, icon: QIcon) -> None:
        """Add what the first frame does not show: the menus' items and shortcuts, and the
        window's icon (see the class's note). Once; a second call changes nothing."""
        if self._completed:
            return
        self._completed = True
        self.setWindowIcon(icon)
        self._fill_menus(*self._menus)

    # ---- layout -------------------------------------------------------------------------

    def _build_body(self) -> QWidget:
        sidebar = self.sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setStyleSheet(SIDEBAR_STYLE)  # scoped: a window-wide sheet slows every widget
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 18, 0, 14)
        header = self._sidebar_header = QHBoxLayout()
        header.setContentsMargins(20, 0, 12, 12)
        logo = QLabel()
        logo.setPixmap(app_icon_pixmap(LOGO_SIZE, self.devicePixelRatioF()))
        logo.setAccessibleName(f"{APP_NAME} icon")
        header.addWidget(logo)
        title = self._app_title = QLabel(APP_NAME)
        title.setObjectName("appTitle")
        header.addWidget(title, 1)
        side.addLayout(header)
        side.addWidget(self.sidebar_list, 1)
        self.vault_status = quiet_label("")
        self.vault_status.setContentsMargins(20, 0, 12, 4)
        self.vault_status.setAccessibleName("Vault status")
        self.vault_status.hide()
        side.addWidget(self.vault_status)
        self.vault_button = QPushButton()
        self.vault_button.clicked.connect(self.vault_action_requested)
        self.vault_button.hide()
        button_row = self._vault_button_row = QHBoxLayout()
        button_row.setContentsMargins(20, 0, 12, 12)
        button_row.addWidget(self.vault_button)
        button_row.addStretch(1)
        side.addLayout(button_row)
        footer = self._footer = quiet_label("Private. Everything stays on this computer.")
        footer.setContentsMargins(20, 0, 12, 0)
        side.addWidget(footer)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.stack, 1)
        return body

    def _build_menu_titles(self) -> tuple[QMenu, QMenu, QMenu]:
        """The menu bar as the first frame shows it: its titles, with empty menus."""
        bar = self.menuBar()
        return bar.addMenu(f"&{APP_NAME}"), bar.addMenu("&Go"), bar.addMenu("&Help")

    def _fill_menus(self, app_menu: QMenu, go_menu: QMenu, help_menu: QMenu) -> None:
        from PySide6.QtGui import QAction  # here: see the class's note

        self.hide_action = self._action(app_menu, "&Hide window", "Ctrl+Shift+H", self.quick_hide)
        # Like the window's close button: to the tray when there is one, else quit.
        self.close_action = self._action(app_menu, "&Close window", "Ctrl+W", self.close)
        app_menu.addSeparator()
        self.quit_action = self._action(app_menu, "&Quit", "Ctrl+Q", self.request_quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.pane_actions: list[QAction] = []
        for pane in PANES:
            action = self._action(
                go_menu, pane.title, pane.shortcut, lambda _=False, k=pane.key: self.show_pane(k)
            )
            self.pane_actions.append(action)
        go_menu.addSeparator()
        # One key to the urge flow from anywhere in the window, locked or not (issue 17).
        self.urge_action = self._action(go_menu, "I feel the &urge…", "Ctrl+U", self.show_urge_flow)

        self.about_action = self._action(help_menu, f"&About {APP_NAME}", "F1", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: QMenu, text: str, keys: str, slot: Callable[..., object]) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        # setShortcuts([...]) rather than setShortcut(...): the latter's overload check builds
        # PySide6's whole Qt namespace (~40 ms), which start-up leaves for later.
        action.setShortcuts([QKeySequence(keys)])
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even where the menu bar is hidden (macOS)
        return action

    # ---- behaviour ----------------------------------------------------------------------

    def show_pane(self, key: PaneKey) -> None:
        self.sidebar_list.setCurrentRow(_index(key))

    def show_urge_flow(self) -> None:
        """The countdown, with "I feel the urge…" open."""
        self.show_pane(PaneKey.COUNTDOWN)
        self.urge_requested.emit()

    def show_check_in(self) -> None:
        """The countdown, with its daily check-in ready to answer."""
        self.show_pane(PaneKey.COUNTDOWN)
        self.check_in_requested.emit()

    def show_new_journal_entry(self) -> None:
        self.show_pane(PaneKey.JOURNAL)
        self.journal_entry_requested.emit()

    def show_draft(self, draft_id: str) -> None:
        self.show_pane(PaneKey.DRAFT)
        self.draft_requested.emit(draft_id)

    def _show_pane(self, index: int) -> None:
        if 0 <= index < len(PANES):
            self.stack.setCurrentWidget(self._pane_at(index))
            self.setWindowTitle(f"{PANES[index].title} — {APP_NAME}")

    def pane(self, key: PaneKey) -> QWidget:
        """The pane ``key``, built now if this is the first time it is needed."""
        return self._pane_at(_index(key))

    def _pane_at(self, index: int) -> QWidget:
        if index not in self._built:
            self._put_pane(index, self._create_pane(index))
        return self._built[index]

    def _put_pane(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` in the stack at ``index`` in place of what was there."""
        was_current = self.stack.currentIndex() == index
        old = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._built[index] = widget
        if was_current:
            self.stack.setCurrentWidget(widget)

    def provide_pane(self, key: PaneKey, factory: Callable[[], QWidget]) -> None:
        """The real pane for ``key`` (it needs the vault, which arrives after the first frame).

        A placeholder already on screen is replaced at once; otherwise ``factory`` runs the
        first time the pane is shown.
        """
        self._pane_factories[key] = factory
        index = _index(key)
        if index in self._built:
            self._put_pane(index, factory())

    def show_preview(self, key: PaneKey, make: Callable[[], QWidget]) -> bool:
        """Put what ``make`` builds into the placeholder of ``key`` while it waits for the
        vault; False (nothing built) when that pane is not a placeholder on screen."""
        placeholder = self._built.get(_index(key))
        if not isinstance(placeholder, PlaceholderPane) or self.stack.currentWidget() is not (
            placeholder
        ):
            return False
        placeholder.show_preview(make())
        return True

    def _create_pane(self, index: int) -> QWidget:
        pane = PANES[index]
        if pane.key in self._pane_factories:
            return self._pane_factories[pane.key]()
        if pane.key == PaneKey.SETTINGS:
            from reconnect_gui.ui.settings.settings_pane import SettingsPane

            settings_pane = self._settings_pane = SettingsPane(self._paths, self._theme)
            settings_pane.theme_chosen.connect(self._remember_theme)
            settings_pane.theme_chosen.connect(self.theme_chosen)
            for make_section in self._settings_sections:
                settings_pane.add_section(make_section())
            return settings_pane
        return PlaceholderPane(pane)

    def add_settings_section(self, make_section: Callable[[], QWidget]) -> None:
        """Add a section to Settings now, or when the Settings pane is first built."""
        self._settings_sections.append(make_section)
        if self._settings_pane is not None:
            self._settings_pane.add_section(make_section())

    def _remember_theme(self, theme: str) -> None:
        self._theme = theme

    def current_pane_key(self) -> PaneKey:
        return PANES[max(0, self.stack.currentIndex())].key

    def quick_hide(self) -> None:
        """Get the window off the screen at once (someone walked in)."""
        if self._can_hide_to_tray():
            self.hide()
        else:
            self.showMinimized()

    def show_vault_state(self, text: str, action: str | None) -> None:
        """The sidebar's vault line, and its button (None hides it)."""
        self.vault_status.setText(text)
        self.vault_status.setVisible(bool(text) and not self.sidebar_collapsed)
        self.vault_button.setVisible(action is not None)
        self._vault_action = action
        if action is not None:
            self.vault_button.setText("" if self.sidebar_collapsed else action)
            self.vault_button.setToolTip(action.rstrip("…"))
            self.vault_button.setAccessibleName(action.rstrip("…"))

    # ---- a narrow window: the sidebar shows icons only ----------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.set_sidebar_collapsed(self.width() < COLLAPSE_BELOW)

    def set_sidebar_collapsed(self, collapsed: bool) -> None:
        """Icons only (names in tooltips and for screen readers), or icons and names."""
        if collapsed == self.sidebar_collapsed:
            return
        self.sidebar_collapsed = collapsed
        self._give_sidebar_icons()
        accessible_text_role = 11  # Qt.ItemDataRole.AccessibleTextRole, without ``Qt``
        for row, pane in enumerate(PANES):
            item = self.sidebar_list.item(row)
            item.setText("" if collapsed else pane.title)
            item.setData(accessible_text_role, pane.title)
        self.sidebar.setFixedWidth(COLLAPSED_SIDEBAR_WIDTH if collapsed else SIDEBAR_WIDTH)
        from PySide6.QtCore import Qt  # here: a small restored window collapses before frame one

        self.sidebar_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setProperty("collapsed", collapsed)
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)  # matched again with the new property
        self._app_title.setVisible(not collapsed)
        self._footer.setVisible(not collapsed)
        self.vault_status.setVisible(not collapsed and bool(self.vault_status.text()))
        self._sidebar_header.setContentsMargins(18 if collapsed else 20, 0, 12, 12)
        self._vault_button_row.setContentsMargins(10 if collapsed else 20, 0, 12, 12)
        if self._vault_action is not None:
            self.vault_button.setText("" if collapsed else self._vault_action)

    def _give_sidebar_icons(self) -> None:
        """Drawn in the current palette's colours; drawn anew when the theme changes."""
        from reconnect_gui.ui.shell.pane_icons import drawn_icon

        palette, ratio = self.palette(), self.devicePixelRatioF()
        for row, pane in enumerate(PANES):
            self.sidebar_list.item(row).setIcon(drawn_icon(pane.key, palette, ratio))
        self.vault_button.setIcon(drawn_icon("vault", palette, ratio))
        self._icons_drawn = True

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self._icons_drawn:
            self._give_sidebar_icons()

    def request_quit(self) -> None:
        self._quitting = True
        QApplication.quit()

    def hideEvent(self, event) -> None:
        # Qt's pixmap cache (the style's drawn buttons and gradients) checks every 10 s for
        # pixmaps to drop for as long as it holds any: hidden in the tray for days, that
        # would wake the computer for nothing. Emptied, it stops; a repaint refills it.
        QPixmapCache.clear()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        """Closing the window keeps the app in the tray when there is one; Quit quits."""
        if self._can_hide_to_tray() and not self._quitting:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        super().closeEvent(event)

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        if self._about is None:
            from reconnect_gui.ui.shell.about import AboutDialog

            self._about = AboutDialog(self.windowIcon(), self._paths, self)
        self._about.open()

    # ---- settings -----------------------------------------------------------------------

    def _restore(self, settings: Settings) -> None:
        self.show_pane(start_pane(settings.last_pane))
        geometry = QByteArray.fromBase64(settings.window_geometry.encode("ascii"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
            screen = QApplication.primaryScreen()
            if screen is not None:
                frame = self.frameGeometry()
                frame.moveCenter(screen.availableGeometry().center())
                self.move(frame.topLeft())

    def window_state_for_settings(self) -> tuple[str, str]:
        """What the window wants remembered: geometry and the pane, never any user text."""
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        return geometry, self.current_pane_key()


def _index(key: PaneKey) -> int:
    """Where the pane ``key`` sits in the sidebar and the stack."""
    return next(i for i, pane in enumerate(PANES) if pane.key == key)
