"""The core/storage/ui split holds: pure modules never pull in Qt or network modules."""

import ast
import json
import subprocess
import sys

from helpers.repo import REPO

PROBE = """
import importlib, json, pkgutil, sys
import reconnect_gui.core, reconnect_gui.storage
names = ["reconnect_gui.system.paths", "reconnect_gui.system.logs", "reconnect_gui.app"]
for package in (reconnect_gui.core, reconnect_gui.storage):
    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(json.dumps({
    "imported": names,
    "qt": sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))),
    "network": sorted(m for m in sys.modules
                      if m in ("socket", "ssl", "http.client", "urllib.request")),
}))
"""

# Checking a draft with the learned layer needs no training tools (scikit-learn, numpy).
TONE_PROBE = """
import json, sys
from reconnect_gui.core.tone import check
report = check("so you're just going to ignore me then", "text")
print(json.dumps({
    "learned": any(f.rule_id.endswith(".learned") for f in report.findings),
    "training_tools": sorted(m for m in sys.modules if m.split(".")[0] in
                             ("sklearn", "numpy", "scipy", "joblib")),
}))
"""


def test_core_storage_paths_and_app_import_without_qt_or_network() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, check=True
    )
    found = json.loads(result.stdout)
    assert "reconnect_gui.storage.settings_store" in found["imported"]
    assert "reconnect_gui.core.settings" in found["imported"]
    assert found["qt"] == []
    assert found["network"] == []


def test_the_learned_tone_layer_runs_without_training_tools() -> None:
    result = subprocess.run(
        [sys.executable, "-c", TONE_PROBE], capture_output=True, text=True, cwd=REPO, check=True
    )
    found = json.loads(result.stdout)
    assert found["learned"] and found["training_tools"] == []


# Modules the app imports before its first frame. Importing PySide6's ``Qt`` namespace
# costs ~40 ms there, so they must import it inside functions that run later, if at all.
BEFORE_FIRST_PAINT = (
    "app.py",
    "ui/shell/main_window.py",
    "ui/shell/panes.py",
    "ui/widgets/theme.py",
    "ui/shell/app_icon.py",
    "ui/shell/errors.py",
    "ui/shell/first_paint.py",
    "ui/shell/single_instance.py",
    "ui/shell/settings_keeper.py",
    "ui/widgets/labels.py",
    "ui/widgets/debounce.py",
    "ui/shell/ui_thread_collector.py",
    "ui/pyside_import_check.py",
)


def test_nothing_before_the_first_frame_imports_the_qt_namespace_at_the_top() -> None:
    import ast

    offenders = []
    for name in BEFORE_FIRST_PAINT:
        tree = ast.parse((REPO / "reconnect_gui" / name).read_text(encoding="utf-8"))
        for node in tree.body:  # top level only; imports inside functions run later
            names = [a.name for a in node.names] if isinstance(node, ast.ImportFrom) else []
            if "Qt" in names and (node.module or "").startswith("PySide6"):
                offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


def loaded_by(module: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with one of ``prefixes`` that importing ``module`` loads, in a
    fresh interpreter."""
    probe = (
        f"import sys, {module}; "
        f"print(repr(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    return ast.literal_eval(result.stdout.strip())


def test_starting_the_app_loads_neither_the_tone_checker_nor_the_reminder_schedule() -> None:
    # Both load after the first frame; reading settings.json once pulled them in (~120 ms).
    later = ("reconnect_gui.core.tone", "reconnect_gui.core.reminders.schedule")
    assert loaded_by("reconnect_gui.app", (*later, "reconnect_gui.core.drafts.draft")) == []


def test_the_home_screen_code_leaves_the_vault_and_crypto_to_the_opening_thread() -> None:
    # The home screen is built while a background thread opens the vault; its stores name
    # the Vault only in annotations, so the UI thread never waits on that thread's import.
    vault = ("reconnect_gui.storage.vault", "reconnect_gui.storage.crypto", "cryptography")
    assert loaded_by("reconnect_gui.ui.countdown.countdown_pane", vault) == []


def test_the_home_screens_check_in_card_loads_the_journal_store_only_to_save() -> None:
    # The card is built with the home screen, on the way to the day count (~17 ms).
    journal = ("reconnect_gui.storage.journal_store", "reconnect_gui.core.journal.query")
    assert loaded_by("reconnect_gui.ui.countdown.check_in", journal) == []


def test_opening_the_vault_does_not_load_the_journal_query_code() -> None:
    # The vault opens on a background thread while the home screen is built: every module
    # it loads delays the day count (the search index needs only core.journal.folding).
    query = ("reconnect_gui.core.journal.query",)
    assert loaded_by("reconnect_gui.storage.unlock", query) == []
