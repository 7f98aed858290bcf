"""A draft changed in the editor and elsewhere: both changes kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reconnect_gui.core.drafts.draft import (
    MAX_VERSIONS,
    add_ignore,
    change_kind,
    edit,
    new_draft,
    retitle,
)
from reconnect_gui.core.drafts.merge import merged
from reconnect_gui.core.drafts.tone_ignores import Ignore

T0 = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
CAPS = Ignore("drama.caps", "SO", "i am", "glad")
PLEA = Ignore("pressure.plea", "please", "", "come")


def test_nothing_changed_elsewhere_gives_the_editors_draft() -> None:
    base = new_draft("text", T0, body="Hi")
    mine = add_ignore(retitle(edit(base, "Hi Sam", T0 + HOUR), "t"), CAPS)
    assert merged(base, mine, base) == mine
    assert merged(base, mine) == mine


def test_each_side_keeps_what_it_changed() -> None:
    base = new_draft("text", T0, body="Hi", title="old")
    stored = add_ignore(retitle(base, "theirs"), PLEA)
    mine = add_ignore(change_kind(edit(base, "Hi Sam", T0 + HOUR), "letter"), CAPS)
    result = merged(stored, mine, base)
    assert (result.body, result.updated, result.kind) == ("Hi Sam", T0 + HOUR, "letter")
    assert result.title == "theirs" and result.ignores == (PLEA, CAPS)


def test_versions_from_both_sides_in_time_order_within_the_cap() -> None:
    base = new_draft("text", T0, body="one")
    stored = edit(edit(base, "two", T0 + HOUR), "three", T0 + 2 * HOUR)
    mine = edit(edit(base, "uno", T0 + 30 * timedelta(minutes=1)), "dos", T0 + 3 * HOUR)
    result = merged(stored, mine, base)
    assert [v.body for v in result.versions] == ["one", "uno", "two"]
    assert result.body == "dos"
    many = base
    for i in range(MAX_VERSIONS + 5):
        many = edit(many, f"words {i}", T0 + (i + 1) * HOUR)
    assert len(merged(stored, many, base).versions) == MAX_VERSIONS


def test_an_ignore_brought_back_in_the_editor_leaves_the_stored_draft_too() -> None:
    """Issue 17: "Bring back" removes an ignore; a merge must not put it back."""
    from reconnect_gui.core.drafts.draft import remove_ignores

    base = add_ignore(add_ignore(new_draft("text", T0, body="Hi"), CAPS), PLEA)
    stored = retitle(base, "theirs")  # changed elsewhere meanwhile
    mine = remove_ignores(base, (CAPS,))
    result = merged(stored, mine, base)
    assert result.ignores == (PLEA,) and result.title == "theirs"
    # An ignore added elsewhere meanwhile stays: only what the editor took back goes.
    other = Ignore("length.long", "", "", "")
    assert merged(add_ignore(stored, other), mine, base).ignores == (PLEA, other)
