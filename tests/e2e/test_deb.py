"""The built onedir runs on older distributions, and its .deb installs, starts from its
desktop entry and removes cleanly (build first: ./dev.sh package does both)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from e2e.desktop import desktop_env, wait_for_window, xdotool, xvfb_display
from helpers.repo import REPO, require_tool
from reconnect_gui import __version__

pytestmark = pytest.mark.frozen

DIST = REPO / "dist"
ONEDIR = DIST / "reconnect"
DEB = DIST / f"reconnect_{__version__}_amd64.deb"
# Ubuntu 22.04 LTS, the oldest system we promise, has glibc 2.35.
GLIBC_FLOOR = (2, 35)


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


@pytest.fixture(scope="module")
def onedir() -> Path:
    if not (ONEDIR / "reconnect").exists():
        pytest.fail(f"{ONEDIR} does not exist: build it with ./dev.sh build")
    return ONEDIR


def test_no_bundled_file_needs_a_glibc_newer_than_2_35(onedir: Path) -> None:
    objdump = require_tool("objdump")
    too_new = {}
    files = elf_files(onedir)
    assert len(files) > 50, "the onedir's programs and libraries"
    for path in files:
        symbols = subprocess.run(
            [objdump, "-T", str(path)], capture_output=True, text=True, check=True
        ).stdout
        versions = {
            tuple(int(part) for part in found.split("."))
            for found in re.findall(r"\bGLIBC_(\d+\.\d+(?:\.\d+)?)", symbols)
        }
        newest = max(versions, default=(0,))
        if newest > GLIBC_FLOOR:
            too_new[str(path.relative_to(onedir))] = ".".join(map(str, newest))
    assert not too_new, f"needs a glibc newer than 2.35: {too_new}"


def test_the_deb_depends_on_every_library_the_bundle_takes_from_the_system(onedir: Path) -> None:
    """Each library a bundled file links to but the bundle does not carry comes from a
    package the .deb's Depends names (looked up on this Debian build host with dpkg -S)."""
    objdump = require_tool("objdump")
    shipped = {p.name for p in onedir.rglob("*.so*")}
    needed: set[str] = set()
    for path in elf_files(onedir):
        headers = subprocess.run(
            [objdump, "-p", str(path)], capture_output=True, text=True, check=True
        ).stdout
        needed |= set(re.findall(r"^\s*NEEDED\s+(\S+)$", headers, re.MULTILINE))
    from_system = sorted(needed - shipped)
    assert "libstdc++.so.6" in from_system and "libexpat.so.1" in from_system

    depends = subprocess.run(
        ["dpkg-deb", "--field", str(DEB), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    declared = {part.split()[0] for part in depends.split(",")}
    missing = {}
    for library in from_system:
        owners = subprocess.run(
            ["dpkg-query", "--search", f"*/{library}"], capture_output=True, text=True
        ).stdout
        packages = {line.split(":")[0] for line in owners.splitlines() if ":" in line}
        if not packages & declared:
            missing[library] = sorted(packages)
    assert not missing, f"libraries whose package Depends does not name: {missing}"


def run_as_root(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def apt_get(*args: str) -> subprocess.CompletedProcess:
    # Another apt or dpkg run on the machine holds the lock for a while: wait for it.
    return run_as_root(
        "apt-get", "-o", "DPkg::Lock::Timeout=300", "-y", "-q", "--no-install-recommends", *args
    )


def test_the_deb_installs_starts_from_its_desktop_entry_and_removes_cleanly(
    tmp_path: Path, isolated_home: Path
) -> None:
    if os.geteuid() != 0:
        message = "installing a .deb needs root (CI runs as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if not DEB.exists():
        pytest.fail(f"{DEB} does not exist: build it with ./dev.sh build")
    gio = require_tool("gio")
    if Path("/opt/reconnect").exists():
        pytest.fail("/opt/reconnect exists already: remove the installed reconnect first")

    installed = apt_get("install", str(DEB))
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        entry = Path("/usr/share/applications/reconnect.desktop")
        assert entry.is_file()
        assert Path("/usr/share/metainfo/app.reconnect.Reconnect.metainfo.xml").is_file()
        assert Path("/usr/share/icons/hicolor/256x256/apps/reconnect.png").is_file()
        assert Path("/usr/bin/reconnect").resolve() == Path("/opt/reconnect/reconnect")

        # Started as a desktop does it: the entry's Exec (reconnect, found on the PATH)
        # opens a first-start window whose class is the entry's StartupWMClass.
        with xvfb_display() as display:
            env = desktop_env(display)
            # (The app inherits gio's output, so it goes to a file, not a pipe held open.)
            with (tmp_path / "gio.txt").open("w") as output:
                launched = subprocess.run(
                    [gio, "launch", str(entry)], env=env, stdout=output, stderr=output, timeout=60
                )
            assert launched.returncode == 0, (tmp_path / "gio.txt").read_text()
            window = wait_for_window(display, "Set up Reconnect", timeout=60)
            pid = int(xdotool(display, "getwindowpid", window).strip())
            assert Path(f"/proc/{pid}/exe").resolve() == Path("/opt/reconnect/reconnect")
            xprop = subprocess.run(
                [require_tool("xprop"), "-id", window, "WM_CLASS"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            assert '"reconnect", "Reconnect"' in xprop
            os.kill(pid, 15)
            for _ in range(100):
                if not Path(f"/proc/{pid}").exists():
                    break
                subprocess.run(["sleep", "0.1"], check=True)

        smoke = subprocess.run(
            ["reconnect", "--smoke"],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert smoke.returncode == 0, smoke.stderr
        assert json.loads(smoke.stdout)["first_paint_ms"] > 0
    finally:
        removed = apt_get("remove", "reconnect")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not Path("/usr/bin/reconnect").exists()
    assert not Path("/usr/share/applications/reconnect.desktop").exists()
    left = list(Path("/opt/reconnect").rglob("*")) if Path("/opt/reconnect").exists() else []
    assert left == [], f"left under /opt/reconnect: {left[:10]}"
    status = run_as_root("dpkg-query", "--show", "--showformat=${Status}", "reconnect")
    assert "installed" not in status.stdout.replace("not-installed", "")


def test_the_tarball_installs_the_real_app_for_one_user(tmp_path: Path) -> None:
    tarball = DIST / f"reconnect-{__version__}-linux-x86_64.tar.gz"
    if not tarball.exists():
        pytest.fail(f"{tarball} does not exist: build it with ./dev.sh build")
    subprocess.run(["tar", "xzf", str(tarball), "-C", str(tmp_path)], check=True)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "QT_QPA_PLATFORM": "offscreen"}
    folder = tmp_path / f"reconnect-{__version__}"
    subprocess.run([str(folder / "install.sh")], env=env, check=True, capture_output=True)
    version = subprocess.run(
        [str(home / ".local" / "bin" / "reconnect"), "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert version.stdout.strip() == f"Reconnect {__version__}", version.stderr
