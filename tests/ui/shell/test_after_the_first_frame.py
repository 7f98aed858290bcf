"""What a start leaves until its first frame has painted: none of it shows in that frame,
and each part costs start-up time before it (see ``settle_in`` in app.py)."""

from pathlib import Path

from helpers.repo import after_a_smoke_start

SIGTERM_HANDLED = "signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL"


def loaded(module: str) -> str:
    return f"{module!r} in sys.modules"


def test_the_sigterm_handler_qts_settings_folder_and_the_collector_wait_for_the_first_frame(
    tmp_path: Path,
) -> None:
    file_dialogs = loaded("reconnect_gui.ui.widgets.file_dialogs")  # points Qt's settings
    state = (
        f"{{'sigterm': {SIGTERM_HANDLED}, 'qt_settings': {file_dialogs}, "
        "'ui_thread_collector': not gc.isenabled()}"
    )
    report = after_a_smoke_start(tmp_path / "home", state, at_first_frame=state)
    assert report == {
        "code": 0,
        "first_frame": {"sigterm": False, "qt_settings": False, "ui_thread_collector": False},
        "sigterm": True,
        "qt_settings": True,
        "ui_thread_collector": True,
    }


def test_a_start_that_prefetches_no_key_never_loads_the_prefetcher(tmp_path: Path) -> None:
    # --smoke never prefetches (a throwaway folder has no vault), and neither does an app
    # lock: the prefetcher's modules are only imported for a start that forks it.
    prefetcher = loaded("reconnect_gui.storage.key_prefetch")
    report = after_a_smoke_start(tmp_path / "home", f"{{'prefetcher': {prefetcher}}}")
    assert report == {"code": 0, "prefetcher": False}
