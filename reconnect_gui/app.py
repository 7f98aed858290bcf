"""The one place that wires storage, core and ui together.

Argument parsing, the single-instance handshake and the QApplication setup live
here. Qt is imported only inside ``run_gui`` so that command-line subcommands (added
by later issues) start fast and never need a display.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reconnect_gui import APP_ID, APP_NAME, __version__
from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.settings import Settings
from reconnect_gui.storage.settings_store import load_settings
from reconnect_gui.system.logs import configure_logging
from reconnect_gui.system.paths import AppPaths, app_paths

if TYPE_CHECKING:
    from reconnect_gui.storage.key_prefetch import KeyPrefetch
    from reconnect_gui.ui.tray.tray_and_reminders import TrayAndReminders

log = logging.getLogger("reconnect")
TONE_WARM_UP_DELAY_MS = 2000  # after the vault has opened and the window has settled
LISTEN_AT_THE_LATEST_MS = 1000  # after the first frame, for later launches
KEY_PREFETCH_TIMEOUT_S = 5.0  # the child's wait for the keyring (storage.keystore's default)
SETTINGS_PAUSE_MS = 400  # reminder choices are written once the clicking pauses
AGE_WORKER_FLAG = "--age-worker"  # storage.backup_worker.WORKER_FLAG, not imported: see main
EXIT_NO_DISPLAY = 1  # documented in README.md (Command line)
NO_DISPLAY = (
    f"{APP_NAME} needs a display to show its window and found none here (DISPLAY and "
    "WAYLAND_DISPLAY are not set); its commands work without one: see reconnect --help."
)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconnect",
        description=f"{APP_NAME}: a private companion for the weeks after a breakup.",
    )
    parser.add_argument(
        "--tray", action="store_true", help="start hidden, with only the tray icon showing"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep all data, settings, cache and logs under DIR (same as RECONNECT_HOME=DIR)",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start the whole app on a throwaway data folder, print start-up figures as "
        "one JSON line once the window has painted, and exit",
    )
    if with_commands:
        from reconnect_gui.cli.commands import add_subcommands

        add_subcommands(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == [AGE_WORKER_FLAG]:  # the app as its own child process (storage/backup_worker.py)
        from reconnect_gui.storage.backup_worker import serve
        from reconnect_gui.system.hardening import forbid_core_dumps

        forbid_core_dumps()  # it holds a passphrase and the person's records
        return serve()
    # The subcommands' parsers cost ~10 ms; a plain (or --tray) start never needs them.
    may_name_a_command = any(not a.startswith("-") or a in ("-h", "--help") for a in argv)
    parser = build_parser(with_commands=may_name_a_command)
    args = parser.parse_args(argv)  # exits with 2 and the usage on bad arguments
    if args.version:
        print(f"{APP_NAME} {__version__}")
        return 0
    if getattr(args, "command", None):
        from reconnect_gui.cli.commands import run
        from reconnect_gui.system.hardening import forbid_core_dumps

        forbid_core_dumps()  # before any command may hold a key or decrypted words
        return run(args)
    return run_gui(args)


def run_gui(args: argparse.Namespace) -> int:
    if not _display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return EXIT_NO_DISPLAY
    smoke_dir = tempfile.mkdtemp(prefix="reconnect-smoke-") if args.smoke else None
    try:
        paths = app_paths(smoke_dir or args.data_dir)
        paths.ensure()
        configure_logging(paths.log_file)
        log.info(
            "%s %s starting (Python %s on %s)",
            APP_NAME,
            __version__,
            sys.version.split()[0],
            sys.platform,
        )
        return _GuiApp(paths, args).run()
    finally:
        if smoke_dir is not None:
            logging.shutdown()
            shutil.rmtree(smoke_dir, ignore_errors=True)


def _display_available() -> bool:
    """Whether Qt can find a screen: on Linux without DISPLAY or WAYLAND_DISPLAY its xcb
    plugin aborts (a core-dump message, exit 134). A platform chosen on purpose
    (QT_QPA_PLATFORM=offscreen, say) is Qt's business."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _GuiApp:
    """Everything that lives as long as the GUI: the app, the window, the settings."""

    def __init__(self, paths: AppPaths, args: argparse.Namespace) -> None:
        self.paths = paths
        self.args = args
        loaded = load_settings(paths.settings_file)
        self.initial_settings: Settings = loaded.settings  # then the keeper's (SettingsKeeper)
        self.settings_problem = loaded.problem
        # The one clock every part of the GUI reads (tests hand the parts a movable one).
        self.clock: Clock = system_clock

    def run(self) -> int:
        self.key_prefetch = self._prefetch_key()  # before Qt loads: see storage.key_prefetch
        try:
            return self._run()
        finally:
            if self.key_prefetch is not None:
                self.key_prefetch.cancel()  # quiet if its answer was taken

    def _prefetch_key(self) -> KeyPrefetch | None:
        """On a plain start, a child process that starts looking the key up now."""
        wanted = not (self.args.smoke or self.initial_settings.app_lock_minutes)
        # Forked only while no Qt is loaded (tests run the GUI inside a Qt process).
        if not wanted or "PySide6.QtCore" in sys.modules:
            return None
        from reconnect_gui.core.panes import PaneKey, start_pane
        from reconnect_gui.storage.key_prefetch import KeyPrefetch
        from reconnect_gui.storage.vault_location import vault_file

        # The home screen opens first: the child reads its day count too.
        home_first = (
            not self.args.tray and start_pane(self.initial_settings.last_pane) == PaneKey.COUNTDOWN
        )
        return KeyPrefetch.start(
            vault_file(self.paths.data),
            KEY_PREFETCH_TIMEOUT_S,
            now=self.clock if home_first else None,
        )

    def _run(self) -> int:
        from PySide6.QtCore import QTimer

        from reconnect_gui.ui.pyside_import_check import quicken_pysides_import_check

        quicken_pysides_import_check()  # before the app's Qt modules load: see the module
        from PySide6.QtWidgets import QApplication

        from reconnect_gui.system.desktop_look import remembered_dark
        from reconnect_gui.ui.shell.errors import ErrorReporter
        from reconnect_gui.ui.shell.first_paint import FirstPaintProbe, report_smoke_figures
        from reconnect_gui.ui.shell.main_window import MainWindow
        from reconnect_gui.ui.shell.settings_keeper import SettingsKeeper
        from reconnect_gui.ui.shell.single_instance import SingleInstance, server_name
        from reconnect_gui.ui.widgets.theme import (
            application_in_our_style,
            apply_style_sheet,
            apply_theme,
            follow_desktop,
        )

        existing = QApplication.instance()
        # argv[0] is the X11 WM_CLASS instance name, which the desktop entry's StartupWMClass
        # names; under `python -m reconnect_gui` it would be "__main__.py".
        app = existing if isinstance(existing, QApplication) else application_in_our_style(APP_ID)
        app.setApplicationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName(APP_ID)  # matches resources/reconnect.desktop (taskbar icon)

        instance = SingleInstance(server_name(self.paths.data), self.paths.instance_lock)
        if not instance.claim(_forwarded(self.args)):
            print(
                f"{APP_NAME} is already running; its window was brought to the front.",
                file=sys.stderr,
            )
            return 0

        # The first frame in the look the desktop had last time; asked again after it.
        follow_desktop(app, remembered_dark(self._desktop_look_file))
        apply_theme(app, self.initial_settings.theme, style_sheet_now=False)  # see settle_in

        self.keeper = SettingsKeeper(self.paths.settings_file, self.initial_settings, app)
        self.tray_and_reminders: TrayAndReminders | None = None
        window = MainWindow(
            self.initial_settings,
            self.paths,
            can_hide_to_tray=lambda: (
                self.tray_and_reminders is not None and self.tray_and_reminders.has_tray
            ),
        )
        errors = ErrorReporter(self.paths.log_file, window)
        errors.install()
        # A second launch shows the window; a second login start (--tray) changes nothing.
        instance.activation_requested.connect(
            lambda argv: None if "--tray" in argv else window.bring_to_front()
        )
        self.keeper.track_window(window.window_state_for_settings)
        window.theme_chosen.connect(self._change_theme)
        app.aboutToQuit.connect(self.keeper.save_now)

        probe = FirstPaintProbe(window)
        if self.args.smoke:  # connected first: the paint time is taken before anything else
            probe.painted.connect(lambda: report_smoke_figures(app, window))

        def settle_in() -> None:  # nothing here is needed for the first frame
            from reconnect_gui.ui.shell.app_icon import load_app_icon
            from reconnect_gui.ui.shell.ui_thread_collector import collect_on_the_ui_thread
            from reconnect_gui.ui.widgets.file_dialogs import keep_qt_settings_in

            apply_style_sheet(app)  # the first frame uses none of its rules
            icon = load_app_icon()
            app.setWindowIcon(icon)  # every window's, the dialogs' too
            window.complete(icon)  # the menus' items and shortcuts
            # Before any worker thread starts (the vault's opening waits for this frame).
            collect_on_the_ui_thread(app)  # never on a worker thread: see the module
            keep_qt_settings_in(self.paths.config)  # not ~/.config/QtProject.conf, shared by all
            self._quit_on_sigterm(window)

        def follow_scheme() -> None:
            self._follow_desktop_scheme(app)

        def after_the_vault() -> None:  # nothing here is needed for the day count
            instance.listen()
            follow_scheme()

        if self.args.tray and not self.args.smoke:
            # Only the tray icon shows (the window opens from it), and nothing paints:
            # start at once what the first frame would have started. With no tray yet (the
            # panel often starts after us at login), the window waits minimized in the
            # taskbar while TrayAndReminders looks for one, and asks to unlock once opened.
            QTimer.singleShot(0, settle_in)
            QTimer.singleShot(0, instance.listen)
            QTimer.singleShot(0, lambda: self._start_vault(window, ask=False))
            QTimer.singleShot(0, follow_scheme)
            if not self._tray_available():
                window.showMinimized()
                probe.painted.connect(lambda: self._ask_once_opened(window))
        else:
            probe.painted.connect(settle_in)
            if self.args.smoke:
                probe.painted.connect(after_the_vault)
            else:
                # The vault first: the day count waits for it. Listening for later
                # launches (QtNetwork) and following the desktop's dark mode (D-Bus) wait
                # until it has answered; a later launch retries meanwhile, and a keyring
                # that hangs holds the listening up for a second at most.
                probe.painted.connect(lambda: self._day_count_then_vault(window, after_the_vault))
                probe.painted.connect(
                    lambda: QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, instance.listen)
                )
            window.show()
        if self.settings_problem and not self.args.smoke:
            from PySide6.QtWidgets import QMessageBox

            self.notice = QMessageBox(
                QMessageBox.Icon.Information,
                "Settings were reset",
                self.settings_problem,
                parent=window,
            )
            QTimer.singleShot(0, self.notice.open)
        try:
            return app.exec()
        finally:
            window.close()
            errors.uninstall()
            instance.release()
            log.info("%s stopped", APP_NAME)

    def _quit_on_sigterm(self, window) -> None:
        """SIGTERM (a logout, ``kill``, a service manager) quits as the Quit menu does: the
        panes save, the vault's WAL goes into the main file and the file closes, instead of
        the process dying mid-write with its -wal beside the vault.

        Python runs a signal handler only between bytecodes, and Qt's event loop may sleep
        in C++ for hours: the signal's byte on a wakeup pipe wakes the loop."""
        import os
        import signal

        if os.name != "posix":
            return
        from PySide6.QtCore import QSocketNotifier, QTimer

        read_end, write_end = os.pipe()
        for fd in (read_end, write_end):
            os.set_blocking(fd, False)
        signal.set_wakeup_fd(write_end)
        self.sigterm_pipe = (read_end, write_end)  # open for as long as the app runs
        self.sigterm_notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, window)
        self.sigterm_notifier.activated.connect(lambda: os.read(read_end, 512))
        signal.signal(
            signal.SIGTERM, lambda _signum, _frame: QTimer.singleShot(0, window.request_quit)
        )

    @property
    def _desktop_look_file(self):
        return self.paths.cache / "desktop-look"

    def _follow_desktop_scheme(self, app) -> None:
        """After the first frame: follow the desktop's dark mode, live (Qt's style hints,
        or the XDG portal over D-Bus where Qt knows nothing)."""
        from reconnect_gui.system.desktop_look import remember_dark
        from reconnect_gui.ui.widgets.desktop_scheme import DesktopSchemeFollower

        memo = self._desktop_look_file
        self.desktop_scheme = DesktopSchemeFollower(app, lambda dark: remember_dark(memo, dark))
        app.aboutToQuit.connect(self.desktop_scheme.stop)

    def _ask_once_opened(self, window) -> None:
        """A --tray start without a tray: the person restored the window from the taskbar,
        so the unlock (or setup) dialog comes now, as a click on the tray icon would."""
        if self.tray_and_reminders is not None and not window.isMinimized():
            self.tray_and_reminders.open_window()

    @staticmethod
    def _tray_available() -> bool:
        from reconnect_gui.ui.tray.app_tray import tray_available

        return tray_available()

    def _day_count_then_vault(self, window, after_answer: Callable[[], None]) -> None:
        """The day count the key-prefetch child read, painted first when it comes in time
        (``ui.countdown.ring_preview``); then the vault opens here as it always does."""
        from reconnect_gui.core.panes import PaneKey
        from reconnect_gui.ui.countdown.ring_preview import day_count_first

        def start_vault(preview_shown: bool) -> None:
            self._start_vault(
                window, after_answer=after_answer, keep_preview_until_open=preview_shown
            )

        def place(make_ring) -> bool:
            return window.show_preview(PaneKey.COUNTDOWN, make_ring)

        day_count_first(window, place, self.key_prefetch, self.clock, start_vault)

    def _start_vault(
        self,
        window,
        ask: bool = True,
        after_answer: Callable[[], None] | None = None,
        keep_preview_until_open: bool = False,
    ) -> None:
        """After the first frame: find and unlock the vault (keyring, cryptography load now).

        With ``after_answer`` (a normal start), the reminders and the tray icon, and then
        ``after_answer``, wait until the vault has answered (open, locked, new or damaged):
        the day count needs none of them, and their imports cost ~40 ms. A --tray start
        has no day count to show, and its tray icon comes at once."""
        from PySide6.QtCore import QTimer

        from reconnect_gui.system.hardening import forbid_core_dumps

        forbid_core_dumps()  # before the vault opens: a crash must not write the key to disk

        from reconnect_gui.core.panes import PaneKey
        from reconnect_gui.storage.keystore import PrefetchedKeyStore
        from reconnect_gui.ui.shell.next_frame import after_next_frame
        from reconnect_gui.ui.vault.controller import VaultController, VaultState
        from reconnect_gui.ui.widgets.application import application

        keystore = PrefetchedKeyStore(self.key_prefetch)
        controller = VaultController(
            self.paths.data,
            window,
            keystore_factory=lambda: keystore,
            now=self.clock,
            app_lock_minutes=self.keeper.settings.app_lock_minutes,
        )
        controller.app_lock_changed.connect(
            lambda minutes: self.keeper.update(app_lock_minutes=minutes)
        )

        previous = [controller.state]

        def show_state(state: VaultState) -> None:
            # Short words in the sidebar; the dialogs give the full reason.
            action = {VaultState.NEEDS_SETUP: "Set up…", VaultState.LOCKED: "Unlock…"}.get(state)
            window.show_vault_state(controller.status_text(), action)
            if previous[0] == VaultState.NEEDS_SETUP and state == VaultState.UNLOCKED:
                # A new vault: the countdown's first-run questions come next.
                window.show_pane(PaneKey.COUNTDOWN)
            previous[0] = state

        def act() -> None:
            if controller.state == VaultState.NEEDS_SETUP:
                controller.show_setup()
            else:
                controller.show_unlock()

        controller.state_changed.connect(show_state)
        window.vault_action_requested.connect(act)
        if after_answer is not None:

            def start_the_rest() -> None:
                self._start_reminders(window, controller)
                after_answer()

            def answered(state: VaultState) -> None:
                if state != VaultState.CHECKING:
                    controller.state_changed.disconnect(answered)
                    after_next_frame(window, start_the_rest)  # once the pane has shown it

            controller.state_changed.connect(answered)
        # The keyring lookup and the vault's opening run in the background while the rest
        # is built here: its answer is queued, so it arrives once all below is wired.
        controller.start(ask)
        # Quit (the menu, the tray, SIGTERM) locks: the panes save, the WAL goes into the
        # main file, and the vault closes before the process ends.
        application().aboutToQuit.connect(controller.lock)

        def security_section():
            from reconnect_gui.ui.settings.security_section import SecuritySection

            return SecuritySection(controller)

        window.add_settings_section(security_section)

        def backup_section():
            from reconnect_gui.ui.settings.backup_section import BackupSection

            return BackupSection(controller, now=self.clock)

        window.add_settings_section(backup_section)

        def snapshots_section():
            from reconnect_gui.ui.settings.snapshots_section import SnapshotsSection

            return SnapshotsSection(controller, now=self.clock)

        window.add_settings_section(snapshots_section)

        def countdown_pane():
            from reconnect_gui.ui.countdown.countdown_pane import CountdownPane

            pane = CountdownPane(controller, now=self.clock)
            # A new plan, a slip or a contact moves the tray's day and the reminders.
            pane.saved.connect(
                lambda: self.tray_and_reminders and self.tray_and_reminders.refresh()
            )
            window.urge_requested.connect(pane.open_sos)
            window.check_in_requested.connect(pane.check_in.open)
            return pane

        if keep_preview_until_open:
            # Built now, beside the vault's opening, but shown once the vault has answered:
            # until then the placeholder keeps the day count it already shows.
            home = countdown_pane()

            def show_home(state: VaultState) -> None:
                if state != VaultState.CHECKING:
                    controller.state_changed.disconnect(show_home)
                    window.provide_pane(PaneKey.COUNTDOWN, lambda: home)

            controller.state_changed.connect(show_home)
        else:
            window.provide_pane(PaneKey.COUNTDOWN, countdown_pane)

        from reconnect_gui.ui.draft.clipboard_guard import ClipboardGuard, ClipboardSection

        # A copied draft leaves the clipboard again after a while (Settings → Clipboard).
        guard = ClipboardGuard(self.keeper.settings.clear_clipboard_seconds, window)

        def clipboard_section():
            section = ClipboardSection(guard)
            section.seconds_chosen.connect(lambda s: self.keeper.update(clear_clipboard_seconds=s))
            return section

        window.add_settings_section(clipboard_section)

        def draft_pane():
            from reconnect_gui.ui.draft.draft_pane import DraftPane

            pane = DraftPane(controller, clipboard_guard=guard, now=self.clock)
            window.draft_requested.connect(pane.open_draft)
            return pane

        window.provide_pane(PaneKey.DRAFT, draft_pane)

        def journal_pane():
            from reconnect_gui.ui.journal.journal_pane import JournalPane

            pane = JournalPane(controller, now=self.clock)
            window.journal_entry_requested.connect(pane.new_entry_when_read)
            return pane

        window.provide_pane(PaneKey.JOURNAL, journal_pane)
        if after_answer is None:
            self._start_reminders(window, controller)
        QTimer.singleShot(TONE_WARM_UP_DELAY_MS, self._warm_up_tone_checker)

    def _start_reminders(self, window, controller) -> None:
        """The reminder timer, the tray icon (when the desktop has a tray) and Settings'
        Reminders section."""
        from reconnect_gui.core.countdown.moments import local_zone_name
        from reconnect_gui.core.reminders.choices import reminder_prefs, with_reminder_prefs
        from reconnect_gui.system.autostart import login_data_dir
        from reconnect_gui.ui.tray.desktop_notifications import DesktopNotifications
        from reconnect_gui.ui.tray.tray_and_reminders import TrayAndReminders

        keeper = self.keeper

        def save_prefs(prefs) -> None:  # from the tray: pause, resume
            keeper.apply(lambda settings: with_reminder_prefs(settings, prefs))
            keeper.save_now()

        tray_and_reminders = self.tray_and_reminders = TrayAndReminders(
            window,
            controller,
            lambda: reminder_prefs(keeper.settings),
            save_prefs,
            notice_shown=lambda: keeper.settings.tray_notice_shown,
            remember_notice=lambda: keeper.update(tray_notice_shown=True),
            data_dir=login_data_dir(self.args.data_dir),  # RECONNECT_HOME too
            wait_for_tray=self.args.tray,  # at login the panel may come after us
            # Over D-Bus on Linux, so a click on a reminder works on every desktop; Qt's
            # own tray messages elsewhere. Nothing is sent before the first reminder.
            notifications=DesktopNotifications() if sys.platform.startswith("linux") else None,
            now=self.clock,
        )

        def reminder_section():
            from reconnect_gui.ui.settings.reminder_section import ReminderSection
            from reconnect_gui.ui.widgets.debounce import Debouncer

            section = ReminderSection(
                reminder_prefs(keeper.settings),
                tray_available=tray_and_reminders.tray is not None,
                start_at_login=tray_and_reminders.start_at_login_enabled(),
                now=self.clock,
                zone=local_zone_name(),
            )

            # Arrow presses in a time field come one by one: keep the choice at once, and
            # re-read the schedule once they pause (the keeper writes settings.json then).
            refresh_later = Debouncer(SETTINGS_PAUSE_MS, tray_and_reminders.refresh, section)

            def changed(prefs) -> None:
                keeper.apply(lambda settings: with_reminder_prefs(settings, prefs))
                refresh_later.poke()

            def start_at_login(enabled: bool) -> None:
                problem = tray_and_reminders.set_start_at_login(enabled)
                section.set_start_at_login(tray_and_reminders.start_at_login_enabled())
                if problem:
                    section.show_start_at_login_error(problem)

            section.prefs_changed.connect(changed)
            section.start_at_login_toggled.connect(start_at_login)
            tray_and_reminders.prefs_changed.connect(section.set_prefs)
            tray_and_reminders.start_at_login_changed.connect(section.set_start_at_login)
            tray_and_reminders.tray_available_changed.connect(section.set_tray_available)
            return section

        window.add_settings_section(reminder_section)

    def _warm_up_tone_checker(self) -> None:
        """Build the tone checker's phrase index (~0.5 s) and load its learned model in the
        background once start-up has settled, so the first check in the Draft pane answers
        at typing speed."""
        from reconnect_gui.ui.widgets.background import BackgroundTask

        def warm_up() -> None:
            from reconnect_gui.core.tone import check
            from reconnect_gui.core.tone.learned import shipped_model

            check("", "text")
            shipped_model()

        def failed(error: BaseException) -> None:
            log.warning("tone checker warm-up failed (%s)", type(error).__name__)

        self.tone_warm_up = BackgroundTask(warm_up, lambda _none: None, failed)
        self.tone_warm_up.start()

    def _change_theme(self, theme: str) -> None:

        from reconnect_gui.ui.widgets.application import application
        from reconnect_gui.ui.widgets.theme import apply_theme

        apply_theme(application(), theme)
        self.keeper.update(theme=theme)


def _forwarded(args: argparse.Namespace) -> list[str]:
    """What a later launch tells the running copy (options only, never user text)."""
    return ["--tray"] if args.tray else []
