"""Time to the day count: from launch to the unlocked home screen painting "Day N", with
the key in a real Secret Service (gnome-keyring in its own D-Bus session), against a bare
PySide6 window's first paint (benchmarks/floor_window.py) in the same run. Target ≤ 2×.

What the person waits for is not the first frame but their day count: the keyring lookup,
opening the vault and building the home screen all come after the first frame.

``python -m benchmarks.day_count [--runs N]`` prints the row; ``day_count_rows`` gives it
to ``python -m benchmarks``. Inside the session, ``--inner`` sets up a vault with a
No-Contact plan and alternates app and floor runs; ``--probe`` is one app run.

The probe runs the real app (``python -m reconnect_gui``) and notices the ring's first
paint that shows a day through an import hook on the ring's module: no event filter on
the whole app, whose per-event Python calls would slow the app it measures.
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.machinery
import json
import os
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks import compile_app
from benchmarks.table import Row

REPO = Path(__file__).resolve().parent.parent
RING_MODULE = "reconnect_gui.ui.countdown.ring"
DAYS_WITHOUT_CONTACT = 12
TIMEOUT_S = 60

PRELUDE = """
set -e
eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"""


# ---- one app run: report when the ring first paints a day ---------------------------------


def _elapsed_ms() -> float:
    return (time.monotonic_ns() - int(os.environ["RECONNECT_SPAWN_MONOTONIC_NS"])) / 1e6


def _watch_ring(ring_class: type) -> None:
    """Report the ring's first paint that shows a day (the day count: at start-up that may
    be the key-prefetch child's preview) and the first by the home screen's own ring, which
    has the plan from the vault the app opened (the whole home), then end the run."""
    original = ring_class.paintEvent
    figures: dict[str, object] = {}
    seen: set[str] = set()

    def paint_event(self, event) -> None:  # type: ignore[no-untyped-def]
        original(self, event)
        view = self.view
        figure = "home_ms" if self._plan is not None else "day_count_ms"
        if view is None or figure in seen:
            return
        seen.add(figure)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def report() -> None:  # after the whole paint pass, as the first-paint probe does
            figures.setdefault("day_count_ms", round(_elapsed_ms(), 1))  # perhaps the home's
            figures.setdefault("day", view.day)
            if figure == "home_ms":
                figures["home_ms"] = round(_elapsed_ms(), 1)
                print(json.dumps(figures), flush=True)
                QApplication.instance().exit(0)

        QTimer.singleShot(0, report)

    ring_class.paintEvent = paint_event


class _RingHook(importlib.abc.MetaPathFinder):
    """Patches the ring class the moment its module has loaded; passes on everything else."""

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != RING_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run_module = loader.exec_module

        def exec_module(module) -> None:  # type: ignore[no-untyped-def]
            run_module(module)
            _watch_ring(module.CountdownRing)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def probe() -> None:
    sys.meta_path.insert(0, _RingHook())
    sys.argv = ["reconnect"]
    runpy.run_module("reconnect_gui", run_name="__main__", alter_sys=True)


# ---- inside the Secret Service session: a vault, then alternating runs ---------------------


def _run_json(command: list[str], env: dict[str, str]) -> dict[str, float]:
    env = {**env, "RECONNECT_SPAWN_MONOTONIC_NS": str(time.monotonic_ns())}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    if result.returncode != 0:
        raise SystemExit(f"{command} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def inner(runs: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cli = [sys.executable, "-m", "reconnect_gui"]
    code = Path(env["RECONNECT_HOME"]) / "recovery-code.txt"
    since = (datetime.now(UTC) - timedelta(days=DAYS_WITHOUT_CONTACT, hours=3)).isoformat(
        timespec="minutes"
    )
    for args in (
        ["vault", "init", "--recovery-code-file", str(code)],
        ["nocontact", "start", "--since", since],
    ):
        subprocess.run(cli + args, env=env, check=True, capture_output=True, timeout=TIMEOUT_S)
    app = [sys.executable, "-m", "benchmarks.day_count", "--probe"]
    floor = [sys.executable, str(REPO / "benchmarks" / "floor_window.py")]
    _run_json(app, env)  # warm the file cache and .pyc files once
    _run_json(floor, env)
    app_ms, home_ms, floor_ms, days = [], [], [], set()
    for _ in range(runs):
        figures = _run_json(app, env)
        app_ms.append(figures["day_count_ms"])
        home_ms.append(figures["home_ms"])
        days.add(figures["day"])
        floor_ms.append(_run_json(floor, env)["first_paint_ms"])
    result = {
        "day_count_ms": statistics.median(app_ms),
        "home_ms": statistics.median(home_ms),
        "floor_first_paint_ms": statistics.median(floor_ms),
        "days": sorted(days),
        "app_runs": app_ms,
        "home_runs": home_ms,
        "floor_runs": floor_ms,
    }
    print(json.dumps(result), flush=True)


# ---- the row --------------------------------------------------------------------------------


def measure(runs: int) -> dict[str, object]:
    compile_app()
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (./dev.sh test installs it)")
    with tempfile.TemporaryDirectory(prefix="reconnect-daycount-") as tmp:
        folder = Path(tmp)
        for name in ("home", "keyring-data", "keyring-cache"):
            (folder / name).mkdir()
        env = dict(os.environ)
        for var in (
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "PYTHON_KEYRING_BACKEND",
            "GNOME_KEYRING_CONTROL",
        ):
            env.pop(var, None)  # no display: gnome-keyring must never show a prompt
        env.update(
            RECONNECT_HOME=str(folder / "home"),
            XDG_DATA_HOME=str(folder / "keyring-data"),
            XDG_CACHE_HOME=str(folder / "keyring-cache"),
            PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        )
        script = PRELUDE + f'"{sys.executable}" -m benchmarks.day_count --inner {runs}\n'
        done = subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", script],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S * (2 * runs + 4),
            stdin=subprocess.DEVNULL,
        )
        if done.returncode != 0:
            raise SystemExit(f"the day-count benchmark failed:\n{done.stderr[-2000:]}")
        figures: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return figures


def _rows(figures: dict[str, object]) -> list[Row]:
    floor = float(figures["floor_first_paint_ms"])  # type: ignore[arg-type]
    return [
        Row("time to day count", float(figures["day_count_ms"]), floor, "ms", 2.0),  # type: ignore[arg-type]
        # No target of its own: the rest of the home screen, with the vault open in the app.
        Row("time to the whole home", float(figures["home_ms"]), floor, "ms", float("inf")),  # type: ignore[arg-type]
    ]


def day_count_rows(runs: int = 9) -> list[Row]:
    return _rows(measure(runs))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.day_count")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--inner", type=int, metavar="RUNS", help=argparse.SUPPRESS)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe()
        return 0
    if args.inner:
        inner(args.inner)
        return 0
    from benchmarks.table import print_table

    figures = measure(args.runs)
    print(json.dumps(figures), file=sys.stderr)
    rows = _rows(figures)
    print_table(rows)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
