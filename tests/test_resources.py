"""The bundled resources: icons in every size a desktop asks for, the .desktop file,
and the resources folder found from an installed wheel."""

from __future__ import annotations

import configparser
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtGui import QImage

from helpers.repo import REPO
from reconnect_gui.system.paths import app_icon_files, resources_dir

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_png_icons_have_the_size_their_name_says() -> None:
    for file in app_icon_files():
        size = int(file.stem.rsplit("-", 1)[1])
        image = QImage(str(file))
        assert (image.width(), image.height()) == (size, size), file.name
        assert image.hasAlphaChannel()


def test_windows_ico_holds_sizes_16_to_256() -> None:
    data = (resources_dir() / "icons" / "reconnect.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height, *_rest, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert width == height
        sizes.add(width or 256)  # 0 means 256 in the ICO header
        assert data[offset : offset + 8] == PNG_SIGNATURE
        assert offset + length <= len(data)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icns_is_well_formed() -> None:
    data = (resources_dir() / "icons" / "reconnect.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    position, kinds = 8, []
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack_from(">I", data, position + 4)[0],
        )
        assert data[position + 8 : position + 16] == PNG_SIGNATURE
        kinds.append(kind)
        position += length
    assert position == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_desktop_file_launches_reconnect_with_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(resources_dir() / "reconnect.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Reconnect"
    assert entry["Exec"].split()[0] == "reconnect"
    assert entry["Icon"] == "reconnect"
    assert entry["Terminal"] == "false"


def test_resources_travel_inside_the_wheel(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("reconnect_gui-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "import reconnect_gui, reconnect_gui.system.paths as p; print(reconnect_gui.__file__); "
        "print(p.resources_dir()); print(len(p.app_icon_files()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    package_file, resources, icon_count = result.stdout.split("\n")[:3]
    assert Path(package_file).is_relative_to(site)
    assert Path(resources) == site / "reconnect_gui" / "_resources"
    assert int(icon_count) == 10  # the hicolor sizes, 16 to 512
