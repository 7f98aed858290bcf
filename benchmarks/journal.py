"""The journal pane with 10,000 entries in a real vault: ``python -m benchmarks.journal``.

The vault is made the way the app makes it (``create_user_vault``, its key in a keyring
that lives in memory for the run) and filled with 10,000 entries of about 1.3 KB over
three years: moods, feelings, tags, all three kinds, a few in the trash. The pane runs
with a real ``VaultController``, offscreen. Each measurement has a floor: the same work
done the plainest way Qt and our storage allow, in the same run, alternating with ours.

- Open: from ``JournalPane(controller)`` to the list of entries painted on screen (the
  read and parse happen off the UI thread, so this is the wait, not a freeze). Twice:
  right after unlocking, when this is the first read of the vault (every record is
  decrypted), and when the vault has been read already (in the app the countdown, the
  home screen, reads it as it unlocks). Floor: ``load_entries`` and the titles in a
  ``QListView`` over a ``QStringListModel``, painted. Target: ≤ 300 ms once read.
- Search keystroke: one more letter in the search box to the list updated and painted,
  the typing pause itself left out (it is a choice, 150 ms, not work). Words are typed
  letter by letter, like a person would. Floor: ``in`` over lower-cased title + body
  strings prepared ahead, and ``setStringList`` on a plain list. Target: ≤ 50 ms.
- Scroll: one page down the list of 10,000, to the visible rows painted (the frame a
  scroll costs). Floor: the plain list with Qt's own delegate. Target: ≤ 16 ms (60 fps).
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.table import Row, print_table

ENTRIES = 10_000
SIZE = (1080, 780)
NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)
WORDS = (  # noqa: SIM905 (a sentence is easier to read and change)
    "morning quiet walk coffee message phone silence friend evening tired better worse "
    "remember promise week month careful breathe write letter wait lake rain sister work "
    "sleep music kitchen garden train window café naïve déjà sunday night alone laugh"
).split()
TAGS = ("work", "sleep", "family", "walks", "urges", "friends", "therapy", "music")
FEELINGS = ("lonely", "sad", "angry", "anxious", "calm", "hopeful", "tired", "grateful")
TYPED = ("lake", "sister", "walk coffee", "promise")  # typed one letter at a time


def entry_data(rng: random.Random, index: int) -> dict[str, Any]:
    from reconnect_gui.core.journal.entry import entry_data as make

    body = " ".join(rng.choice(WORDS) for _ in range(220))[:1300]
    kind = rng.choices(("entry", "unsent_letter", "reflection"), (8, 1, 1))[0]
    data = make(
        f"Day {index}" if index % 3 else "",
        body,
        rng.choice((None, 1, 2, 3, 3, 4, 4, 5)),
        rng.sample(TAGS, rng.randint(0, 2)),
        kind,
        feelings=rng.sample(FEELINGS, rng.randint(0, 2)),
        prompt_id="what_went_wrong" if kind == "reflection" else None,
    )
    if index % 500 == 3:
        data["deleted_at"] = (NOW - timedelta(days=rng.randint(0, 20))).isoformat()
    return data


def fill(data_dir: Path, entries: int) -> None:
    """A vault made as the app makes it, filled in one transaction through its own format
    code (saving 10,000 entries one by one would take minutes and measure nothing)."""
    from reconnect_gui.core.countdown.contact_log import new_urge
    from reconnect_gui.core.countdown.plan import new_plan
    from reconnect_gui.storage import countdown_store
    from reconnect_gui.storage import vault_codec as codec
    from reconnect_gui.storage import vault_format as fmt
    from reconnect_gui.storage.crypto import Aead, new_recovery_code
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.records import JOURNAL_ENTRY
    from reconnect_gui.storage.unlock import create_user_vault, vault_file

    path = vault_file(data_dir)
    vault = create_user_vault(path, KeyStore(), new_recovery_code()).vault
    countdown_store.save_plan(vault, new_plan(NOW - timedelta(days=60), "Europe/Berlin", 30))
    rng = random.Random(3)
    for day in range(0, 60, 3):
        countdown_store.add_urge(vault, new_urge(NOW - timedelta(days=day), rng.randint(1, 10)))
    aead = Aead(vault.data_key)
    vault.close()
    conn = fmt.connect(path)
    with fmt.transaction(conn):
        record_aad = codec.RecordAad(str(fmt.meta(conn, "vault_id")))
        span = timedelta(days=3 * 365) / entries
        for index in range(entries):
            moment = NOW - span * (entries - index)
            plaintext = codec.encode(moment, moment, entry_data(rng, index))
            record_id = f"entry{index:06d}"
            nonce, ciphertext = aead.encrypt(plaintext, record_aad(record_id, JOURNAL_ENTRY))
            conn.execute(
                "INSERT INTO records VALUES (?, ?, ?, ?)",
                (record_id, JOURNAL_ENTRY, nonce, ciphertext),
            )
    conn.close()


def wait_for(signal: Any, condition: Callable[[], bool], timeout_s: float = 60) -> None:
    """Run the event loop until ``signal`` brings ``condition`` about. The loop sleeps
    between events, as the app's does: polling would steal time from the thread that
    reads the vault."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(round(timeout_s * 1000), loop.quit)
    if not condition():
        loop.exec()
    signal.disconnect(loop.quit)
    if not condition():
        raise SystemExit("the journal did not open in time")


