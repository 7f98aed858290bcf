import secrets
import sys
import threading
from pathlib import Path

import pytest

from reconnect_gui.system.logs import configure_logging
from reconnect_gui.ui.shell.errors import ErrorReporter


@pytest.fixture
def reporter(qtbot, tmp_path: Path):
    log_file = tmp_path / "logs" / "reconnect.log"
    configure_logging(log_file)
    reporter = ErrorReporter(log_file)
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


def test_an_uncaught_error_shows_one_plain_dialog_and_logs_no_user_text(
    reporter: ErrorReporter, qtbot
) -> None:
    canary = "my secret words " + secrets.token_hex(6)
    for _ in range(3):
        try:
            raise RuntimeError(canary)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    qtbot.wait_until(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    log_text = reporter._log_file.read_text()
    assert log_text.count("uncaught error") == 3  # each one logged, one dialog for all
    assert "everything you saved is safe" in reporter.dialog.text()
    assert str(reporter._log_file) in reporter.dialog.informativeText()
    assert "builtins.RuntimeError" in log_text
    assert canary not in log_text


def test_errors_in_worker_threads_reach_the_ui_thread(reporter: ErrorReporter, qtbot) -> None:
    def fail() -> None:
        raise ValueError("worker")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    qtbot.wait_until(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter._log_file.read_text().count("uncaught error") == 1


def test_uninstall_restores_the_previous_hooks(qtbot, tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    reporter = ErrorReporter(tmp_path / "x.log")
    reporter.install()
    assert sys.excepthook != before[0]
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
