"""``reconnect nocontact start|slip`` and ``reconnect status``."""

from __future__ import annotations

import argparse
import sys

from reconnect_gui.cli.options import add_passphrase_option
from reconnect_gui.core.countdown.plan import INITIATORS, SLIP_KINDS, Initiator


def register(commands: argparse._SubParsersAction) -> None:
    nocontact = commands.add_parser("nocontact", help="start your No-Contact countdown, log a slip")
    actions = nocontact.add_subparsers(dest="nocontact_command", metavar="ACTION", required=True)
    start = actions.add_parser("start", help="start the countdown (now, or back-dated)")
    start.add_argument(
        "--since",
        metavar="ISO-DATETIME",
        help="when No Contact began, e.g. 2026-11-01T20:00 (your local time "
        "unless it names an offset); default: now",
    )
    start.add_argument("--target-days", type=int, default=30, metavar="N")
    start.add_argument(
        "--zone", help="your time zone, e.g. Europe/Berlin (default: this computer's)"
    )
    start.set_defaults(handler=start_countdown)
    slip = actions.add_parser("slip", help="log that No Contact was broken")
    slip.add_argument("--kind", required=True, choices=SLIP_KINDS)
    slip.add_argument(
        "--note",
        default="",
        metavar="-",
        help="a note for yourself: '--note -' reads it from standard input (or asks, in a "
        "terminal), so other people on this computer can't see it",
    )
    slip.add_argument("--initiated-by", choices=INITIATORS, default=Initiator.ME)
    slip.add_argument(
        "--keep-counting",
        action="store_true",
        help="keep the current streak instead of starting again",
    )
    slip.set_defaults(handler=log_slip)

    status = commands.add_parser("status", help="where your countdown stands")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=show_status)
    for parser in (start, slip, status):
        add_passphrase_option(parser)


def start_countdown(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import now_utc, parse_moment, unlock
    from reconnect_gui.core.countdown.moments import checked_zone, local_zone_name
    from reconnect_gui.core.countdown.plan import new_plan
    from reconnect_gui.storage.countdown_store import start_plan
    from reconnect_gui.storage.errors import VaultError

    try:
        zone = checked_zone(args.zone or local_zone_name())
        since = parse_moment(args.since, zone) if args.since else now_utc()
        plan = new_plan(since, zone, target_days=args.target_days)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    vault = unlock(args).vault
    try:
        if not start_plan(vault, plan):  # the check and the write are one transaction
            raise VaultError(
                "Your countdown has already started; nothing was changed. To begin again, "
                "log a slip: reconnect nocontact slip --kind KIND"
            )
    finally:
        vault.close()
    print(_status_line(plan))
    return 0


def log_slip(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import now_utc, unlock
    from reconnect_gui.core.countdown.plan import record_slip
    from reconnect_gui.storage.countdown_store import NoPlan, change_plan
    from reconnect_gui.storage.errors import VaultError

    note = _slip_note(args.note)
    moment = now_utc()
    vault = unlock(args).vault
    try:
        # Read, changed and written in one transaction: an edit saved by an open window
        # at the same moment is neither lost nor undone.
        change_plan(
            vault,
            lambda plan: record_slip(
                plan,
                moment,
                args.kind,
                restart=not args.keep_counting,
                note=note,
                initiated_by=args.initiated_by,
            ),
        )
    except NoPlan:
        raise VaultError("Your countdown has not started yet: reconnect nocontact start") from None
    finally:
        vault.close()
    if args.keep_counting:
        print("Logged. Your countdown keeps going; be gentle with yourself.")
    else:
        print(
            "Logged, and your countdown starts again from now. A slip is not the end of "
            "your progress: everything you did so far still counts in your history."
        )
    return 0


def _slip_note(option: str) -> str:
    from reconnect_gui.cli.common import read_input, warn_words_in_arguments

    if option == "-":
        return read_input("Write your note, then press Ctrl-D on a new line.").strip()
    if option:
        warn_words_in_arguments("--note", "use --note - and give the note on standard input")
    return option


def show_status(args: argparse.Namespace) -> int:
    from reconnect_gui.cli.common import now_utc, print_json, unlock
    from reconnect_gui.core.countdown.contact_log import waiting_for_reply
    from reconnect_gui.core.countdown.stats import status
    from reconnect_gui.storage.countdown_store import load_contacts, load_plan

    vault = unlock(args).vault
    try:
        plan = load_plan(vault)
        contacts, _damaged = load_contacts(vault) if plan else ([], [])
    finally:
        vault.close()
    if plan is None:
        if args.json:
            print_json({"state": "no_plan"})
        else:
            print("Your countdown has not started yet: reconnect nocontact start")
        return 0
    now = now_utc()
    summary = status(plan, now, waiting_for_reply=waiting_for_reply(contacts, now))
    if args.json:
        print_json(summary)
    else:
        print(_status_line(plan, summary))
    return 0


def _status_line(plan, summary=None) -> str:
    from reconnect_gui.cli.common import now_utc
    from reconnect_gui.core.countdown.stats import status

    summary = summary or status(plan, now_utc())
    line = f"Day {summary['days_elapsed']} of {summary['target_days']} without contact."
    if summary["next_milestone"]:
        line += f" Next milestone: day {summary['next_milestone']}."
    return line
