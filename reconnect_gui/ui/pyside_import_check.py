"""A quicker answer to the question PySide asks of every module imported after it.

Once PySide6 is loaded, every import goes through its hook for the opt-in
``from __feature__ import snake_case`` syntax, which asks of each new module whether it
uses PySide: it reads the module's source with ``inspect.getsource`` (opening, decoding
and splitting the whole file) and looks for "PySide6" in it. Over the ~50 modules that
are new before the first frame that took ~5 ms, about a tenth of the app's start-up cost
over a bare PySide6 window. The same question is answered here by looking for the same
word in the file's bytes (~1 ms in all).

The app uses no ``__feature__``, so nothing depends on the answers; they stay the same
all the same (a test compares them with PySide's for every loaded module). If PySide
moves this code, nothing is replaced and its own check runs as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_reconnect_quick"


def quicken_pysides_import_check() -> None:
    """Replace PySide's per-import source check, if it is where we expect it."""
    feature = sys.modules.get("shibokensupport.feature")
    pysides_check = getattr(feature, "_mod_uses_pyside", None)
    if callable(pysides_check) and not getattr(pysides_check, _MARK, False):
        feature._mod_uses_pyside = quick_check(pysides_check)  # type: ignore[union-attr]


def quick_check(pysides_check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return pysides_check(module)  # built in, compiled, or from an archive
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:  # no source beside it (a frozen app): PySide's answer too
            return False

    setattr(uses_pyside, _MARK, True)
    uses_pyside.__wrapped__ = pysides_check  # type: ignore[attr-defined]
    return uses_pyside
