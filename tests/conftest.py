"""Test-wide setup: headless Qt, and no test ever touches the real user folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from helpers import faketime_sleep
from helpers.repo import run_cli

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# Under `./dev.sh test-dates` (faketime), Python's own sleep needs a hand (see the module).
faketime_sleep.install()

# No test, and no process a test starts, may reach the network (tests/helpers/network_guard.py).
pytest_plugins = ("helpers.network_guard",)

# CI has two busy cores: judge properties, not speed (speed lives in benchmarks/).
settings.register_profile("reconnect", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("reconnect")


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, collecting cyclic garbage on the UI thread only, as the
    app's does (reconnect_gui/ui/shell/ui_thread_collector.py): left to run on a worker
    thread, the collector can deadlock against Qt."""
    from reconnect_gui.ui.shell.ui_thread_collector import collect_on_the_ui_thread

    collect_on_the_ui_thread(qapp)
    return qapp


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own RECONNECT_HOME and XDG folders."""
    home = tmp_path / "reconnect-home"
    monkeypatch.setenv("RECONNECT_HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "xdg" / var.lower()))
    return home


@pytest.fixture
def clock(request: pytest.FixtureRequest):
    """The test's one clock, at the test module's ``NOW`` (or a default), shared by every
    fixture that needs the time: the vault, the panes, the timers."""
    from helpers.clock import DEFAULT_NOW, Clock

    return Clock(getattr(request.module, "NOW", DEFAULT_NOW))


@pytest.fixture
def memory_keyring():
    """A working in-memory keyring backend for the test (keyring.set_keyring, restored)."""
    import keyring

    from helpers.fake_keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def initialised(tmp_path: Path, capsys, monkeypatch, memory_keyring) -> Path:
    """A vault made with ``reconnect vault init``; returns the recovery code's file."""
    code_file = tmp_path / "recovery.txt"
    code, out, _ = run_cli(
        capsys, monkeypatch, "vault", "init", "--recovery-code-file", str(code_file)
    )
    assert code == 0
    assert code_file.read_text().strip() in out
    return code_file


@pytest.fixture
def unlocked_controller(qtbot, tmp_path: Path, memory_keyring, clock):
    """A VaultController holding a real, freshly made vault, unlocked through the keyring;
    the vault stamps its records with the test's clock."""
    from PySide6.QtWidgets import QWidget

    from reconnect_gui.storage.crypto import new_recovery_code
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.unlock import create_user_vault, vault_file
    from reconnect_gui.ui.vault.controller import VaultController, VaultState

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    create_user_vault(
        vault_file(data_dir), KeyStore(), new_recovery_code(), now=clock
    ).vault.close()
    window = QWidget()
    qtbot.add_widget(window)
    controller = VaultController(data_dir, window, now=clock)
    controller.start()
    qtbot.wait_until(lambda: controller.state == VaultState.UNLOCKED, timeout=20000)
    yield controller
    controller.lock()
