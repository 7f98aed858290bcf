"""Planning a restore from a backup: merge or replace, and nothing overwritten silently."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from reconnect_gui.storage.records import Record

Mode = Literal["merge", "replace"]


@dataclass(frozen=True)
class Conflict:
    """The same record id with different content on both sides, and which one wins."""

    existing: Record
    incoming: Record
    winner: Literal["existing", "incoming"]


@dataclass(frozen=True)
class MergePlan:
    """What a restore would do; nothing happens until the caller applies ``result``.

    Every existing record is in exactly one of ``keep``, ``remove`` or is replaced by
    one in ``update``; every incoming record is in exactly one of ``add``, ``update``
    or ``skip``. ``conflicts`` lists each id whose two versions differ, so the user is
    told about every record a restore changes or declines to change.

    Damaged records (in the vault, but failing their check) have no readable version to
    compare: the backup's version of one is written over it (``repair``, also in
    ``update``); "replace" deletes the others (``drop_damaged``), "merge" leaves them.
    """

    mode: Mode
    add: tuple[Record, ...]
    update: tuple[Record, ...]  # incoming versions that replace existing ones
    keep: tuple[Record, ...]  # existing records left exactly as they are
    remove: tuple[Record, ...]  # existing records deleted ("replace" only)
    skip: tuple[Record, ...]  # incoming records not used (identical, or the older one)
    conflicts: tuple[Conflict, ...]
    repair: tuple[Record, ...] = ()  # incoming versions written over damaged records
    drop_damaged: tuple[str, ...] = ()  # ids of damaged records deleted ("replace" only)

    @property
    def result(self) -> list[Record]:
        """The vault's records after the restore."""
        return [*self.keep, *self.update, *self.add]

    def summary(self) -> str:
        """One plain sentence of counts for the user (never any record content)."""
        parts = [
            f"{len(self.add)} {_records(len(self.add))} added",
            f"{len(self.update) - len(self.repair)} updated",
            f"{len(self.keep)} kept as {'it was' if len(self.keep) == 1 else 'they were'}",
        ]
        if self.mode == "replace":
            parts.append(f"{len(self.remove)} removed")
        sentence = ", ".join(parts)
        kept_ours = sum(1 for c in self.conflicts if c.winner == "existing")
        if kept_ours:
            sentence += (
                f"; for {kept_ours} {_records(kept_ours)} that differed, your version was kept "
                "because it was at least as new"
            )
        overwritten = sum(
            1
            for c in self.conflicts
            if c.winner == "incoming" and c.existing.updated > c.incoming.updated
        )
        if overwritten:
            sentence += (
                f"; for {overwritten} {_records(overwritten)}, your newer version was replaced "
                "by the backup's older one"
            )
        if repaired := len(self.repair):
            sentence += (
                f"; {repaired} damaged {_records(repaired)} {_was(repaired)} restored "
                "from the backup"
            )
        if dropped := len(self.drop_damaged):
            sentence += (
                f"; {dropped} damaged {_records(dropped)} that the backup does not hold "
                f"{_was(dropped)} removed"
            )
        return sentence[0].upper() + sentence[1:] + "."


def _records(count: int) -> str:
    return "record" if count == 1 else "records"


def _was(count: int) -> str:
    return "was" if count == 1 else "were"


def merge_plan(
    existing: list[Record], incoming: list[Record], mode: Mode, damaged: Iterable[str] = ()
) -> MergePlan:
    """Plan a restore. ``merge``: keep everything, add new records, and for an id on
    both sides take the version with the newer ``updated`` (a tie or a different kind
    keeps the existing one). ``replace``: the result is exactly ``incoming``.

    ``damaged``: the ids of the vault's records that failed their check (``existing``
    holds the readable ones). The backup's version of one replaces it in either mode;
    ``replace`` removes the rest, so the vault ends up holding exactly the backup."""
    if mode not in ("merge", "replace"):
        raise ValueError("mode must be 'merge' or 'replace'")
    for side in (existing, incoming):
        if len({record.id for record in side}) != len(side):
            raise ValueError("two records on one side share an id")
    damaged_ids = list(dict.fromkeys(damaged))  # in the order given, once each
    damaged_set = set(damaged_ids)
    if damaged_set & {record.id for record in existing}:
        raise ValueError("a record cannot be both readable and damaged")
    incoming_by_id = {record.id: record for record in incoming}
    existing_by_id = {record.id: record for record in existing}
    update: list[Record] = []
    keep: list[Record] = []
    remove: list[Record] = []
    skip: list[Record] = []
    conflicts: list[Conflict] = []
    for old in existing:
        new = incoming_by_id.get(old.id)
        if new is None:
            (keep if mode == "merge" else remove).append(old)
        elif new == old:
            keep.append(old)
            skip.append(new)
        else:
            newer = new.updated > old.updated and new.kind == old.kind
            if mode == "replace" or newer:
                update.append(new)
                conflicts.append(Conflict(old, new, "incoming"))
            else:
                keep.append(old)
                skip.append(new)
                conflicts.append(Conflict(old, new, "existing"))
    repair = [record for record in incoming if record.id in damaged_set]
    add = [
        record
        for record in incoming
        if record.id not in existing_by_id and record.id not in damaged_set
    ]
    drop = [i for i in damaged_ids if i not in incoming_by_id] if mode == "replace" else []
    return MergePlan(
        mode,
        tuple(add),
        (*update, *repair),
        tuple(keep),
        tuple(remove),
        tuple(skip),
        tuple(conflicts),
        tuple(repair),
        tuple(drop),
    )
