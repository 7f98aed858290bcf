"""A draft: one careful text or letter, its earlier versions, and its "sleep on it" time.

Pure values. A draft is stored as one JSON dict (``draft_to_data``) and read back with
``draft_from_data``, which never fails on odd stored data and keeps fields written by a
newer version in ``extra``.

``updated`` is when the words last changed, not when the draft was last saved: a new
title, a switch between text and letter, or an ignored finding leave it alone, so they
never restart the cool-off. Whitespace alone is not a change either (see ``edit``).

Versions: the pane autosaves while the user types, so ``edit`` keeps a version only at
natural resting points, not on every save. On a meaningful change, the words being
replaced are kept as a version when
  - they had rested untouched for ``VERSION_GAP`` (5 minutes) or more: the end of a
    writing session is always kept; or
  - the latest version (or, before the first one, the draft's creation) is at least
    ``VERSION_GAP`` older than they are: during a long session, one version about
    every five minutes.
Blank texts and texts equal to the latest version are never kept twice. At most
``MAX_VERSIONS`` are kept; the oldest go first. A version holds the words as they were
at ``at``. Restoring a version always keeps the current words as a version first, so a
restore can itself be undone.

Cool-off ("sleep on it"): a draft is called ready only ``COOL_OFF_HOURS`` after its
words last changed. A clock set backwards counts as no time passed.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from reconnect_gui.core.countdown.moments import moment_data, moment_from_data, text, utc_moment
from reconnect_gui.core.drafts.tone_ignores import Ignore, ignore_from_data, ignore_to_data
from reconnect_gui.core.tone.report import KINDS

VERSION_GAP = timedelta(minutes=5)
MAX_VERSIONS = 50
MAX_IGNORES = 200  # ignores for words long gone are dropped oldest first beyond this
COOL_OFF_HOURS = 12
MAX_COOL_OFF_HOURS = 24 * 30
TITLE_LENGTH = 60  # how much of the first line stands in for a missing title


@dataclass(frozen=True)
class DraftVersion:
    at: datetime  # UTC; when the words were last changed to this text
    body: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Draft:
    id: str  # the vault record id; random, never derived from the words
    kind: str  # "text" or "letter"
    body: str
    created: datetime  # UTC
    updated: datetime  # UTC; when the words last changed meaningfully
    title: str = ""  # optional; see display_title
    versions: tuple[DraftVersion, ...] = ()  # oldest first
    ignores: tuple[Ignore, ...] = ()  # findings the user set aside ("ignore here")
    extra: dict[str, Any] = field(default_factory=dict)  # fields from newer versions

    @property
    def display_title(self) -> str:
        """The title, or the start of the first line, or a gentle placeholder."""
        if self.title.strip():
            return self.title.strip()
        first_line = next((line.strip() for line in self.body.splitlines() if line.strip()), "")
        if len(first_line) > TITLE_LENGTH:
            return first_line[: TITLE_LENGTH - 1].rstrip() + "…"
        return first_line or ("Untitled letter" if self.kind == "letter" else "Untitled text")


def _checked_kind(kind: object) -> str:
    if kind not in KINDS:
        raise ValueError("A draft is either a text or a letter.")
    return str(kind)


def _same_words(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ at most in whitespace."""
    return a.split() == b.split()


def new_draft(
    kind: str, now: datetime, body: str = "", title: str = "", draft_id: str | None = None
) -> Draft:
    """A fresh draft (``body`` may come from a starting template)."""
    moment = utc_moment(now, "The time")
    return Draft(
        id=draft_id or secrets.token_urlsafe(12),
        kind=_checked_kind(kind),
        body=body,
        created=moment,
        updated=moment,
        title=title.strip(),
    )


def _with_version(
    versions: Sequence[DraftVersion], body: str, at: datetime
) -> tuple[DraftVersion, ...]:
    """``versions`` with ``body`` (as of ``at``) added last, unless blank or a repeat."""
    if not body.strip() or (versions and _same_words(versions[-1].body, body)):
        return tuple(versions)
    return (*versions, DraftVersion(at, body))[-MAX_VERSIONS:]


def edit(draft: Draft, body: str, now: datetime) -> Draft:
    """The draft with its words replaced by ``body`` at ``now`` (version rule: module doc).

    Whitespace-only changes update the words but not ``updated``: a stray space or
    newline neither restarts the cool-off nor makes a version.
    """
    if body == draft.body:
        return draft
    if _same_words(body, draft.body):
        return replace(draft, body=body)
    moment = utc_moment(now, "The time")
    versions = draft.versions
    latest = versions[-1].at if versions else draft.created
    rested = moment - draft.updated >= VERSION_GAP
    due = draft.updated - latest >= VERSION_GAP
    if rested or due:
        versions = _with_version(versions, draft.body, draft.updated)
    return replace(draft, body=body, updated=moment, versions=versions)


