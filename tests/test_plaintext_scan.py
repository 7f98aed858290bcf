"""No plaintext: words typed into Reconnect never reach a file as readable text.

Random canaries go into everything a person types (journal, draft, the plan's person and
reasons, the SOS flow, a search) through the real panes on a real vault, and into the
command line as separate processes. Then every file the app could have written is
scanned: its data, config, cache and log folders, the temp folder (TMPDIR points into
the test's folder, and the system's temp folder is checked for anything new), /dev/shm
and Qt's own settings files. The only finds allowed are in the plain export the test
asks for on purpose, and they must be there: proof that the scan sees what it should.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from helpers.pages import DraftPage, JournalPage
from helpers.plaintext_scan import changed_entries, files_under, find_canaries, listing
from helpers.repo import REPO, app_command
from reconnect_gui.storage.unlock import vault_file

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)
SHARED_TEMP = (Path(tempfile.gettempdir()), Path("/dev/shm"))  # before any test moves TMPDIR


def canary() -> str:
    """A random word; mixed case, so the scan's case-blindness is put to use."""
    return f"Canary{secrets.token_hex(6)}Q"


# ---- the scan itself ---------------------------------------------------------------------


def test_the_scan_finds_a_canary_in_any_encoding_and_case(tmp_path: Path) -> None:
    word, absent = canary(), canary()
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (tmp_path / "plain.txt").write_text(f"dear diary {word} end", encoding="utf-8")
    (nested / "wide.txt").write_text(f"{word}", encoding="utf-16-le")
    (nested / "big-endian.bin").write_bytes(b"\0\0" + word.encode("utf-16-be"))
    (tmp_path / "shouted.log").write_text(word.upper())
    (tmp_path / "clean.txt").write_text("nothing to see")
    (tmp_path / "link").symlink_to(tmp_path / "plain.txt")  # found once, where it lives

    found = {
        (f.path.relative_to(tmp_path).as_posix(), f.encoding)
        for f in find_canaries([tmp_path], [word, absent])
    }
    assert found == {
        ("plain.txt", "utf-8"),
        ("a/b/wide.txt", "utf-16-le"),
        ("a/b/big-endian.bin", "utf-16-be"),
        ("shouted.log", "utf-8"),
    }
    assert find_canaries([tmp_path / "clean.txt"], [word]) == []  # a file as a path works


def test_only_what_is_new_in_a_shared_folder_is_picked(tmp_path: Path) -> None:
    (tmp_path / "old-folder").mkdir()
    (tmp_path / "old.txt").write_text("before")
    before = listing(tmp_path)
    (tmp_path / "new.txt").write_text("after")
    (tmp_path / "old-folder" / "inside.txt").write_text("someone else's")
    os.utime(tmp_path / "old.txt", ns=(0, 0))  # changed since
    assert sorted(p.name for p in changed_entries(tmp_path, before)) == ["new.txt", "old.txt"]


# ---- the app -----------------------------------------------------------------------------


@pytest.fixture
def app_log(isolated_home: Path):
    """The app's log file, as the GUI sets it up (and the test's logging put back after)."""
    from reconnect_gui.system.logs import configure_logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    log_file = isolated_home / "logs" / "reconnect.log"
    configure_logging(log_file)
    yield log_file
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR inside the test's folder, for this process (Python and Qt) and its children."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)  # tempfile reads TMPDIR again
    return temp


