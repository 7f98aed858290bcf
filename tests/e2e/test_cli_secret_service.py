"""The real command line with a real OS keyring (gnome-keyring's Secret Service)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.secret_service import run_in_secret_service

SCRIPT = r"""
R() { "$PY" -m reconnect_gui "$@"; }
step init;     R vault init --recovery-code-file "$CODE" >/dev/null; echo "rc=$?"
step search;   secret-tool search --all service reconnect 2>&1
step status;   R vault status --json
step add;      echo "a quiet evening" | R journal add --title "Tuesday"
step list;     R journal list --json
step forget;   secret-tool clear service reconnect; R journal list 2>&1 || echo "rc=$?"
step recover;  R vault recover --recovery-code-file "$CODE"
step search2;  secret-tool search --all service reconnect 2>&1
step list2;    R journal list --json
"""


def test_the_key_lives_in_the_real_keyring_and_comes_back_after_a_loss(
    tmp_path: Path, isolated_home: Path
) -> None:
    out = run_in_secret_service(
        tmp_path, SCRIPT, CODE=str(tmp_path / "code.txt"), RECONNECT_HOME=str(isolated_home)
    )
    assert out["init"].strip() == "rc=0"
    status = json.loads(out["status"])
    assert status["state"] == "ready" and status["keyring_backend"] == "SecretService Keyring"
    assert f"attribute.username = {status['vault_id']}" in out["search"]
    assert "attribute.service = reconnect" in out["search"]

    assert [e["title"] for e in json.loads(out["list"])["entries"]] == ["Tuesday"]
    assert "no key stored" in out["forget"] and "rc=3" in out["forget"]
    assert "back in your keyring" in out["recover"]
    assert f"attribute.username = {status['vault_id']}" in out["search2"]
    assert [e["title"] for e in json.loads(out["list2"])["entries"]] == ["Tuesday"]