def restore_version(draft: Draft, index: int, now: datetime) -> Draft:
    """The draft with the words of ``versions[index]`` back, the current words kept."""
    chosen = draft.versions[index]  # IndexError for a version that is not there
    if _same_words(chosen.body, draft.body):
        return draft
    moment = utc_moment(now, "The time")
    return replace(
        draft,
        body=chosen.body,
        updated=moment,
        versions=_with_version(draft.versions, draft.body, draft.updated),
    )


def retitle(draft: Draft, title: str) -> Draft:
    """The draft with a new title (blank: the first line stands in). Not a change of words."""
    return replace(draft, title=title.strip())


def change_kind(draft: Draft, kind: str) -> Draft:
    """The draft as a text or a letter. Not a change of words."""
    return replace(draft, kind=_checked_kind(kind))


def remove_ignores(draft: Draft, ignores: Sequence[Ignore]) -> Draft:
    """``draft`` without ``ignores`` ("Bring back": the notes show again)."""
    return replace(draft, ignores=tuple(i for i in draft.ignores if i not in ignores))


def add_ignore(draft: Draft, ignore: Ignore) -> Draft:
    """The draft with one more finding set aside (kept once; the oldest go past the cap)."""
    ignores = (*(i for i in draft.ignores if i != ignore), ignore)
    return replace(draft, ignores=ignores[-MAX_IGNORES:])


# -- "sleep on it" ------------------------------------------------------------------------


def _cool_off(hours: float) -> timedelta:
    if isinstance(hours, bool) or not isinstance(hours, int | float):
        raise ValueError("The cool-off must be a number of hours.")
    if not 0 <= hours <= MAX_COOL_OFF_HOURS:  # also refuses NaN
        raise ValueError(f"The cool-off must be from 0 to {MAX_COOL_OFF_HOURS} hours.")
    return timedelta(hours=hours)


def cool_off_ends(draft: Draft, hours: float = COOL_OFF_HOURS) -> datetime:
    """When the draft may be called ready, if its words stay as they are (UTC)."""
    return draft.updated + _cool_off(hours)


def cool_off_remaining(draft: Draft, now: datetime, hours: float = COOL_OFF_HOURS) -> timedelta:
    """How long until the draft may be called ready; zero once it has rested long enough.

    Never negative, never more than ``hours``: a clock set backwards (``now`` before the
    last change) counts as no time passed.
    """
    passed = max(utc_moment(now, "The time") - draft.updated, timedelta(0))
    return max(_cool_off(hours) - passed, timedelta(0))


# -- stored form --------------------------------------------------------------------------


def _version_to_data(version: DraftVersion) -> dict[str, Any]:
    return {**version.extra, "at": moment_data(version.at), "body": version.body}


def _version_from_data(data: Any) -> DraftVersion | None:
    if not isinstance(data, dict) or (at := moment_from_data(data.get("at"))) is None:
        return None
    if not isinstance(data.get("body"), str):
        return None
    extra = {k: v for k, v in data.items() if k not in {"at", "body"}}
    return DraftVersion(at=at, body=data["body"], extra=extra)


def draft_to_data(draft: Draft) -> dict[str, Any]:
    """The dict stored (encrypted) in the draft's vault record. The id is the record's."""
    return {
        **draft.extra,
        "kind": draft.kind,
        "title": draft.title,
        "body": draft.body,
        "created": moment_data(draft.created),
        "updated": moment_data(draft.updated),
        "versions": [_version_to_data(v) for v in draft.versions],
        "ignores": [ignore_to_data(i) for i in draft.ignores],
    }


def draft_from_data(data: Any, draft_id: str, *, fallback_time: datetime) -> Draft:
    """Rebuild a draft from stored data, tolerating missing or odd fields.

    ``fallback_time`` (e.g. when the record was last saved) stands in for a missing or
    unreadable ``created`` or ``updated``.
    """
    data = data if isinstance(data, dict) else {}
    fallback = utc_moment(fallback_time, "The fallback time")
    created = moment_from_data(data.get("created")) or fallback
    updated = moment_from_data(data.get("updated")) or fallback
    raw_versions = data.get("versions") if isinstance(data.get("versions"), list) else []
    raw_ignores = data.get("ignores") if isinstance(data.get("ignores"), list) else []
    versions = tuple(v for v in map(_version_from_data, raw_versions) if v is not None)
    ignores = tuple(dict.fromkeys(i for i in map(ignore_from_data, raw_ignores) if i))
    known = {"kind", "title", "body", "created", "updated", "versions", "ignores"}
    return Draft(
        id=draft_id,
        kind=data["kind"] if data.get("kind") in KINDS else "text",
        body=text(data.get("body")),
        created=created,
        updated=updated,
        title=text(data.get("title")).strip(),
        versions=versions[-MAX_VERSIONS:],
        ignores=ignores[-MAX_IGNORES:],
        extra={k: v for k, v in data.items() if k not in known},
    )
