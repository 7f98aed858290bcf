"""Desktop notifications over D-Bus (``org.freedesktop.Notifications``), clickable.

Qt's tray sends its messages without actions on StatusNotifierItem desktops (KDE, GNOME
with AppIndicator, waybar), so clicking a reminder there did nothing. Here each
notification carries a default action and the ``desktop-entry`` hint (the daemon names and
groups it as the app), and the daemon's ``ActionInvoked`` comes back as a click.

All D-Bus work happens on one thread of this module's own (never the UI thread): it
connects, asks the daemon who it is, listens for its signals, and sends what ``notify``
queued. It blocks on the socket with no polling; ``notify`` wakes it. jeepney (already
bundled for the keyring) is imported on that thread only. No Qt here: the UI layer hands
in callbacks, which are called on that thread, and carries them over to its own.

A notification is named by a local number (``notify``'s answer), never by its text.
Titles and messages are the app's own words; nothing the user wrote is ever sent.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jeepney.io.threading import DBusConnection  # type: ignore[import-untyped]

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = SERVICE
DEFAULT_ACTION = "default"  # the spec's name for "the notification itself was clicked"
# The daemon answers in milliseconds; one started on demand (D-Bus activation) within this.
CALL_TIMEOUT_S = 3.0
URGENCY_NORMAL = 1


class Event(Enum):
    """What the daemon says about a notification, or about sending it."""

    CLICKED = "clicked"  # ActionInvoked with the default action
    CLOSED = "closed"  # NotificationClosed: it expired, was dismissed, or was clicked
    FAILED = "failed"  # it could not be shown (no daemon, no session bus)


@dataclass(frozen=True)
class _Send:
    number: int
    title: str
    message: str


_STOP = object()


class DesktopNotifier:
    """Sends notifications and reports clicks on a thread of its own.

    ``on_event(number, event)`` is called on that thread. ``available`` is None until the
    daemon has answered once, then whether one answers.
    """

    def __init__(
        self,
        app_name: str,
        desktop_entry: str,
        on_event: Callable[[int, Event], None],
        bus: str = "SESSION",
    ) -> None:
        self._app_name = app_name
        self._desktop_entry = desktop_entry
        self._on_event = on_event
        self._bus = bus
        self._numbers = itertools.count(1)
        self._commands: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._ids: dict[int, int] = {}  # the daemon's id -> our number
        self._connection: DBusConnection | None = None
        self._markup = False
        self.available: bool | None = None
        self._ended = False  # the thread has finished: nothing more can be sent
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="reconnect-notifications", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def notify(self, title: str, message: str) -> int:
        """Queue a notification; returns the number its events will carry."""
        number = next(self._numbers)
        self._commands.put(_Send(number, title, message))
        if self._ended:
            self._fail_all()
        else:
            self._wake()
        return number

    def stop(self) -> None:
        """End the thread (no events after this returns)."""
        self._stopped.set()
        self._commands.put(_STOP)
        self._wake()

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _wake(self) -> None:
        connection = self._connection
        if connection is not None:
            connection.interrupt()  # its receive() returns at once, to read the queue

    def _report(self, number: int, event: Event) -> None:
        if not self._stopped.is_set():
            self._on_event(number, event)

    # ---- on the thread ------------------------------------------------------------------

    def _run(self) -> None:
        try:
            from jeepney.io.threading import open_dbus_connection

            connection = open_dbus_connection(bus=self._bus, auth_timeout=CALL_TIMEOUT_S)
        except Exception as error:  # no session bus (Windows, macOS, a bare session)
            log.debug("no session bus for notifications (%s)", type(error).__name__)
            self.available = False
            self._ended = True
            self._fail_all()
            return
        self._connection = connection
        try:
            with connection:
                self._serve(connection)
        except Exception as error:  # the bus went away (logout)
            log.debug("stopped sending notifications (%s)", type(error).__name__)
        finally:
            self._connection = None
            self.available = False
            self._ended = True
            self._fail_all()

    def _serve(self, connection: DBusConnection) -> None:
        from jeepney import MatchRule, message_bus  # type: ignore[import-untyped]
        from jeepney.io.threading import ReceiveStopped

        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=INTERFACE, member=member, path=PATH)
            self._call(connection, message_bus.AddMatch(rule))
        self._ask_daemon(connection)
        while not self._stopped.is_set():
            if not self._handle_commands(connection):
                return
            try:
                message = connection.receive()
            except ReceiveStopped:
                connection.reset_interrupt()
                continue
            self._dispatch(message)

    def _ask_daemon(self, connection: DBusConnection) -> None:
        """Whether a daemon answers, and whether it reads markup in the text."""
        reply = self._call(connection, self._method("GetCapabilities", "", ()))
        self.available = reply is not None
        self._markup = reply is not None and "body-markup" in reply.body[0]

    def _handle_commands(self, connection: DBusConnection) -> bool:
        """Send what was queued; False once told to stop."""
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return True
            if command is _STOP:
                return False
            if not self.available:
                self._ask_daemon(connection)  # a daemon may have started since
            if not self.available:
                self._report(command.number, Event.FAILED)
                continue
            message = escape(command.message, quote=False) if self._markup else command.message
            hints = {"desktop-entry": ("s", self._desktop_entry), "urgency": ("y", URGENCY_NORMAL)}
            call = self._method(
                "Notify",
                "susssasa{sv}i",
                (
                    self._app_name,
                    0,  # replaces no earlier one
                    self._desktop_entry,  # the icon by name, from the installed theme
                    command.title,
                    message,
                    [DEFAULT_ACTION, "Open"],
                    hints,
                    -1,  # the daemon's own timeout
                ),
            )
            reply = self._call(connection, call)
            if reply is None:
                self._report(command.number, Event.FAILED)
            else:
                self._ids[reply.body[0]] = command.number

    def _dispatch(self, message: Any) -> None:
        from jeepney import MessageType

        header = message.header
        if header.message_type != MessageType.signal:
            return
        fields = header.fields
        from jeepney.low_level import HeaderFields  # type: ignore[import-untyped]

        if fields.get(HeaderFields.interface) != INTERFACE:
            return
        member = fields.get(HeaderFields.member)
        if member == "ActionInvoked":
            daemon_id, action = message.body[0], message.body[1]
            number = self._ids.get(daemon_id)
            if number is not None and action == DEFAULT_ACTION:
                self._report(number, Event.CLICKED)
        elif member == "NotificationClosed":
            number = self._ids.pop(message.body[0], None)
            if number is not None:
                self._report(number, Event.CLOSED)

    def _call(self, connection: DBusConnection, call: Any) -> Any:
        """Send ``call`` and wait for its reply (signals meanwhile are dispatched);
        None on an error reply or after ``CALL_TIMEOUT_S``."""
        from jeepney import MessageType
        from jeepney.io.threading import ReceiveStopped
        from jeepney.low_level import HeaderFields

        serial = next(connection.outgoing_serial)
        connection.send(call, serial=serial)
        deadline = time.monotonic() + CALL_TIMEOUT_S
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                message = connection.receive(timeout=left)
            except ReceiveStopped:  # notify() woke us: its command waits in the queue
                connection.reset_interrupt()
                continue
            except TimeoutError:
                return None
            if message.header.fields.get(HeaderFields.reply_serial) == serial:
                if message.header.message_type == MessageType.error:
                    error = message.header.fields.get(HeaderFields.error_name)
                    log.debug("notification daemon: %s", error)
                    return None
                return message
            self._dispatch(message)

    @staticmethod
    def _method(name: str, signature: str, body: tuple) -> Any:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        return new_method_call(address, name, signature or None, body)

    def _fail_all(self) -> None:
        """Nothing more can be sent: what is still queued is reported as failed."""
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            if command is not _STOP:
                self._report(command.number, Event.FAILED)
