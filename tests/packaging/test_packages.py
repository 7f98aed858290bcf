"""The Linux packages `./dev.sh build` makes next to the onedir (packaging/make_packages.py):
the Debian package and the portable tarball with its install.sh, built here from a small
stand-in onedir so the normal suite checks them in seconds; the real onedir is checked by
tests/e2e/test_deb.py (`./dev.sh package`)."""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from helpers.repo import REPO, require_tool
from reconnect_gui import __version__

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 96, 128, 256, 512)
METAINFO = REPO / "resources" / "app.reconnect.Reconnect.metainfo.xml"


@pytest.fixture
def make_packages():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_packages", REPO / "packaging" / "make_packages.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def onedir(tmp_path: Path) -> Path:
    """A stand-in for dist/reconnect: an executable that writes down how it was called."""
    folder = tmp_path / "dist" / "reconnect"
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "library.txt").write_text("bundled\n")
    program = folder / "reconnect"
    program.write_text(
        '#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "$RECONNECT_STANDIN_LOG"\n', encoding="utf-8"
    )
    program.chmod(0o755)
    return folder


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    tool = require_tool("appstreamcli")
    result = run(tool, "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert '<launchable type="desktop-id">reconnect.desktop</launchable>' in text
    assert f'<release version="{__version__}"' in text, "the newest release is this version"


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    tool = require_tool("desktop-file-validate")
    result = run(tool, str(REPO / "resources" / "reconnect.desktop"))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_icons_exist_at_every_hicolor_size() -> None:
    icons = REPO / "resources" / "icons"
    missing = [size for size in HICOLOR_SIZES if not (icons / f"reconnect-{size}.png").is_file()]
    assert not missing
    assert (icons / "reconnect.svg").is_file()


def test_the_deb_holds_the_onedir_the_command_the_entry_icons_and_metainfo(
    make_packages, onedir: Path, tmp_path: Path
) -> None:
    require_tool("dpkg-deb")
    deb = make_packages.build_deb(onedir, tmp_path / "out", __version__)
    assert deb.name == f"reconnect_{__version__}_amd64.deb"

    listing = run("dpkg-deb", "--contents", str(deb), check=True).stdout.splitlines()
    entries = {line.split()[5].removeprefix("."): line for line in listing}
    assert all(line.split()[1] == "root/root" for line in listing), "owned by root"
    assert entries["/opt/reconnect/reconnect"].startswith("-rwxr-xr-x")
    assert "/opt/reconnect/_internal/library.txt" in entries
    assert entries["/usr/bin/reconnect"].endswith("-> /opt/reconnect/reconnect")
    assert "/usr/share/applications/reconnect.desktop" in entries
    for size in HICOLOR_SIZES:
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/reconnect.png" in entries
    assert "/usr/share/icons/hicolor/scalable/apps/reconnect.svg" in entries
    assert "/usr/share/metainfo/app.reconnect.Reconnect.metainfo.xml" in entries

    fields = {
        name: run("dpkg-deb", "--field", str(deb), name, check=True).stdout.strip()
        for name in ("Package", "Version", "Architecture", "Depends")
    }
    assert fields["Package"] == "reconnect"
    assert fields["Version"] == __version__
    assert fields["Architecture"] == "amd64"
    depends = [part.strip() for part in fields["Depends"].split(",")]
    assert "libc6 (>= 2.35)" in depends
    names = {part.split()[0] for part in depends}
    run_packages = set(
        (REPO / "dev.sh").read_text().split("RUN_PACKAGES=(")[1].split(")")[0].split()
    )
    assert {"libstdc++6", "libexpat1", "libxcb1", *run_packages} <= names

    # The unpacked entry as the system would install it, checked by the standard validator.
    unpacked = tmp_path / "unpacked"
    run("dpkg-deb", "--extract", str(deb), str(unpacked), check=True)
    validate = require_tool("desktop-file-validate")
    entry = unpacked / "usr/share/applications/reconnect.desktop"
    assert run(validate, str(entry)).returncode == 0


def test_the_tarball_installs_for_one_user_and_uninstalls(
    make_packages, onedir: Path, tmp_path: Path
) -> None:
    tarball = make_packages.build_tarball(onedir, tmp_path / "out", __version__)
    assert tarball.name == f"reconnect-{__version__}-linux-x86_64.tar.gz"
    with tarfile.open(tarball) as archive:
        archive.extractall(tmp_path / "download", filter="tar")
    folder = tmp_path / "download" / f"reconnect-{__version__}"
    assert os.access(folder / "reconnect", os.X_OK), "runs in place, too"

    home = tmp_path / "a home"  # a space in the path, as some people have
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    installed = run(str(folder / "install.sh"), env=env)
    assert installed.returncode == 0, installed.stderr

    share = home / ".local" / "share"
    program = home / ".local" / "opt" / "reconnect" / "reconnect"
    launcher = home / ".local" / "bin" / "reconnect"
    entry = share / "applications" / "reconnect.desktop"
    assert program.is_file() and os.access(program, os.X_OK)
    assert launcher.resolve() == program.resolve()
    for size in HICOLOR_SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/reconnect.png").is_file()
    assert (share / "icons/hicolor/scalable/apps/reconnect.svg").is_file()
    assert (share / "metainfo/app.reconnect.Reconnect.metainfo.xml").is_file()
    validated = run(require_tool("desktop-file-validate"), str(entry))
    assert validated.returncode == 0 and not validated.stdout.strip(), validated.stdout

    # The entry starts the installed copy (its Exec is a full path: ~/.local/bin is not on
    # every desktop session's PATH), and the launcher does too.
    log = tmp_path / "called.txt"
    launched = run(
        require_tool("gio"), "launch", str(entry), env={**env, "RECONNECT_STANDIN_LOG": str(log)}
    )
    assert launched.returncode == 0, launched.stderr
    for _ in range(100):
        if log.exists():
            break
        subprocess.run(["sleep", "0.1"], check=True)
    assert log.read_text().splitlines() == [str(program)]
    run(str(launcher), "--version", env={**env, "RECONNECT_STANDIN_LOG": str(log)}, check=True)
    assert log.read_text().splitlines()[1:] == ["--version"]

    # Installing again (an update) is fine; uninstalling removes every file it put there.
    assert run(str(folder / "install.sh"), env=env).returncode == 0
    removed = run(str(folder / "install.sh"), "--uninstall", env=env)
    assert removed.returncode == 0, removed.stderr
    # (The desktop's shared indexes may stay: they list every app in the folder, not ours.)
    shared = {"mimeinfo.cache", "icon-theme.cache"}
    left = [p for p in home.rglob("*") if (p.is_file() or p.is_symlink()) and p.name not in shared]
    assert left == [], left


def test_the_readme_installs_the_packages_this_version_builds() -> None:
    """The install section names the files `./dev.sh build` makes for this version (so a new
    version number reminds whoever bumps it), the tarball's uninstall, and building from
    source, and says why there is no AppImage."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Install on Linux", 1)[1].split("\n## ", 1)[0]
    assert f"sudo apt install ./reconnect_{__version__}_amd64.deb" in section
    assert "sudo apt remove reconnect" in section
    assert f"tar xzf reconnect-{__version__}-linux-x86_64.tar.gz" in section
    assert "./install.sh --uninstall" in section
    assert "./dev.sh build" in section and "./dev.sh start" in section
    assert "AppImage" in section
