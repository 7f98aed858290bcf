"""The home screen's day count, read by the key-prefetch child before the app opens the vault.

What the person waits for at start-up is their day count. The child that fetches the key
from the keyring (``storage.key_prefetch``) runs on another core while the window is built;
once it has the key it reads the plan and the contact log with it and works out what the
ring shows: a ``RingView`` (numbers and our own words, never anything the person wrote)
and the milestone days. The app paints that at once, and the home screen fills in around it
when its own vault has opened.

The look is read-only and careful to be exact or nothing: the main file is read with
SQLite's ``immutable`` flag (no lock, no -wal or -shm made), so it is skipped whenever a
-wal with content may hold newer pages, and whenever the file is of another format
version, another vault, or the key does not open it. Any doubt means no preview: the
app then shows the day count the usual way, a moment later.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reconnect_gui.core.countdown.view import RingView

if TYPE_CHECKING:
    import sqlite3

    from reconnect_gui.core.clock import Clock

# The app's side only decodes (``decode``), right after its first frame: the vault and the
# cipher load inside ``read_home_preview``, which only the key-prefetch child runs.


@dataclass(frozen=True)
class HomePreview:
    """What the ring shows for one vault at one moment."""

    vault_id: str
    view: RingView
    milestones: tuple[int, ...]


def read_home_preview(path: Path, vault_id: str, key: bytes, now: Clock) -> HomePreview | None:
    """The ring's view of the vault at ``path`` as its main file holds it; None when that
    may not be the whole truth (a -wal with content) or anything is not as expected."""
    import sqlite3

    from reconnect_gui.storage import vault_format as fmt
    from reconnect_gui.storage.errors import VaultError

    wal = fmt.sidecars(path)[0]
    try:
        if wal.exists() and wal.stat().st_size:
            return None
        conn = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        return _read(conn, vault_id, key, now)
    except (VaultError, sqlite3.Error, ValueError, TypeError, KeyError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, vault_id: str, key: bytes, now: Clock) -> HomePreview | None:
    from reconnect_gui.core.countdown.stats import milestones
    from reconnect_gui.core.countdown.view import ring_view
    from reconnect_gui.storage import countdown_store
    from reconnect_gui.storage import vault_codec as codec
    from reconnect_gui.storage import vault_format as fmt
    from reconnect_gui.storage.vault import Vault

    if conn.execute("PRAGMA application_id").fetchone()[0] != fmt.APPLICATION_ID:
        return None
    if conn.execute("PRAGMA user_version").fetchone()[0] != fmt.FORMAT_VERSION:
        return None  # an upgrade is due: only the app's own opening may read it
    check = fmt.meta(conn, "key_check")
    if fmt.meta(conn, "vault_id") != vault_id or not isinstance(check, bytes):
        return None
    if not codec.key_matches(vault_id, key, check):
        return None
    vault = Vault(conn, vault_id, key, now)
    plan = countdown_store.load_plan(vault)
    if plan is None:
        return None
    contacts, _damaged = countdown_store.load_contacts(vault)
    return HomePreview(vault_id, ring_view(plan, now(), contacts), tuple(milestones(plan)))


def encode(preview: HomePreview) -> bytes:
    """The preview as the child sends it over its pipe."""
    view = asdict(preview.view)
    view["next_change"] = preview.view.next_change.total_seconds()
    data = {"vault_id": preview.vault_id, "view": view, "milestones": preview.milestones}
    return json.dumps(data).encode("utf-8")


def decode(data: bytes) -> HomePreview | None:
    """The preview the child sent; None for anything that is not one (it died half-way)."""
    try:
        raw = json.loads(data.decode("utf-8"))
        view = dict(raw["view"])
        if set(view) != {field.name for field in fields(RingView)}:
            return None
        view["next_change"] = timedelta(seconds=float(view["next_change"]))
        ring = RingView(**view)
        days = tuple(int(day) for day in raw["milestones"])
        vault_id = raw["vault_id"]
    except (UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if not isinstance(vault_id, str) or not _well_typed(ring):
        return None
    return HomePreview(vault_id, ring, days)


def _well_typed(view: RingView) -> bool:
    numbers = isinstance(view.day, int) and isinstance(view.target_days, int)
    words = (view.day_text, view.time_text, view.milestone_text, view.state_text)
    return (
        numbers
        and isinstance(view.fraction, float)
        and all(isinstance(text, str) for text in (*words, view.state, view.accessible_text))
    )