def unlock(controller: Any) -> None:
    from reconnect_gui.ui.vault.controller import VaultState

    if controller.state == VaultState.UNLOCKED:
        controller.lock()
    controller.start()
    wait_for(controller.state_changed, lambda: controller.state == VaultState.UNLOCKED)


def show(widget: Any) -> None:
    """Show and wait until it is on screen: painting a widget not exposed yet does nothing."""
    from PySide6.QtTest import QTest

    widget.show()
    QTest.qWaitForWindowExposed(widget)


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def open_pane(controller: Any) -> tuple[float, Any]:
    from PySide6.QtWidgets import QApplication

    from reconnect_gui.ui.journal.journal_pane import JournalPane

    start = time.perf_counter()
    pane = JournalPane(controller, now=lambda: NOW)
    pane.resize(*SIZE)
    pane.show()
    wait_for(pane.entries_loaded, lambda: pane.loaded)
    QApplication.processEvents()
    pane.column.list.viewport().repaint()
    return ms_since(start), pane


def open_floor(controller: Any) -> tuple[float, Any]:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    from reconnect_gui.storage import journal_store

    start = time.perf_counter()
    entries, _damaged = journal_store.load_entries(controller.vault)
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(QStringListModel([e.display_title for e in entries], view))
    view.resize(*SIZE)
    view.show()
    QApplication.processEvents()
    view.viewport().repaint()
    return ms_since(start), view


def discard(widget: Any) -> None:
    """Delete now, so a pane measured before never reacts to the next unlock."""
    import shiboken6

    widget.close()
    shiboken6.delete(widget)


def open_rows(controller: Any, runs: int) -> list[Row]:
    cold_app, cold_floor, warm_app, warm_floor = [], [], [], []
    for _ in range(runs):
        for measure, first, again in (
            (open_pane, cold_app, warm_app),
            (open_floor, cold_floor, warm_floor),
        ):
            unlock(controller)  # a fresh unlock: nothing read yet
            gc.collect()  # each starts from a clean heap, not with the other's garbage
            elapsed, widget = measure(controller)
            first.append(elapsed)
            discard(widget)
            gc.collect()
            elapsed, widget = measure(controller)  # the vault has been read now
            again.append(elapsed)
            discard(widget)
    return [
        Row(
            f"journal open {ENTRIES:,}",
            statistics.median(warm_app),
            statistics.median(warm_floor),
            "ms",
            1.5,
            300.0,
        ),
        Row(
            "journal first open",
            statistics.median(cold_app),
            statistics.median(cold_floor),
            "ms",
            1.5,
        ),
    ]


