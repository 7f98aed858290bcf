import logging
import secrets
from pathlib import Path

from reconnect_gui.system.logs import LOG_ROTATE_BYTES, configure_logging, redacted_traceback


def _raise_with(text: str) -> None:
    try:
        {}[text]
    except KeyError as error:
        raise ValueError(f"could not save {text}") from error


def test_redacted_traceback_keeps_types_and_places_but_not_messages() -> None:
    canary = "canary-" + secrets.token_hex(8)
    try:
        _raise_with(canary)
    except ValueError as error:
        text = redacted_traceback(type(error), error, error.__traceback__)
    assert canary not in text
    assert "builtins.ValueError" in text and "builtins.KeyError" in text
    assert "_raise_with" in text and "test_logs.py" in text


def test_log_file_rotates_at_start(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "reconnect.log"
    log_file.parent.mkdir()
    log_file.write_bytes(b"x" * LOG_ROTATE_BYTES)
    configure_logging(log_file)
    logging.getLogger("t").info("fresh start")
    assert (tmp_path / "logs" / "reconnect.log.1").stat().st_size == LOG_ROTATE_BYTES
    assert "fresh start" in log_file.read_text()
    for handler in logging.getLogger().handlers[:]:
        if isinstance(handler, logging.FileHandler):
            logging.getLogger().removeHandler(handler)
            handler.close()
