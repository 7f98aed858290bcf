"""Only a real OS keyring may hold the data key, with keyrings.alt really installed.

keyrings.alt is common on Debian/Ubuntu system Pythons. Without a Secret Service (or with
a keyringrc.cfg choosing it) ``keyring`` then picks its PlaintextKeyring, which writes
secrets base64-encoded into ~/.local/share/python_keyring/keyring_pass.cfg. These tests
build a virtual environment that sees the project's packages plus a real install of
keyrings.alt, and run the real command line in it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from helpers.repo import REPO
from helpers.secret_service import run_in_secret_service

# ./dev.sh test downloads the wheel here, so the tests need no network of their own.
WHEELS = REPO / ".venv" / "test-wheels"
PASSPHRASE = "a quiet evening walk"


@pytest.fixture(scope="module")
def alt_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv's python with keyrings.alt installed and the project's packages visible."""
    venv = tmp_path_factory.mktemp("alt-venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # addsitedir (not a plain path line) so the project's editable-install .pth runs too.
    project_site = sysconfig.get_paths()["purelib"]
    (site / "reconnect-project.pth").write_text(f"import site; site.addsitedir({project_site!r})\n")
    source = ["--no-index", "--find-links", str(WHEELS)] if WHEELS.is_dir() else []
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            *source,
            "keyrings.alt>=5",
        ],
        capture_output=True,
        text=True,
    )
    if install.returncode != 0:
        message = f"could not install keyrings.alt: {install.stderr[-500:]}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return python


def alt_env(home: Path, **extra: str) -> dict[str, str]:
    """No D-Bus session (so no Secret Service) and a home folder of the test's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        **extra,
    )
    return env


def run(python: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), *args], capture_output=True, text=True, env=env, timeout=120,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def backend_of(python: Path, env: dict[str, str]) -> str:
    shown = run(python, env, "-c", "import keyring; print(type(keyring.get_keyring()).__module__)")
    assert shown.returncode == 0, shown.stderr
    return shown.stdout.strip()


def files_under(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_text() for p in folder.rglob("*") if p.is_file()}


def init_and_status(python: Path, env: dict[str, str], home: Path) -> dict[str, object]:
    secret = home / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    data = home / "data"
    made = run(python, env, "-m", "reconnect_gui", "--data-dir", str(data), "vault", "init",
               "--passphrase-file", str(secret))  # fmt: skip
    assert made.returncode == 0, made.stderr
    status = run(python, env, "-m", "reconnect_gui", "--data-dir", str(data), "vault", "status",
                 "--json")  # fmt: skip
    result: dict[str, object] = json.loads(status.stdout)
    return result


@pytest.mark.parametrize("chosen_by", ["priority", "keyringrc.cfg"])
def test_a_file_keyring_never_receives_the_key(
    alt_python: Path, tmp_path: Path, chosen_by: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = alt_env(home)
    if chosen_by == "keyringrc.cfg":
        config = home / ".config" / "python_keyring"
        config.mkdir(parents=True)
        (config / "keyringrc.cfg").write_text(
            "[backend]\ndefault-keyring=keyrings.alt.file.PlaintextKeyring\n"
        )
    # The hazard is real in this venv: keyring itself would use the plain-text file.
    assert backend_of(alt_python, env) == "keyrings.alt.file"

    status = init_and_status(alt_python, env, home)

    assert files_under(home / ".local" / "share" / "python_keyring") == {}
    assert status["state"] == "needs_secret"
    assert status["key_in_keyring"] is False
    assert status["keyring_backend"] == "none"


def test_a_key_left_in_a_file_keyring_by_an_older_version_is_removed(
    alt_python: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = alt_env(home)
    status = init_and_status(alt_python, env, home)
    vault_id = str(status["vault_id"])
    planting = "import keyring, sys; keyring.set_password('reconnect', sys.argv[1], 'A' * 43 + '=')"
    plant = run(alt_python, env, "-c", planting, vault_id)
    assert plant.returncode == 0, plant.stderr
    assert vault_id in str(files_under(home / ".local" / "share" / "python_keyring"))

    recover = subprocess.run(
        [str(alt_python), "-m", "reconnect_gui", "--data-dir", str(home / "data"), "vault",
         "recover", "--recovery-code-file", str(home / "passphrase.txt")],
        capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip

    assert recover.returncode != 0 or "keyring" in recover.stderr
    assert vault_id not in str(files_under(home / ".local" / "share" / "python_keyring"))


def test_with_a_secret_service_the_key_goes_there_and_not_to_the_file(
    alt_python: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "passphrase.txt").write_text(PASSPHRASE + "\n")
    out = run_in_secret_service(
        tmp_path,
        """
step init;   "$ALT" -m reconnect_gui --data-dir "$DATA" vault init --passphrase-file "$SECRET"
step status; "$ALT" -m reconnect_gui --data-dir "$DATA" vault status --json
step search; secret-tool search --all service reconnect 2>&1
""",
        ALT=str(alt_python),
        DATA=str(home / "data"),
        SECRET=str(home / "passphrase.txt"),
        HOME=str(home),
    )
    status = json.loads(out["status"])
    assert status["key_in_keyring"] is True
    assert status["keyring_backend"] == "SecretService Keyring"
    assert "service = reconnect" in out["search"]
    assert files_under(home / ".local" / "share" / "python_keyring") == {}
