"""The PyInstaller binary in dist/ (build it first: ./dev.sh package does both)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from e2e.desktop import desktop_env, xvfb_display
from helpers.repo import REPO

pytestmark = pytest.mark.frozen

BINARY = Path(os.environ.get("RECONNECT_BINARY", REPO / "dist" / "reconnect" / "reconnect"))


@pytest.fixture(scope="module")
def binary() -> Path:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} does not exist: build it with ./dev.sh build")
    return BINARY


def run(binary: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(binary), *args],
        env=env or {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version(binary: Path) -> None:
    result = run(binary, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Reconnect ")


def test_unknown_argument_exits_2(binary: Path) -> None:
    assert run(binary, "--bogus").returncode == 2


def test_smoke_offscreen(binary: Path) -> None:
    result = run(binary, "--smoke")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["first_paint_ms"] > 0


def test_smoke_on_a_real_x_server(binary: Path) -> None:
    with xvfb_display() as display:
        result = run(binary, "--smoke", env=desktop_env(display))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["first_paint_ms"] > 0


def test_bundle_carries_resources_and_keyring_backends_but_no_gtk(binary: Path) -> None:
    bundle = binary.parent
    internal = bundle / "_internal"
    assert (internal / "resources" / "icons" / "reconnect-256.png").is_file()
    assert (internal / "resources" / "reconnect.desktop").is_file()
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt")), "keyring metadata"
    names = {p.name for p in bundle.rglob("*")}
    assert not any(n.startswith(("libgtk-3", "libqgtk3")) for n in names)
    assert not any(n.endswith(".qm") for n in names), "Qt translations are not used"


def test_the_frozen_app_uses_the_real_keyring(binary: Path, tmp_path: Path) -> None:
    from helpers.secret_service import run_in_secret_service

    script = r"""
step init;    "$BIN" vault init >/dev/null; echo "rc=$?"
step status;  "$BIN" vault status --json
step add;     echo "kept" | "$BIN" journal add --title "frozen"
step list;    "$BIN" journal list --json
step backup;  printf 'pass phrase\n' > "$PASS"
              "$BIN" backup create "$OUT" --passphrase-file "$PASS"
"""
    out = run_in_secret_service(
        tmp_path,
        script,
        BIN=str(binary),
        RECONNECT_HOME=str(tmp_path / "home"),
        PASS=str(tmp_path / "pass.txt"),
        OUT=str(tmp_path / "backup.age"),
    )
    assert out["init"].strip() == "rc=0"
    status = json.loads(out["status"])
    assert status["keyring_backend"] == "SecretService Keyring" and status["state"] == "ready"
    assert [e["title"] for e in json.loads(out["list"])["entries"]] == ["frozen"]
    assert (tmp_path / "backup.age").read_bytes().startswith(b"age-encryption.org/v1")


def test_the_frozen_tone_check_uses_the_learned_layer(binary: Path) -> None:
    internal = binary.parent / "_internal"
    assert (internal / "resources" / "tone" / "tone_model.json.gz").is_file()
    assert (internal / "resources" / "support" / "helplines.json").is_file()
    names = {p.name for p in internal.iterdir()}
    assert not names & {"sklearn", "scipy", "numpy"}, "training tools are not bundled"
    result = subprocess.run(
        [str(binary), "check", "--json", "-"],
        input="so you're just going to ignore me then",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert "double_text.learned" in {f["rule_id"] for f in report["findings"]}
