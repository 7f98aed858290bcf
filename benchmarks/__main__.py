"""Run every benchmark and print one table: ``python -m benchmarks [--runs N] [--no-frozen]``.

Start-up: time to first paint and peak RSS of ``reconnect --smoke`` against a
bare PySide6 window (benchmarks/floor_window.py, the floor), from source and from the
PyInstaller onedir, and the onedir's size against the floor's onedir built with the same
build.spec. Time to the day count (benchmarks/day_count.py): from launch to the unlocked
home screen painting "Day N" with the key in a real Secret Service, against the floor's
first paint in the same run (≤ 2×). Runs alternate between app and floor so machine
load hits both alike; the median is reported.

Vault (benchmarks/vault.py): with 10,000 entries of ~2 KB, unlock-and-list, search and
saving one entry against raw sqlite3 + AESGCM doing the same work.

Countdown (benchmarks/countdown.py): painting the home screen's ring (≤ 2 ms) and its
timer wake-ups while the window is hidden (0).

Tray (benchmarks/tray.py): the real app hidden in the tray of a real X server for a
minute: CPU (≤ 0.1 %) and timer wake-ups (at most the one aimed at the next reminder).

Tone (benchmarks/tone.py): precision and recall on the evaluation set (≥ 0.9 each; the
held-out set is printed beside it, never tuned on) and check times. Exit code 1 when any
target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import compile_app
from benchmarks.table import Row, print_table

REPO = Path(__file__).resolve().parent.parent
APP_BINARY = REPO / "dist" / "reconnect" / "reconnect"
FLOOR_WORK = REPO / "build" / "bench-floor"
FLOOR_BINARY = FLOOR_WORK / "dist" / "floor" / "floor"


def smoke_once(command: list[str]) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["RECONNECT_SPAWN_MONOTONIC_NS"] = str(time.monotonic_ns())
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def startup_rows(label: str, app: list[str], floor: list[str], runs: int) -> list[Row]:
    for command in (app, floor):  # warm the file cache and .pyc files once
        smoke_once(command)
    app_runs, floor_runs = [], []
    for _ in range(runs):
        app_runs.append(smoke_once(app))
        floor_runs.append(smoke_once(floor))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    return [
        Row(
            f"first paint, {label}",
            median(app_runs, "first_paint_ms"),
            median(floor_runs, "first_paint_ms"),
            "ms",
            1.3,
        ),
        Row(
            f"peak RSS, {label}",
            median(app_runs, "rss_mb"),
            median(floor_runs, "rss_mb"),
            "MiB",
            1.3,
        ),
    ]


def folder_mib(folder: Path) -> float:
    """Size on disk of the regular files (PyInstaller's symlinks would count twice)."""
    files = (f for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 2**20


def build_floor() -> None:
    print("building the floor onedir with build.spec (once) ...", file=sys.stderr)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(FLOOR_WORK / "dist"),
            "--workpath",
            str(FLOOR_WORK / "work"),
            str(REPO / "build.spec"),
        ],
        env={
            **os.environ,
            "RECONNECT_SPEC_ENTRY": "benchmarks/floor_window.py",
            "RECONNECT_SPEC_NAME": "floor",
        },
        cwd=REPO,
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--runs", type=int, default=15, help="runs per start-up measurement")
    parser.add_argument("--no-frozen", action="store_true", help="skip the PyInstaller part")
    parser.add_argument("--no-vault", action="store_true", help="skip the 10,000-entry vault")
    parser.add_argument(
        "--no-day-count", action="store_true", help="skip the time to the day count"
    )
    args = parser.parse_args()

    compile_app()
    rows = startup_rows(
        "source",
        [sys.executable, "-m", "reconnect_gui", "--smoke"],
        [sys.executable, str(REPO / "benchmarks" / "floor_window.py")],
        args.runs,
    )
    if not args.no_day_count:
        from benchmarks.day_count import day_count_rows

        rows += day_count_rows(max(3, args.runs // 2))
    if not args.no_frozen:
        if not APP_BINARY.exists():
            raise SystemExit("build the app first: ./dev.sh build (or pass --no-frozen)")
        if not FLOOR_BINARY.exists():
            build_floor()
        rows += startup_rows("frozen", [str(APP_BINARY), "--smoke"], [str(FLOOR_BINARY)], args.runs)
        rows.append(
            Row(
                "onedir size",
                folder_mib(APP_BINARY.parent),
                folder_mib(FLOOR_BINARY.parent),
                "MiB",
                1.2,
            )
        )

    if not args.no_vault:
        from benchmarks.vault import vault_rows

        rows += vault_rows()
    from benchmarks.countdown import countdown_rows

    rows += countdown_rows()
    from benchmarks.journal import journal_rows
    from benchmarks.tone import tone_rows

    rows += journal_rows()

    rows += tone_rows()
    from benchmarks.tray import tray_rows

    rows += tray_rows()
    print_table(rows)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
