"""Build the Linux packages from the PyInstaller onedir (run by `./dev.sh build`).

    python packaging/make_packages.py [dist]   # default: dist/ next to this folder

From dist/reconnect/ it writes, next to it:

- dist/reconnect_<version>_amd64.deb: the onedir under /opt/reconnect, the command
  /usr/bin/reconnect (a symlink: the PyInstaller bootloader finds its _internal folder
  through /proc/self/exe, so a link works), the desktop entry, the hicolor icons and the
  AppStream metainfo. Built with plain `dpkg-deb --root-owner-group`: no debhelper, no
  maintainer scripts (dpkg's triggers refresh the icon cache and the desktop database).
- dist/reconnect-<version>-linux-x86_64.tar.gz: the onedir as it is (it runs in place) plus
  install.sh and the same desktop files under share/, for people who cannot use a .deb.

An AppImage is not built: its runtime cannot be fetched offline here (see the README).
Only the standard library is used, so any Python 3.11 runs this.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
APP_ID = "reconnect"  # the command, the desktop entry and the icon name
METAINFO_ID = "app.reconnect.Reconnect"  # the AppStream id (reverse domain name)
INSTALL_DIR = "/opt/reconnect"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 96, 128, 256, 512)

# What the bundle takes from the system rather than carrying it. Checked against the real
# onedir by tests/e2e/test_deb.py (every library it links to and does not carry comes from
# one of these). Floors are those of Ubuntu 22.04 LTS, the oldest system we promise:
# - libc6 (>= 2.35): no bundled file needs a newer GLIBC_ symbol (the same test checks).
# - libstdc++6 (>= 11): build.spec leaves the build host's copy out (it needs glibc 2.36);
#   the bundled Qt needs at most GLIBCXX_3.4.29, which GCC 11's library has.
# - libexpat1: left out for the same reason; fontconfig and D-Bus use it.
# - libxcb1, libwayland-*: PyInstaller never bundles these; Qt's xcb and Wayland plugins
#   link them.
# - The rest are ./dev.sh's RUN_PACKAGES, the libraries Qt's xcb plugin needs on a desktop.
DEPENDS = (
    "libc6 (>= 2.35)",
    "libstdc++6 (>= 11)",
    "libgcc-s1",
    "libexpat1",
    "libxcb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-xinerama0",
    "libxcb-image0",
    "libxkbcommon-x11-0",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
)

DESCRIPTION = """\
A calm companion for the weeks after a breakup
 Reconnect helps you keep No Contact one day at a time, think twice before you
 send a message, and write down how you feel in a journal that stays on your
 computer, encrypted. It never connects to the internet."""


def read_version() -> str:
    """``__version__`` from reconnect_gui/__init__.py, parsed, not imported."""
    tree = ast.parse((ROOT / "reconnect_gui" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit("make_packages: no __version__ in reconnect_gui/__init__.py")


def stage_desktop_files(share: Path) -> None:
    """The desktop entry, icons and metainfo under ``share`` (usr/share or ~/.local/share)."""
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(RESOURCES / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(RESOURCES / "icons" / f"{APP_ID}-{size}.png", folder / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(RESOURCES / "icons" / f"{APP_ID}.svg", scalable / f"{APP_ID}.svg")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    metainfo = f"{METAINFO_ID}.metainfo.xml"
    shutil.copy2(RESOURCES / metainfo, share / "metainfo" / metainfo)


def normalise_modes(folder: Path) -> None:
    """rwxr-xr-x for folders and programs, rw-r--r-- for the rest, whatever the umask was."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


def installed_size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024 + 1


def build_deb(onedir: Path, out_dir: Path, version: str) -> Path:
    """dist/reconnect_<version>_amd64.deb from the onedir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{APP_ID}_{version}_amd64.deb"
    with tempfile.TemporaryDirectory(prefix="reconnect-deb-") as temp:
        root = Path(temp) / "root"
        shutil.copytree(onedir, root / INSTALL_DIR.lstrip("/"), symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / APP_ID).symlink_to(f"{INSTALL_DIR}/{APP_ID}")
        stage_desktop_files(root / "usr" / "share")
        normalise_modes(root)
        control = root / "DEBIAN" / "control"
        control.parent.mkdir(mode=0o755)
        control.write_text(
            f"Package: {APP_ID}\n"
            f"Version: {version}\n"
            "Architecture: amd64\n"
            "Maintainer: The Reconnect team <noreply@reconnect.invalid>\n"
            f"Installed-Size: {installed_size_kib(root)}\n"
            f"Depends: {', '.join(DEPENDS)}\n"
            "Section: utils\n"
            "Priority: optional\n"
            f"Description: {DESCRIPTION}\n",
            encoding="utf-8",
        )
        control.chmod(0o644)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def build_tarball(onedir: Path, out_dir: Path, version: str) -> Path:
    """dist/reconnect-<version>-linux-x86_64.tar.gz: reconnect-<version>/ holding the onedir's
    files (./reconnect runs in place), install.sh, and share/ for the desktop files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    top = f"{APP_ID}-{version}"
    tarball = out_dir / f"{top}-linux-x86_64.tar.gz"
    with tempfile.TemporaryDirectory(prefix="reconnect-tar-") as temp:
        folder = Path(temp) / top
        shutil.copytree(onedir, folder, symlinks=True)
        shutil.copy2(ROOT / "packaging" / "install.sh", folder / "install.sh")
        (folder / "install.sh").chmod(0o755)
        stage_desktop_files(folder / "share")
        normalise_modes(folder)

        def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            return info

        with tarfile.open(tarball, "w:gz", compresslevel=9) as archive:
            archive.add(folder, arcname=top, filter=as_root)
    return tarball


def main(argv: list[str]) -> int:
    dist = Path(argv[0]) if argv else ROOT / "dist"
    onedir = dist / APP_ID
    if not (onedir / APP_ID).is_file():
        print(f"make_packages: {onedir / APP_ID} is missing: run ./dev.sh build", file=sys.stderr)
        return 1
    version = read_version()
    for made in (build_deb(onedir, dist, version), build_tarball(onedir, dist, version)):
        print(f"make_packages: wrote {made} ({os.path.getsize(made) / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