def type_into_the_panes(qtbot, controller, now, words: dict[str, str]) -> None:
    """What a person does on a first evening: the countdown, the SOS flow, the journal, a
    draft; every field gets its own canary."""
    from reconnect_gui.ui.countdown.countdown_pane import CountdownPane
    from reconnect_gui.ui.draft.draft_pane import DraftPane
    from reconnect_gui.ui.journal.journal_pane import JournalPane

    countdown = CountdownPane(controller, now=now)
    qtbot.add_widget(countdown)
    countdown.show()
    wizard = countdown.wizard
    wizard.go_next()  # welcome
    wizard.go_next()  # the start: now
    qtbot.keyClicks(wizard.person.name, words["their name"])
    wizard.go_next()
    qtbot.keyClicks(wizard.reasons.entry, words["a reason"])
    qtbot.keyClick(wizard.reasons.entry, Qt.Key.Key_Return)
    wizard.go_next()  # "Start my countdown"
    assert countdown.wizard is None
    countdown.urge_button.click()
    sos = countdown.dialog
    sos.intensity_buttons[6].click()
    sos.next_button.click()
    qtbot.keyClicks(sos.letter, words["the unsent letter"])
    sos.next_button.click()
    qtbot.keyClicks(sos.trigger, words["the urge's trigger"])
    qtbot.keyClicks(sos.instead, words["what they did instead"])
    sos.finish()

    journal = JournalPage(JournalPane(controller, now=now))
    qtbot.add_widget(journal.pane)
    journal.show()
    qtbot.wait_until(lambda: journal.loaded, timeout=10000)
    journal.new_entry()
    qtbot.keyClicks(journal.editor.body, words["a journal entry"])
    qtbot.keyClicks(journal.editor.title_edit, words["its title"])
    qtbot.keyClicks(journal.editor.tags.input, words["its tag"])
    qtbot.keyClick(journal.editor.tags.input, Qt.Key.Key_Return)
    journal.save_debouncer.flush()
    qtbot.keyClicks(journal.filters.search, words["a journal search"])
    qtbot.wait_until(lambda: not journal.filters.search_debouncer.pending, timeout=3000)

    drafts = DraftPage(DraftPane(controller, now=now))
    qtbot.add_widget(drafts.pane)
    drafts.show()
    qtbot.mouseClick(drafts.write_text_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(drafts.editor, f"Hi, {words['a draft']} how are you?")
    qtbot.keyClicks(drafts.title_edit, words["the draft's title"])
    qtbot.wait_until(lambda: drafts.saved_label.text() == "Saved", timeout=5000)

    stored_in_the_vault(controller.vault, words)
    controller.lock()  # every pane forgets what it showed
    for pane in (countdown, journal, drafts):
        pane.close()


def stored_in_the_vault(vault, words: dict[str, str]) -> None:
    """Every canary typed into a pane did arrive (encrypted): the scan is not looking for
    words that were never saved anywhere."""
    from reconnect_gui.storage import countdown_store, draft_store, journal_store

    plan = countdown_store.load_plan(vault)
    assert (plan.ex_name, plan.reasons) == (words["their name"], (words["a reason"],))
    (urge,) = countdown_store.load_urges(vault)[0]
    assert (urge.trigger, urge.instead) == (
        words["the urge's trigger"],
        words["what they did instead"],
    )
    entries = {e.body: e for e in journal_store.load_entries(vault)[0]}
    assert entries[words["the unsent letter"]].entry_type == "unsent_letter"
    entry = entries[words["a journal entry"]]
    assert (entry.title, entry.tags) == (words["its title"], (words["its tag"],))
    (draft,) = draft_store.load_drafts(vault)[0]
    assert words["a draft"] in draft.body and draft.title == words["the draft's title"]


def use_the_command_line(folder: Path, words: dict[str, str]) -> Path:
    """The same kinds of words through the CLI, each command a process of its own; returns
    the folder of the plain export made at the end (the one place canaries belong)."""
    secret = folder / "passphrase.txt"
    secret.write_text("a passphrase for the command line\n")
    unlock = ["--passphrase-file", str(secret)]
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}

    def cli(*args: str, stdin: str = "", ok: tuple[int, ...] = (0,)) -> str:
        result = subprocess.run(
            app_command(*args), input=stdin, capture_output=True, text=True, env=env, cwd=REPO
        )
        assert result.returncode in ok, result.stderr
        return result.stdout

    cli("vault", "init", *unlock)
    title, tag, body = words["cli title"], words["cli tag"], words["cli body"]
    cli("journal", "add", "--title", title, "--tag", tag, *unlock, stdin=body)
    assert title in cli("journal", "search", body, *unlock)
    cli("nocontact", "start", *unlock)
    cli("nocontact", "slip", "--kind", "other", "--note", words["cli slip note"], *unlock)
    checked = f"Hi, {words['cli checked draft']} how have you been?"
    assert "Verdict" in cli("check", stdin=checked, ok=(0, 1))  # 1: "not ready yet"
    backup_secret = folder / "backup-passphrase.txt"
    backup_secret.write_text("a passphrase for the backup\n")
    backup = folder / "backup.age"
    cli(
        "backup", "create", str(backup), "--passphrase-file", str(backup_secret),
        "--vault-passphrase-file", str(secret),
    )  # fmt: skip
    assert backup.stat().st_size > 0
    export = folder / "plain-export"
    cli("export", str(export), "--yes-plaintext", *unlock)
    return export


