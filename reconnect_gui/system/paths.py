"""Where Reconnect keeps its files, and where its bundled resources are.

The only module that imports ``platformdirs``. ``RECONNECT_HOME=DIR`` (or the
``--data-dir DIR`` option, which wins) moves every location under DIR, so tests,
the smoke run and portable installs never touch the user's real folders.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import NamedTuple

from reconnect_gui import APP_ID, APP_NAME

HOME_ENV = "RECONNECT_HOME"


# A NamedTuple, not a frozen dataclass: it is made before the first frame, where a
# dataclass costs more: it compiles each method it generates as the class is made.
class AppPaths(NamedTuple):
    """The four places the app may write to. Nothing else is ever written."""

    data: Path
    config: Path
    cache: Path
    log: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log / "reconnect.log"

    @property
    def instance_lock(self) -> Path:
        return self.data / "instance.lock"

    def all(self) -> tuple[Path, ...]:
        return (self.data, self.config, self.cache, self.log)

    def ensure(self) -> None:
        """Create the folders, readable by the user only."""
        for folder in self.all():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def app_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """The locations for this run: ``data_dir`` first, then ``$RECONNECT_HOME``, then the OS."""
    home = data_dir if data_dir is not None else os.environ.get(HOME_ENV) or None
    if home is not None:
        root = Path(home).expanduser().resolve()
        return AppPaths(
            data=root / "data", config=root / "config", cache=root / "cache", log=root / "logs"
        )
    import platformdirs

    dirs = platformdirs.PlatformDirs(appname=APP_NAME, appauthor=False, roaming=False)
    return AppPaths(
        data=Path(dirs.user_data_dir),
        config=Path(dirs.user_config_dir),
        cache=Path(dirs.user_cache_dir),
        log=Path(dirs.user_log_dir),
    )


def is_private_folder(folder: Path) -> bool:
    """A real folder (not a symlink to one) owned by this user that nobody else may enter
    or list: a name placed there cannot be planted, squatted or reached by another user."""
    try:
        found = folder.lstat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    owned = getuid is None or found.st_uid == getuid()
    return stat.S_ISDIR(found.st_mode) and owned and found.st_mode & 0o077 == 0


def runtime_dir() -> Path | None:
    """``$XDG_RUNTIME_DIR`` (the user's own folder for sockets, emptied at logout) when it
    is set, absolute and private; None otherwise (macOS, Windows, minimal sessions)."""
    value = os.environ.get("XDG_RUNTIME_DIR", "")
    if not value or not os.path.isabs(value):
        return None
    folder = Path(value)
    return folder if is_private_folder(folder) else None


_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # reconnect_gui/


def resources_dir() -> Path:
    """The ``resources/`` folder, however the app runs.

    Frozen by PyInstaller: inside the bundle (``sys._MEIPASS``). Installed from a
    wheel: ``reconnect_gui/_resources`` (hatchling force-include). From a checkout or
    an editable install: ``resources/`` beside the package.
    """
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError(
        f"{APP_NAME} could not find its resources folder; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def app_icon_files() -> list[Path]:
    """The app icon PNGs, smallest first (the window, taskbar and About dialog use them)."""
    icons = resources_dir() / "icons"
    return sorted(icons.glob(f"{APP_ID}-*.png"), key=app_icon_size)


def app_icon_size(file: Path) -> int:
    """An app icon PNG's size in pixels, from its name: ``reconnect-<size>.png``."""
    return int(file.stem.rsplit("-", 1)[1])
