"""The desktop's light/dark choice, read from the XDG desktop portal over D-Bus.

Qt reads it itself on GNOME and KDE; where it cannot (it reports "Unknown": another desktop
on X11, a platform theme that does not ask), the portal still answers:
``org.freedesktop.portal.Settings`` key ``org.freedesktop.appearance color-scheme``, and its
``SettingChanged`` signal tells when the person switches. D-Bus here is a local socket
(the session bus); jeepney, a pure-Python D-Bus client, is already bundled for the
keyring. It is imported inside the functions: it imports ``socket``, and nothing may load
before the first frame that the first frame does not need. No Qt here: the UI layer
hands ``ColorSchemeWatcher`` a callback and takes the answer over to its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jeepney.io.blocking import DBusConnection  # type: ignore[import-untyped]

log = logging.getLogger(__name__)

PORTAL_NAME = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SETTINGS_INTERFACE = "org.freedesktop.portal.Settings"
APPEARANCE = "org.freedesktop.appearance"
COLOR_SCHEME_KEY = "color-scheme"
# Short: the portal answers in milliseconds; a longer wait means it is not coming. A portal
# started on demand (D-Bus activation) answers within this too.
READ_TIMEOUT_S = 2.0
LISTEN_POLL_S = 0.5  # how soon a stopped watcher notices, between signals


class ColorScheme(IntEnum):
    """The portal's values for ``color-scheme``."""

    NO_PREFERENCE = 0  # GNOME's "default": a light look
    DARK = 1
    LIGHT = 2


def read_color_scheme(bus: str = "SESSION", timeout: float = READ_TIMEOUT_S) -> ColorScheme | None:
    """The desktop's choice now, or None when no portal answers (no session bus, no
    portal, an old portal without the key). Blocks for at most about ``timeout``."""
    try:
        connection = _connect(bus, timeout)
    except Exception as error:  # no bus to talk to: nothing to follow
        log.debug("no session bus for the portal (%s)", type(error).__name__)
        return None
    with connection:
        return _read(connection, timeout)


class ColorSchemeWatcher:
    """Reports the desktop's choice once, then every change, on a thread of its own.

    ``on_change`` is called on that thread (never on the UI thread): first with the
    current choice, then with each new one. A signal that repeats the choice last reported
    is not passed on: one that was on its way while the first answer was read says nothing
    new. With no portal it is called once with None and the thread ends.
    """

    def __init__(
        self, on_change: Callable[[ColorScheme | None], None], bus: str = "SESSION"
    ) -> None:
        self._on_change = on_change
        self._bus = bus
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="reconnect-desktop-portal", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop listening (within ``LISTEN_POLL_S``); no call to ``on_change`` after it."""
        self._stopped.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _report(self, scheme: ColorScheme | None) -> None:
        if not self._stopped.is_set():
            self._on_change(scheme)

    def _run(self) -> None:
        try:
            connection = _connect(self._bus, READ_TIMEOUT_S)
        except Exception as error:
            log.debug("no session bus for the portal (%s)", type(error).__name__)
            self._report(None)
            return
        with connection:
            try:
                self._listen(connection)
            except Exception as error:  # the bus went away (logout): stop following
                log.debug("stopped following the portal (%s)", type(error).__name__)

    def _listen(self, connection: DBusConnection) -> None:
        from jeepney import MatchRule, message_bus  # type: ignore[import-untyped]

        # No sender: the bus would resolve the portal's name, but jeepney's own filter
        # compares it with the signal's sender, the portal's unique name (":1.5").
        rule = MatchRule(
            type="signal", interface=SETTINGS_INTERFACE, member="SettingChanged", path=PORTAL_PATH
        )
        rule.add_arg_condition(0, APPEARANCE)
        rule.add_arg_condition(1, COLOR_SCHEME_KEY)
        # Subscribe before reading, so a switch in between is not missed.
        connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=READ_TIMEOUT_S)
        with connection.filter(rule) as signals:
            reported = _read(connection, READ_TIMEOUT_S)
            self._report(reported)
            if reported is None:
                return  # no portal (or no such key): nothing will ever change
            while not self._stopped.is_set():
                try:
                    message = connection.recv_until_filtered(signals, timeout=LISTEN_POLL_S)
                except TimeoutError:
                    continue
                changed = _scheme_from(message.body[2])
                if changed is not None and changed != reported:
                    reported = changed
                    self._report(changed)


def _connect(bus: str, timeout: float) -> DBusConnection:
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus=bus, auth_timeout=timeout)


def _read(connection: DBusConnection, timeout: float) -> ColorScheme | None:
    """ReadOne (portal 1.15+), or Read (older portals, a variant inside a variant)."""
    from jeepney import DBusAddress, MessageType, new_method_call
    from jeepney.wrappers import DBusErrorResponse  # type: ignore[import-untyped]

    portal = DBusAddress(PORTAL_PATH, bus_name=PORTAL_NAME, interface=SETTINGS_INTERFACE)
    for method in ("ReadOne", "Read"):
        call = new_method_call(portal, method, "ss", (APPEARANCE, COLOR_SCHEME_KEY))
        try:
            reply = connection.send_and_get_reply(call, timeout=timeout)
        except TimeoutError:
            return None
        if reply.header.message_type == MessageType.error:
            error = DBusErrorResponse(reply)
            if error.name == "org.freedesktop.DBus.Error.UnknownMethod":
                continue  # an older portal: try Read
            log.debug("the portal gave no colour scheme (%s)", error.name)
            return None
        return _scheme_from(reply.body[0])
    return None


def _scheme_from(value: Any) -> ColorScheme | None:
    """A ``color-scheme`` value as jeepney gives it: variants are (signature, value) pairs."""
    while isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        value = value[1]
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return ColorScheme(value)
        except ValueError:  # a value a later spec adds: treat it as no preference
            return ColorScheme.NO_PREFERENCE
    return None