def qt_settings_files() -> list[Path]:
    """Qt's own settings (QtProject.conf, e.g. file dialogs), wherever Qt keeps them."""
    homes = [Path.home() / ".config", Path(os.environ.get("XDG_CONFIG_HOME", "/nonexistent"))]
    files = [p for home in homes if home.is_dir() for p in home.glob("QtProject*")]
    settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    return [*files, Path(settings.fileName())]


TYPED = (
    "their name",
    "a reason",
    "the unsent letter",
    "the urge's trigger",
    "what they did instead",
    "a journal entry",
    "its title",
    "its tag",
    "a journal search",
    "a draft",
    "the draft's title",
)
COMMAND_LINE = ("cli title", "cli tag", "cli body", "cli slip note", "cli checked draft")


def test_nothing_typed_into_the_app_reaches_a_file_in_plain_text(
    qtbot, unlocked_controller, clock, isolated_home, own_temp, app_log, tmp_path
) -> None:
    shared_before = {folder: listing(folder) for folder in SHARED_TEMP}
    words = {place: canary() for place in TYPED + COMMAND_LINE}

    type_into_the_panes(qtbot, unlocked_controller, clock, words)
    cli_folder = tmp_path / "cli"
    cli_folder.mkdir()
    export = use_the_command_line(cli_folder, words)

    shared_new = [
        p for folder, before in shared_before.items() for p in changed_entries(folder, before)
    ]
    roots = [tmp_path, *shared_new, *qt_settings_files()]
    scanned = list(files_under(roots))
    assert unlocked_controller.path in scanned  # the panes' vault
    assert vault_file(isolated_home / "data") in scanned  # the command line's
    assert app_log in scanned and (cli_folder / "backup.age") in scanned

    finds = find_canaries(roots, words.values())
    leaks = [str(f) for f in finds if not f.path.is_relative_to(export)]
    assert leaks == []
    # The scan does see plain words when they are there: the export holds the CLI's.
    exported = {f.canary for f in finds if f.path.is_relative_to(export)}
    assert {words[p] for p in ("cli title", "cli tag", "cli body", "cli slip note")} <= exported
    assert words["cli checked draft"] not in exported  # "check" saves nothing


# ---- the end-to-end journey's canaries ---------------------------------------------------


def test_the_journeys_canaries_are_in_no_file_of_its_folders() -> None:
    """tests/e2e's journey types canaries into the real app and writes them, with the app's
    folders, to artifacts/canaries-*.json (``Canaries.write``); this scans what is left of
    those folders. It runs after tests/e2e in a whole run, so it sees this run's journey."""
    scanned, leaks = [], []
    for record in sorted((REPO / "artifacts").glob("canaries-*.json")):
        document = json.loads(record.read_text(encoding="utf-8"))
        words = document["canaries"]
        assert words and all(isinstance(w, str) and len(w) >= 8 for w in words), record
        folders = [Path(f) for f in document.get("folders", []) if Path(f).exists()]
        if folders:
            scanned.append(record.name)
            leaks += [str(f) for f in find_canaries([*folders, *qt_settings_files()], words)]
    if not scanned:
        pytest.skip("no e2e journey's folders to scan (run tests/e2e first)")
    assert leaks == []