def keystrokes() -> list[str]:
    """Each word of TYPED as the search box holds it after each letter."""
    return [word[:n] for word in TYPED for n in range(1, len(word) + 1)]


def search_row(pane: Any) -> Row:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView

    pane.library.warm(None)  # in the app the index warms in idle moments after opening
    box, debouncer = pane.column.filters.search, pane.column.filters.search_debouncer
    entries = [e for e in pane.library.index.entries if not e.in_trash]
    texts = [(e.display_title, f"{e.title}\n{e.body}".lower()) for e in entries]
    view = QListView()
    view.setUniformItemSizes(True)
    model = QStringListModel(view)
    view.setModel(model)
    view.resize(pane.column.list.size())
    show(view)

    def app(text: str) -> float:
        box.setText(text)  # the keystroke; the pause that follows is left out
        start = time.perf_counter()
        debouncer.flush()
        pane.column.list.viewport().repaint()
        return ms_since(start)

    def floor(text: str) -> float:
        start = time.perf_counter()
        words = text.lower().split()
        model.setStringList([t for t, body in texts if all(w in body for w in words)])
        view.viewport().repaint()
        return ms_since(start)

    app_ms, floor_ms = [], []
    for _ in range(3):
        for text in keystrokes():
            app_ms.append(app(text))
            floor_ms.append(floor(text))
        box.setText("")
        debouncer.flush()
    view.close()
    return Row(
        "search keystroke", statistics.median(app_ms), statistics.median(floor_ms), "ms", 2.0, 50.0
    )


def scroll_row(pane: Any, pages: int = 120) -> Row:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView

    from reconnect_gui.ui.journal.model import DATE_ROLE

    view = QListView()
    view.setUniformItemSizes(True)
    rows = [
        f"{e.display_title}  {pane.column.model.index(i).data(DATE_ROLE)}"
        for i, e in enumerate(pane.column.model.entries())
    ]
    view.setModel(QStringListModel(rows, view))
    view.resize(pane.column.list.size())
    show(view)

    def page_down(list_view: QListView) -> float:
        bar = list_view.verticalScrollBar()
        start = time.perf_counter()
        bar.setValue(min(bar.value() + bar.pageStep(), bar.maximum()))
        list_view.viewport().repaint()
        return ms_since(start)

    app_ms, floor_ms = [], []
    for list_view in (pane.column.list, view):
        list_view.verticalScrollBar().setValue(0)
        list_view.viewport().repaint()
    for _ in range(pages):
        app_ms.append(page_down(pane.column.list))
        floor_ms.append(page_down(view))
    view.close()
    return Row(
        "scroll a page, paint",
        statistics.median(app_ms),
        statistics.median(floor_ms),
        "ms",
        4.0,
        16.0,
    )


def journal_rows(runs: int = 7) -> list[Row]:
    # Offscreen: no window flashes up, and the figures do not depend on a desktop.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("TZ", "Europe/Berlin")
    import keyring
    from PySide6.QtWidgets import QApplication, QWidget

    # The tests' in-memory keyring: the key never touches the real keyring.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from helpers.fake_keyrings import MemoryKeyring
    from reconnect_gui.ui.shell.ui_thread_collector import collect_on_the_ui_thread
    from reconnect_gui.ui.vault.controller import VaultController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_on_the_ui_thread(app)  # as the app does: no collection on the reading thread
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        with tempfile.TemporaryDirectory(prefix="reconnect-bench-journal-") as folder:
            data_dir = Path(folder)
            fill(data_dir, ENTRIES)
            window = QWidget()
            controller = VaultController(data_dir, window, now=lambda: NOW)
            rows = open_rows(controller, runs)
            _elapsed, pane = open_pane(controller)
            rows += [search_row(pane), scroll_row(pane)]
            pane.close()
            controller.lock()
            app.processEvents()
    finally:
        keyring.set_keyring(previous)
    return rows


if __name__ == "__main__":
    rows = journal_rows()
    print_table(rows)
    sys.exit(0 if all(row.ok for row in rows) else 1)
