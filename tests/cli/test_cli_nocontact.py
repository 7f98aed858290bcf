"""reconnect nocontact start|slip and reconnect status, with a real vault."""

from __future__ import annotations

import json

from helpers.repo import run_cli as run


def status(capsys, monkeypatch) -> dict:
    code, out, _ = run(capsys, monkeypatch, "status", "--json")
    assert code == 0
    return json.loads(out)


def test_a_back_dated_start_counts_whole_days(initialised, capsys, monkeypatch) -> None:
    assert status(capsys, monkeypatch) == {"state": "no_plan"}
    code, out, _ = run(
        capsys,
        monkeypatch,
        "nocontact",
        "start",
        "--since",
        "2020-01-01T09:00+00:00",
        "--target-days",
        "45",
        "--zone",
        "Europe/Berlin",
    )
    assert code == 0 and out.startswith("Day ")
    summary = status(capsys, monkeypatch)
    assert summary["days_elapsed"] > 2000 and summary["target_days"] == 45
    assert summary["state"] == "target_reached" and summary["zone"] == "Europe/Berlin"
    assert summary["current_streak"] == summary["longest_streak"]


def test_a_slip_restarts_or_keeps_counting(initialised, capsys, monkeypatch) -> None:
    run(
        capsys,
        monkeypatch,
        "nocontact",
        "start",
        "--since",
        "2020-01-01T09:00+00:00",
        "--zone",
        "UTC",
    )
    before = status(capsys, monkeypatch)
    code, out, _ = run(
        capsys, monkeypatch, "nocontact", "slip", "--kind", "checked_profiles", "--keep-counting"
    )
    assert code == 0 and "keeps going" in out
    kept = status(capsys, monkeypatch)
    assert kept["slips"] == 1 and kept["current_streak"] == before["current_streak"]
    code, out, _ = run(
        capsys,
        monkeypatch,
        "nocontact",
        "slip",
        "--kind",
        "reached_out",
        "--note",
        "sent a long text at 2 a.m.",
    )
    assert code == 0 and "starts again" in out
    restarted = status(capsys, monkeypatch)
    assert restarted["days_elapsed"] == 0 and restarted["attempts"] == 2
    assert restarted["longest_streak"] == before["longest_streak"]


def test_starting_twice_changes_nothing(initialised, capsys, monkeypatch) -> None:
    run(capsys, monkeypatch, "nocontact", "start", "--zone", "UTC")
    code, _, err = run(
        capsys,
        monkeypatch,
        "nocontact",
        "start",
        "--since",
        "2020-01-01T00:00+00:00",
        "--zone",
        "UTC",
    )
    assert code == 5 and "already started" in err
    assert status(capsys, monkeypatch)["days_elapsed"] == 0


def test_bad_input_is_a_plain_usage_error(initialised, capsys, monkeypatch) -> None:
    for argv in (["--since", "last tuesday"], ["--zone", "Mars/Olympus"], ["--target-days", "0"]):
        code, _, err = run(capsys, monkeypatch, "nocontact", "start", *argv)
        assert code == 2 and err.strip() and "Traceback" not in err
    code, _, err = run(capsys, monkeypatch, "nocontact", "slip", "--kind", "other")
    assert code == 5 and "not started" in err
