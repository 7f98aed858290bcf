"""Reconnect never uses the network, and the tests prove it three ways.

1. Our code: no module of the app imports networking code. The sources are read with
   ``ast`` (imports inside functions count too), and every module is imported in a fresh
   interpreter that notes what each of our modules asks for. Qt's local sockets
   (``QLocalServer``/``QLocalSocket``: a socket file, never the network) are the one
   exception, and only ``ui/shell/single_instance.py`` may use them.
2. The test run: tests/helpers/network_guard.py refuses every network call in pytest and in every
   Python process the tests start; here we check that it really does, and that a stray
   call a test swallows still fails the run.
3. The whole app, Qt included: the app (from source, and the frozen binary) starts and the
   command line works inside a network namespace that has no network at all.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import network_guard
from helpers.repo import REPO, app_command

PACKAGE = REPO / "reconnect_gui"
NETWORK_MODULES = (
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "socketserver",
    "xmlrpc",
    "webbrowser",
    "asyncio",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtWebSockets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebView",
    "PySide6.QtWebChannel",
    "PySide6.QtHttpServer",
    "PySide6.QtRemoteObjects",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
)
# A socket file between two copies of the app on this computer (ui/shell/single_instance.py).
LOCAL_IPC = {("PySide6.QtNetwork", "QLocalServer"), ("PySide6.QtNetwork", "QLocalSocket")}


def is_network(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in NETWORK_MODULES)


# ---- 1. our code -------------------------------------------------------------------------


def network_imports(source: str) -> tuple[list[str], list[str]]:
    """(forbidden imports, local-socket imports) in ``source``, as "line: what"."""
    forbidden, local = [], []
    for node in ast.walk(ast.parse(source)):
        found: list[tuple[str, str | None]] = []
        if isinstance(node, ast.Import):
            found = [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found = [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Call) and _imports_by_name(node):
            found = [(node.args[0].value, None)]
        for module, name in found:
            what = f"{node.lineno}: {module}" + (f".{name}" if name else "")
            if (module, name) in LOCAL_IPC:
                local.append(what)
            elif is_network(module) or (name and is_network(f"{module}.{name}")):
                forbidden.append(what)
    return forbidden, local


def _imports_by_name(call: ast.Call) -> bool:
    """``importlib.import_module("…")`` or ``__import__("…")`` with the name written out."""
    called = getattr(call.func, "attr", getattr(call.func, "id", ""))
    return (
        called in ("import_module", "__import__")
        and bool(call.args)
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    )


def test_the_scan_recognises_network_imports_in_any_form() -> None:
    source = """
import socket
import urllib.parse
from urllib import request
from PySide6 import QtNetwork
from PySide6.QtNetwork import QLocalSocket, QNetworkAccessManager
from PySide6.QtCore import QUrl
def later():
    import ssl
    importlib.import_module("http.client")
"""
    forbidden, local = network_imports(source)
    assert forbidden == [
        "2: socket",
        "4: urllib.request",
        "5: PySide6.QtNetwork",
        "6: PySide6.QtNetwork.QNetworkAccessManager",
        "9: ssl",
        "10: http.client",
    ]
    assert local == ["6: PySide6.QtNetwork.QLocalSocket"]


# Imports of network modules that were read and judged local-only, each with its reason.
REVIEWED = {
    # socket.SO_PEERCRED on the single-instance socket's own descriptor: which user is at
    # the other end of a local socket. It opens no connection of its own.
    ("ui/shell/single_instance.py", "socket"),
}


def test_our_code_imports_no_network_code() -> None:
    forbidden, local_users = {}, {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        bad, local = network_imports(path.read_text(encoding="utf-8"))
        bad = [found for found in bad if (name, found.split(": ")[1]) not in REVIEWED]
        if bad:
            forbidden[name] = bad
        if local:
            local_users[name] = local
    assert forbidden == {}
    # Local sockets carry a second launch's arguments to the running copy, nothing else.
    assert list(local_users) == ["ui/shell/single_instance.py"]


PROBE = """
import builtins, importlib, json, pkgutil, sys

asked = []  # (our module, what it imported)
real_import, real_import_module = builtins.__import__, importlib.import_module

