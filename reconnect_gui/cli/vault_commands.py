"""``reconnect vault init|status|recover``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.vault import LockedVault


def register(commands: argparse._SubParsersAction) -> None:
    vault = commands.add_parser("vault", help="create, check or recover your encrypted vault")
    actions = vault.add_subparsers(dest="vault_command", metavar="ACTION", required=True)

    init = actions.add_parser("init", help="create the vault and show its recovery code")
    init.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        help="also save the new recovery code in FILE (readable by you only)",
    )
    init.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="protect the vault with the passphrase on FILE's first line too",
    )
    init.set_defaults(handler=init_vault)

    status = actions.add_parser("status", help="say whether the vault exists and can be opened")
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(handler=vault_status)

    recover = actions.add_parser(
        "recover", help="unlock with the recovery code and put the key back into the keyring"
    )
    recover.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        required=True,
        help="FILE holding the recovery code (or the passphrase)",
    )
    recover.set_defaults(handler=recover_vault)

    lock = actions.add_parser(
        "lock",
        help="take the key out of this computer's keyring: from then on the vault opens only "
        "with your passphrase or recovery code (reconnect vault recover puts it back)",
    )
    lock.set_defaults(handler=lock_vault)


def init_vault(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import read_secret_file, vault_path
    from reconnect_gui.core.passphrase import new_passphrase_problem
    from reconnect_gui.storage.crypto import new_recovery_code
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.unlock import create_user_vault
    from reconnect_gui.system.atomic import atomic_write_bytes

    passphrase = read_secret_file(args.passphrase_file) if args.passphrase_file else None
    if passphrase is not None and (problem := new_passphrase_problem(passphrase, passphrase)):
        print(f"{problem} Nothing was created.", file=sys.stderr)  # the GUI's rule too
        return 2
    code = new_recovery_code()
    opened = create_user_vault(vault_path(args), KeyStore(), code, passphrase)
    opened.vault.close()
    # The code first: the vault now exists, so it is the one thing that must reach the
    # person; the file is a convenience that may fail (a read-only folder, a folder name).
    print("Your vault is ready. This is your recovery code; keep it somewhere safe, away")
    print("from this computer. It is the only way back in if the key on this computer is lost.")
    print()
    print(f"    {code}", flush=True)
    if args.recovery_code_file:
        from pathlib import Path

        target = Path(args.recovery_code_file)
        try:
            atomic_write_bytes(target, (code + "\n").encode("ascii"))
        except OSError as error:
            print(
                f"\nReconnect could not save the recovery code to {target} "
                f"({error.strerror or type(error).__name__}). The vault is ready: write it "
                "down from above, or save it yourself.",
                file=sys.stderr,
            )
    if opened.keyring_problem:
        print(
            f"\n{opened.keyring_problem} Until then, Reconnect unlocks with your "
            "passphrase or recovery code.",
            file=sys.stderr,
        )
    return 0


def vault_status(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import APP_LOCK_ON, app_lock_on, print_json, vault_path
    from reconnect_gui.storage.errors import NoVault, VaultDamaged
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.synced_folders import conflict_copies
    from reconnect_gui.storage.vault import open_vault

    path = vault_path(args)
    keystore = KeyStore()
    status: dict[str, object] = {
        "path": str(path),
        "exists": path.exists(),
        "app_lock": app_lock_on(args),
    }
    keyring_hung = False
    code = 0
    try:
        locked = open_vault(path)
    except NoVault:
        status["state"] = "no_vault"
    except VaultDamaged as damage:
        status.update(state="damaged", problem=damage.message)
        code = damage.exit_code
    else:
        try:
            status.update(
                vault_id=locked.vault_id,
                records=locked.record_count(),
                has_passphrase=locked.has_passphrase,
            )
            if status["app_lock"]:  # the GUI does not ask the keyring then; nor does this
                status.update(state="needs_secret", keyring_problem=APP_LOCK_ON)
            else:
                keyring_hung = _check_keyring(locked, keystore, status)
        finally:
            locked.close()
    status["conflict_copies"] = [p.name for p in conflict_copies(path)]
    # A keyring that just timed out is not asked again: one wait is enough.
    status["keyring_backend"] = "not answering" if keyring_hung else keystore.backend_name()
    if args.json:
        print_json(status)
    else:
        _print_status(status)
    return code


def _check_keyring(locked: LockedVault, keystore: KeyStore, status: dict[str, object]) -> bool:
    """Whether the key in the keyring opens the vault, into ``status``; True if it hung."""
    from reconnect_gui.storage.errors import KeyUnavailable

    try:
        locked.unlock_with_key(keystore.load(locked.vault_id)).close()
    except KeyUnavailable as problem:
        status.update(state="needs_secret", key_in_keyring=False, keyring_problem=problem.message)
        return getattr(problem, "reason", None) == "timeout"
    status.update(state="ready", key_in_keyring=True)
    return False


def _print_status(status: dict[str, object]) -> None:
    from reconnect_gui.storage.synced_folders import conflict_notice

    lines = {
        "no_vault": "There is no vault yet. Create one with: reconnect vault init",
        "damaged": f"The vault is damaged: {status.get('problem')}",
        "ready": "The vault is fine and unlocks with the key in your keyring.",
        "needs_secret": f"The vault is fine. {status.get('keyring_problem')}",
    }
    print(lines[str(status["state"])])
    print(f"Location: {status['path']}")
    if "records" in status:
        print(
            f"Records: {status['records']}; passphrase set: "
            f"{'yes' if status['has_passphrase'] else 'no'}"
        )
    print(f"Keyring: {status['keyring_backend']}")
    copies = status["conflict_copies"]
    if isinstance(copies, list) and (notice := conflict_notice(copies)):
        print(notice)


def recover_vault(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import app_lock_on, read_secret_file, vault_path
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.unlock import open_with_secret

    secret = read_secret_file(args.recovery_code_file)
    if app_lock_on(args):
        # The person chose to type their passphrase each time: the key stays out.
        open_with_secret(vault_path(args), secret).vault.close()
        print(
            "The vault opened. The app lock is on, so its key stays out of your keyring and "
            "Reconnect keeps asking for your passphrase. To let it unlock on its own again, "
            "turn the app lock off in Settings."
        )
        return 0
    opened = open_with_secret(vault_path(args), secret, KeyStore(), restore_key=True)
    opened.vault.close()
    if opened.keyring_problem:
        print(
            f"The vault opened, but its key could not be put back: {opened.keyring_problem}",
            file=sys.stderr,
        )
        return 3
    print(
        "The vault opened, and its key is back in your keyring: Reconnect will unlock "
        "on its own again."
    )
    return 0


def lock_vault(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import vault_path
    from reconnect_gui.storage.keystore import KeyStore
    from reconnect_gui.storage.vault import open_vault

    with open_vault(vault_path(args)) as locked:
        vault_id = locked.vault_id
    KeyStore().forget(vault_id)
    print(
        "Locked: the key is no longer in this computer's keyring. Open the vault with your "
        "passphrase or recovery code; reconnect vault recover puts the key back."
    )
    return 0
