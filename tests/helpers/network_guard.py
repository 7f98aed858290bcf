"""No network in the tests: any attempt to reach a host fails the test and the run.

A pytest plugin (tests/conftest.py loads it). For the whole session it installs a Python
audit hook (``sys.addaudithook``) that lets sockets talk only over ``AF_UNIX`` (D-Bus, which
the keyring uses to reach the Secret Service) and refuses every other connect, send, bind
(except to the loopback, which reaches no one) and host-name lookup. A refusal raises
``NetworkDenied`` and also appends a line to a log file, because a caller may swallow the
exception; the test that was running then errors, and the session fails at its end if
anything is in the log.

Every Python process the tests start inherits the guard: the plugin writes a tiny
``sitecustomize.py`` into a folder it puts first on ``PYTHONPATH``, and Python runs that
file at start-up. (A subprocess started with an environment of its own, or with ``-I``/
``-E``/``-S``, is not covered; nor is code that is not Python: Qt's networking, the frozen
binary. tests/test_no_network.py runs those inside a network namespace instead.)

The guard imports nothing itself, so a child process starts as fast as before and its
``sys.modules`` stays as the app left it (tests/test_layering.py reads it).
"""

from __future__ import annotations

import os
import sys

LOG_ENV = "RECONNECT_NETWORK_GUARD_LOG"  # where refusals are written; read at each refusal
AF_UNIX = 1  # the same number on Linux, macOS and Windows; socket itself is not imported
_ADDRESS_EVENTS = ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg")
# Binding to the loopback reaches no one (urllib3 does it at import to see if IPv6 works).
_LOOPBACK = ("127.0.0.1", "::1", "localhost")
_LOOKUP_EVENTS = (
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
)
_INSTALLED = "_reconnect_network_guard"  # marks a process whose hook is already in place

SITECUSTOMIZE = '''\
"""Written by tests/helpers/network_guard.py: every Python the tests start is kept off the network
(and, under faketime, can still sleep: tests/helpers/faketime_sleep.py)."""
for _path in ({path!r}, {sleep_path!r}):
    _module = {{"__name__": "reconnect_test_startup"}}
    with open(_path, encoding="utf-8") as _source:
        exec(compile(_source.read(), _path, "exec"), _module)
    _module["install"]()
del _path, _module, _source
'''


class NetworkDenied(RuntimeError):
    """A test (or a process it started) tried to use the network."""


def install() -> None:
    """Put the audit hook into this process (once; an audit hook cannot be removed)."""
    if getattr(sys, _INSTALLED, False):
        return
    setattr(sys, _INSTALLED, True)
    sys.addaudithook(_audit)


def _audit(event: str, args: tuple) -> None:
    # Called for every audited event in the process: leave the common ones at once.
    if not event.startswith("socket."):
        return
    if event in _ADDRESS_EVENTS:
        family = getattr(args[0], "family", None)
        if family is not None and int(family) == AF_UNIX:
            return
        if event == "socket.bind" and isinstance(args[1], tuple) and args[1][0] in _LOOPBACK:
            return
        _deny(f"{event} family={family!r} address={args[1]!r}")
    elif event in _LOOKUP_EVENTS:
        _deny(f"{event} {args[0]!r}")


def _deny(what: str) -> None:
    log = os.environ.get(LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"pid {os.getpid()} ({sys.argv[0] or '-c'}): {what}\n{_where()}\n")
    raise NetworkDenied(f"the tests run without a network: {what}")


def _where() -> str:
    """The calls that led here, the standard library's own steps left out."""
    stdlib = os.path.dirname(os.__file__) + os.sep
    lines = []
    frame = sys._getframe(3)  # the caller of the audited call (past _where, _deny, _audit)
    while frame is not None and len(lines) < 10:
        code = frame.f_code
        internal = code.co_filename.startswith((stdlib, "<frozen "))
        if not internal or not lines:
            lines.append(f"    {code.co_filename}:{frame.f_lineno} in {code.co_name}")
        frame = frame.f_back
    return "\n".join(lines)


def write_sitecustomize(folder: str) -> str:
    """Write the start-up file that installs the guard; returns the folder for PYTHONPATH."""
    path = os.path.abspath(__file__)
    sleep_path = os.path.join(os.path.dirname(path), "faketime_sleep.py")
    with open(os.path.join(folder, "sitecustomize.py"), "w", encoding="utf-8") as out:
        out.write(SITECUSTOMIZE.format(path=path, sleep_path=sleep_path))
    return folder


def guarded_environment(folder: str, log: str) -> None:
    """Point this process's environment (and so every child's) at the guard and its log."""
    write_sitecustomize(folder)
    os.environ[LOG_ENV] = log
    paths = [folder, *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    # pip (the wheel test runs it) asks PyPI for a newer pip unless told not to.
    os.environ.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")


def refusals(log: str) -> str:
    """Everything refused so far ("" when nothing was)."""
    try:
        with open(log, encoding="utf-8") as source:
            return source.read()
    except FileNotFoundError:
        return ""


# ---- the pytest plugin ------------------------------------------------------------------

# Only inside pytest: a child process runs this file from sitecustomize before anything
# else, and must not pay for importing pytest.
if "pytest" in sys.modules:
    import pytest

    _session: dict[str, str] = {}

    def pytest_configure(config: pytest.Config) -> None:
        import tempfile

        folder = tempfile.mkdtemp(prefix="reconnect-network-guard-")
        log = os.path.join(folder, "refused.log")
        _session.update(folder=folder, log=log)
        guarded_environment(folder, log)
        install()

    @pytest.fixture(autouse=True)
    def _no_network_in_this_test():
        """Blames the test whose code (or child process) tried the network."""
        log = os.environ.get(LOG_ENV, "")
        before = len(refusals(log)) if log else 0
        yield
        if log and len(refusals(log)) > before:
            pytest.fail(
                "network access was refused during this test:\n" + refusals(log)[before:],
                pytrace=False,
            )

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(session: pytest.Session) -> None:
        found = refusals(_session.get("log", ""))
        if found:
            reporter = session.config.pluginmanager.get_plugin("terminalreporter")
            if reporter is not None:
                reporter.section("network access was refused", sep="=", red=True, bold=True)
                reporter.write(found)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_unconfigure(config: pytest.Config) -> None:
        import shutil

        if _session.get("folder"):
            shutil.rmtree(_session["folder"], ignore_errors=True)