def noting_import(name, globals=None, locals=None, fromlist=(), level=0):
    importer = (globals or {}).get("__name__") or ""
    if level == 0 and importer.startswith("reconnect_gui"):
        asked.append((importer, name))
        asked.extend((importer, f"{name}.{item}") for item in fromlist or () if item != "*")
    return real_import(name, globals, locals, fromlist, level)

def noting_import_module(name, package=None):
    importer = sys._getframe(1).f_globals.get("__name__") or ""
    if importer.startswith("reconnect_gui"):
        asked.append((importer, name))
    return real_import_module(name, package)

builtins.__import__, importlib.import_module = noting_import, noting_import_module
import reconnect_gui
names = [m.name for m in pkgutil.walk_packages(reconnect_gui.__path__, "reconnect_gui.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": names, "asked": asked, "loaded": sorted(sys.modules)}))
"""


def test_importing_every_module_brings_in_no_network_code() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, check=True
    )
    found = json.loads(result.stdout)
    assert {"reconnect_gui.ui.shell.single_instance", "reconnect_gui.cli.vault_commands"} <= set(
        found["imported"]
    )
    assert ["reconnect_gui.app", "argparse"] in found["asked"]  # the noting works
    ours = [(importer, name) for importer, name in found["asked"] if is_network(name)]
    assert ours == []
    # Nor does anything we import bring networking in on its own (the keyring reaches
    # the Secret Service over D-Bus only when asked, through a local socket).
    assert [m for m in found["loaded"] if is_network(m)] == []


def test_the_app_opens_only_local_files_in_other_programs() -> None:
    """QDesktopServices.openUrl could open a web page in the browser: only local paths."""
    calls = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "openUrl":
                argument = node.args[0] if node.args else None
                local = (
                    isinstance(argument, ast.Call)
                    and getattr(argument.func, "attr", "") == "fromLocalFile"
                )
                calls.append((path.relative_to(PACKAGE).as_posix(), local))
    assert calls and all(local for _, local in calls), calls


# ---- 2. the guard on the test run -------------------------------------------------------


@pytest.fixture
def own_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Refusals provoked on purpose go to this test's own log, not the session's."""
    log = tmp_path / "refused.log"
    monkeypatch.setenv(network_guard.LOG_ENV, str(log))
    return log


def test_the_guard_refuses_the_network_in_this_process(own_log: Path) -> None:
    with socket.socket() as tcp, pytest.raises(network_guard.NetworkDenied):
        tcp.connect(("127.0.0.1", 9))  # the loopback too: the app has no business there
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as udp:
        with pytest.raises(network_guard.NetworkDenied):
            udp.sendto(b"x", ("2001:db8::1", 53))
        with pytest.raises(network_guard.NetworkDenied):
            udp.bind(("::", 0))  # listening where others could reach
    with pytest.raises(network_guard.NetworkDenied):
        socket.getaddrinfo("example.invalid", 443)
    refused = own_log.read_text()
    assert "socket.connect family=<AddressFamily.AF_INET: 2> address=('127.0.0.1', 9)" in refused
    assert "socket.sendto" in refused and "socket.bind" in refused
    assert "socket.getaddrinfo 'example.invalid'" in refused
    assert "test_no_network.py" in refused  # it names the line that tried


def test_the_guard_lets_local_sockets_through(tmp_path: Path, own_log: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "ipc"))
    server.listen()
    client = socket.socket(socket.AF_UNIX)
    client.connect(str(tmp_path / "ipc"))
    client.close()
    server.close()
    assert not own_log.exists()


STRAY = (
    "import urllib.request\n"
    "try:\n"
    "    urllib.request.urlopen('http://example.invalid/', timeout=1)\n"
    "except Exception:\n"
    "    pass  # swallowed: only the guard's log can tell\n"
)


