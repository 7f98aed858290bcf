"""Reconnect hidden in the tray for a minute: ``python -m benchmarks.tray [--seconds N]``.

The real app runs from source on a real X server (Xvfb) with a real tray host (trayer),
unlocked by typing its passphrase, with a No-Contact plan and the default reminders; then
Ctrl+W hides the window to the tray. After a short settling pause the benchmark reads,
from /proc, over the measured minute (after a settling minute: drawing the day's icon
leaves Qt's font cache ageing its fonts every 10 s for up to a minute, once a day):

- CPU: user + system time of all the app's threads, as a share of the minute.
  Target ≤ 0.1 %.
- Timer wake-ups: timer events delivered on the GUI thread, logged by
  ``benchmarks/timer_probe.py`` (which starts the app). Target: at most one, the single
  timer aimed at the next reminder, when that falls inside the minute.
- For the record, not judged: context switches of the GUI thread, which also count
  wake-ups that are not timers (the X server, the tray host).

Floor: ``benchmarks/floor_tray.py``, a bare PySide6 app with a tray icon and a window that
painted text once and is now hidden, measured the same way on the same display.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from benchmarks.table import Row, print_table

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "a calm sea at dusk"
# Start-up work done: the tone warm-up (2 s), the 10 s "still here" note, and Qt's font
# cache, which ages the fonts used to draw the day's tray icon for up to a minute after.
SETTLE_S = 65
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
INF = float("inf")  # no ratio to the floor is judged: the limits are absolute


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is needed for the tray benchmark (./dev.sh test installs it)")
    return found


def _wait(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise SystemExit(f"tray benchmark: {what}")


class Desktop:
    """Xvfb and trayer, for the length of the benchmark."""

    def __enter__(self) -> Desktop:
        read_end, write_end = os.pipe()
        self.xvfb = subprocess.Popen(
            [_tool("Xvfb"), "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
             "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            self.display = f":{pipe.readline().strip()}"
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("WAYLAND_DISPLAY", None)
        self.trayer = subprocess.Popen(
            [_tool("trayer"), "--edge", "top", "--align", "right", "--SetDockType", "true"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait(lambda: bool(self.windows("--classname", "^panel$")), "trayer did not start")
        return self

    def __exit__(self, *_exc: object) -> None:
        for process in (self.trayer, self.xvfb):
            process.terminate()
            process.wait(timeout=10)

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            [_tool("xdotool"), *args], env=self.env, capture_output=True, text=True, timeout=20
        )
        return done.stdout.strip()

    def windows(self, *query: str) -> list[str]:
        return self.xdotool("search", "--onlyvisible", *query).split()


def _cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, all threads


def _main_thread_switches(pid: int) -> int:
    counts = {}
    with open(f"/proc/{pid}/task/{pid}/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            counts[name] = value.strip()
    return int(counts["voluntary_ctxt_switches"]) + int(counts["nonvoluntary_ctxt_switches"])


class Idle(NamedTuple):
    cpu_percent: float
    timer_events: int
    switches: int  # the GUI thread's context switches (not judged; see the docstring)
    timers_by_class: dict[str, int]  # which objects the timer events went to


def _measure(pid: int, timer_log: Path, seconds: float) -> Idle:
    ticks, switches, started = _cpu_ticks(pid), _main_thread_switches(pid), time.monotonic()
    time.sleep(seconds)
    ended = time.monotonic()
    cpu_s = (_cpu_ticks(pid) - ticks) / CLOCK_TICKS
    timers = Counter(
        line.split()[1]
        for line in timer_log.read_text(encoding="utf-8").splitlines()
        if started <= float(line.split()[0]) <= ended
    )
    switches = _main_thread_switches(pid) - switches
    return Idle(100 * cpu_s / (ended - started), timers.total(), switches, dict(timers))


def _probed(timer_log: Path, *program: str) -> list[str]:
    return [sys.executable, str(REPO / "benchmarks" / "timer_probe.py"), str(timer_log), *program]


def _app_in_tray(desktop: Desktop, home: Path, seconds: float) -> Idle:
    env = {
        **desktop.env,
        "RECONNECT_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    secret = home / "passphrase"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(PASSPHRASE + "\n")
    since = (datetime.now(UTC) - timedelta(days=12, hours=5)).isoformat(timespec="minutes")
    for args in (
        ("vault", "init", "--passphrase-file", str(secret)),
        ("nocontact", "start", "--since", since, "--passphrase-file", str(secret)),
    ):
        command = [sys.executable, "-m", "reconnect_gui", *args]
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=60)
    timer_log = home / "timers.log"
    app = subprocess.Popen(_probed(timer_log, "-m", "reconnect_gui"), env=env)
    try:
        _wait(lambda: bool(desktop.windows("--name", "Unlock Reconnect")), "no unlock dialog")
        dialog = desktop.windows("--name", "Unlock Reconnect")[0]
        desktop.xdotool("windowfocus", "--sync", dialog)
        desktop.xdotool("type", "--delay", "20", PASSPHRASE)
        desktop.xdotool("key", "Return")
        _wait(lambda: dialog not in desktop.windows("--name", "."), "the vault did not unlock")
        window = desktop.windows("--name", "Countdown — Reconnect")[0]
        desktop.xdotool("windowfocus", "--sync", window)
        desktop.xdotool("key", "ctrl+w")
        _wait(lambda: not desktop.windows("--name", "— Reconnect"), "the window did not hide")
        if app.poll() is not None:
            raise SystemExit("tray benchmark: the app quit instead of staying in the tray")
        time.sleep(SETTLE_S)
        return _measure(app.pid, timer_log, seconds)
    finally:
        app.terminate()
        app.wait(timeout=20)


def _floor_in_tray(desktop: Desktop, home: Path, seconds: float) -> Idle:
    timer_log = home / "floor-timers.log"
    floor = subprocess.Popen(
        _probed(timer_log, str(REPO / "benchmarks" / "floor_tray.py")),
        env=desktop.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert floor.stdout is not None and floor.stdout.readline().strip() == "ready"
        time.sleep(SETTLE_S)
        return _measure(floor.pid, timer_log, seconds)
    finally:
        floor.terminate()
        floor.wait(timeout=20)


def tray_rows(seconds: float = 60) -> list[Row]:
    with Desktop() as desktop, tempfile.TemporaryDirectory(prefix="reconnect-tray-") as home:
        app = _app_in_tray(desktop, Path(home), seconds)
        floor = _floor_in_tray(desktop, Path(home), seconds)
    print(
        f"tray, {seconds:.0f} s: GUI-thread context switches {app.switches} "
        f"(floor {floor.switches}), not judged: the X server and tray host wake it too"
    )
    for name, idle in (("reconnect", app), ("floor", floor)):
        if idle.timers_by_class:
            print(f"tray, {name}'s timer events by receiver: {idle.timers_by_class}")
    label = f"{seconds:.0f} s"
    return [
        Row(f"CPU in tray, {label}", app.cpu_percent, floor.cpu_percent, "%", INF, 0.1),
        Row(f"timer wake-ups, tray {label}", app.timer_events, floor.timer_events, "n", INF, 1),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    rows = tray_rows(parser.parse_args().seconds)
    print_table(rows)
    sys.exit(0 if all(row.ok for row in rows) else 1)