def test_every_python_the_tests_start_is_guarded(own_log: Path) -> None:
    loud = subprocess.run(
        [sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://x.invalid')"],
        capture_output=True,
        text=True,
    )
    assert loud.returncode != 0 and "NetworkDenied" in loud.stderr
    quiet = subprocess.run([sys.executable, "-c", STRAY], capture_output=True, text=True)
    assert quiet.returncode == 0  # the child swallowed it, yet the log has it
    refused = own_log.read_text()
    assert refused.count("socket.getaddrinfo") == 2
    assert "'example.invalid'" in refused and "'x.invalid'" in refused


NESTED_TESTS = f"""
import subprocess, sys

def test_a_quiet_test():
    assert subprocess.run([sys.executable, "-c", "print('hello')"]).returncode == 0

def test_a_stray_call_in_a_child():
    subprocess.run([sys.executable, "-c", {STRAY!r}], check=True)
"""


def test_a_stray_network_call_fails_the_whole_run(tmp_path: Path) -> None:
    """A pytest run of its own, with the guard plugin: one clean test, one whose child
    process swallows a refused urlopen. The run fails and names the culprit."""
    (tmp_path / "test_nested.py").write_text(NESTED_TESTS)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "tests"), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "helpers.network_guard",
            "-p",
            "no:cacheprovider",
            "--confcutdir",
            str(tmp_path),
            "--rootdir",
            str(tmp_path),
            "-q",
            "test_nested.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "2 passed, 1 error" in result.stdout  # the stray one passed, then errored
    assert "ERROR test_nested.py::test_a_stray_call_in_a_child" in result.stdout
    assert "network access was refused" in result.stdout
    assert "socket.getaddrinfo 'example.invalid'" in result.stdout


# ---- 3. the whole app inside a network namespace -----------------------------------------


@pytest.fixture(scope="module")
def no_network() -> list[str]:
    """The command prefix that runs a program with no network at all: a new, empty
    network namespace (``unshare -n`` as root, ``unshare -rn`` with user namespaces)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare (util-linux) is not installed")
    for prefix in ([unshare, "-n"], [unshare, "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    pytest.skip("this system does not allow a network namespace (unshare -n / -rn)")


def offline(prefix: list[str], command: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [*prefix, *command],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # no D-Bus in here
        },
    )


def test_the_namespace_really_has_no_network(no_network: list[str]) -> None:
    interfaces = offline(no_network, ["cat", "/proc/net/dev"]).stdout
    assert [line.split(":")[0].strip() for line in interfaces.splitlines()[2:]] == ["lo"]
    # -I: without the Python guard, so it is the kernel that says no.
    probe = "import socket; socket.create_connection(('192.0.2.1', 443), timeout=5)"
    result = offline(no_network, [sys.executable, "-I", "-c", probe])
    assert result.returncode != 0 and "Network is unreachable" in result.stderr


def use_the_app_offline(prefix: list[str], app: list[str], tmp_path: Path) -> None:
    """The window paints (--smoke) and the command line keeps a journal, with no network."""
    smoke = offline(prefix, [*app, "--smoke"])
    assert smoke.returncode == 0, smoke.stderr
    assert json.loads(smoke.stdout)["first_paint_ms"] > 0
    secret = tmp_path / "passphrase.txt"
    secret.write_text("a long offline passphrase\n")
    unlock = ["--passphrase-file", str(secret)]
    init = offline(prefix, [*app, "vault", "init", *unlock])
    assert init.returncode == 0, init.stderr
    added = offline(prefix, [*app, "journal", "add", "--title", "Offline", *unlock], "quiet day")
    assert added.returncode == 0, added.stderr
    listed = offline(prefix, [*app, "journal", "list", "--json", *unlock])
    assert listed.returncode == 0, listed.stderr
    assert [entry["title"] for entry in json.loads(listed.stdout)["entries"]] == ["Offline"]


def test_the_app_and_its_command_line_work_with_no_network(
    no_network: list[str], tmp_path: Path
) -> None:
    use_the_app_offline(no_network, app_command(), tmp_path)


@pytest.mark.frozen
def test_the_frozen_app_works_with_no_network(no_network: list[str], tmp_path: Path) -> None:
    from e2e.test_frozen import BINARY

    if not BINARY.exists():
        pytest.fail(f"{BINARY} does not exist: build it with ./dev.sh build")
    use_the_app_offline(no_network, [str(BINARY)], tmp_path)
