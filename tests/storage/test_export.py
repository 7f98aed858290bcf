"""The JSON export document, restore plans, and the plain Markdown/JSON export."""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconnect_gui.storage.errors import UnsupportedVersion, VaultDamaged, VaultError
from reconnect_gui.storage.export import (
    JSON_EXPORT_NAME,
    NOT_AN_EXPORT,
    document_bytes,
    export_document,
    parse_document,
    read_document,
)
from reconnect_gui.storage.plain_export import (
    FolderNotEmpty,
    write_plain_export,
)
from reconnect_gui.storage.records import (
    CONTACT_LOG,
    COUNTDOWN,
    DRAFT,
    JOURNAL_ENTRY,
    PRIVATE_SETTINGS,
    REMINDER_LOG,
    URGE_LOG,
    Record,
)
from reconnect_gui.storage.restore_plan import (
    Conflict,
    merge_plan,
)

T0 = datetime(2025, 2, 14, 21, 5, 7, 123456, tzinfo=UTC)
EXPORTED = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
# Every kind of record the app stores.
KINDS = (JOURNAL_ENTRY, DRAFT, COUNTDOWN, CONTACT_LOG, URGE_LOG, PRIVATE_SETTINGS, REMINDER_LOG)
TRICKY_TITLES = [
    "../../etc/passwd",
    "/",
    "..",
    ".",
    ".hidden",
    'a/b\\c:d*e?f"g<h>i|j',
    "nul\x00byte",
    "CON",
    "\u202egpj.exe",  # right-to-left override: must not disguise an extension
    "שלום עולם",
    "🐴🔥",
    "line\nbreak\r\n---\ntitle: injected",
    "\u2028\u0085\ufeff",
    "x" * 400,
    "é" * 300,
    "Café",
    "Cafe\u0301",  # the same title in NFD
    "",
]


def record(rid: str, updated: datetime = T0, kind: str = JOURNAL_ENTRY, **data: Any) -> Record:
    return Record(rid, kind, T0, updated, data)


# --- the document ----------------------------------------------------------------------


def test_document_shape_and_round_trip() -> None:
    records = [
        record("r1", title="First", body="Dear diary", mood=3, tags=["a", "ü"]),
        Record("r2", DRAFT, T0, T0 + timedelta(days=1), {}),
    ]
    doc = export_document(records, vault_id="v-123", exported_at=EXPORTED)
    assert doc["format"] == "reconnect-export" and doc["version"] == 1
    assert doc["vault_id"] == "v-123"
    assert doc["exported_at"] == "2025-03-01T08:00:00.000000Z"
    assert doc["records"][0] == {
        "id": "r1",
        "kind": "journal_entry",
        "created": "2025-02-14T21:05:07.123456Z",
        "updated": "2025-02-14T21:05:07.123456Z",
        "data": {"title": "First", "body": "Dear diary", "mood": 3, "tags": ["a", "ü"]},
    }
    raw = document_bytes(doc)
    assert "ü".encode() in raw  # UTF-8, not \u escapes
    assert parse_document(raw) == records
    full = read_document(raw)
    assert (full.vault_id, full.exported_at) == ("v-123", EXPORTED)


def test_bytes_are_stable_whatever_the_key_order() -> None:
    a = export_document([record("r", b=1, a=2)], vault_id="v", exported_at=EXPORTED)
    b = export_document([record("r", a=2, b=1)], vault_id="v", exported_at=EXPORTED)
    assert document_bytes(a) == document_bytes(b)
    assert document_bytes(dict(reversed(a.items()))) == document_bytes(a)


def test_other_time_zones_are_stored_as_utc() -> None:
    local = T0.astimezone(timezone(timedelta(hours=5, minutes=30)))
    doc = export_document([Record("r", DRAFT, local, local, {})], vault_id="v", exported_at=T0)
    assert doc["records"][0]["created"].endswith("Z")
    assert parse_document(document_bytes(doc))[0].created == T0


def test_naive_times_and_unencodable_text_are_refused() -> None:
    with pytest.raises(ValueError):
        export_document([], vault_id="v", exported_at=datetime(2025, 1, 1))
    doc = export_document([record("r", body="secret \ud800 words")], vault_id="v", exported_at=T0)
    with pytest.raises(ValueError) as caught:
        document_bytes(doc)
    assert "secret" not in str(caught.value)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
moments = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(2200, 1, 1),
    timezones=st.builds(
        timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
    ),
)
titles = st.one_of(st.sampled_from(TRICKY_TITLES), st.text())
ids = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", min_size=1)
records_strategy = st.lists(
    st.builds(
        lambda rid, kind, created, updated, title, body, extra: Record(
            rid, kind, created, updated, {"title": title, "body": body, "extra": extra}
        ),
        ids,
        st.sampled_from(KINDS),
        moments,
        moments,
        titles,
        st.text(),
        json_values,
    ),
    max_size=6,
    unique_by=lambda r: r.id,
)


@given(records=records_strategy)
def test_any_unicode_round_trips(records: list[Record]) -> None:
    doc = export_document(records, vault_id="vault", exported_at=EXPORTED)
    raw = document_bytes(doc)
    assert parse_document(raw) == records
    assert document_bytes(json.loads(raw)) == raw


# --- strict parsing --------------------------------------------------------------------

CANARY = "canary-7f3a9"


def good_doc() -> dict:
    return export_document([record("r1", body=CANARY)], vault_id="v", exported_at=EXPORTED)


def changed(path: tuple, value: Any = ..., delete: bool = False) -> bytes:
    doc = good_doc()
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(doc).encode()


BAD_DOCUMENTS = {
    "not utf-8": b"\xff\xfe" + CANARY.encode(),
    "not json": CANARY.encode(),
    "a list": b"[]",
    "empty": b"",
    "no format": changed(("format",), delete=True),
    "other format": changed(("format",), CANARY),
    "version as text": changed(("version",), "1"),
    "version true": changed(("version",), True),
    "version 0": changed(("version",), 0),
    "version float": changed(("version",), 1.0),
    "extra field": changed((CANARY,), 1),
    "no vault id": changed(("vault_id",), delete=True),
    "empty vault id": changed(("vault_id",), ""),
    "bad export time": changed(("exported_at",), "2025-13-01T00:00:00Z"),
    "records not a list": changed(("records",), {"r1": CANARY}),
    "record not an object": changed(("records", 0), CANARY),
    "record missing data": changed(("records", 0, "data"), delete=True),
    "record extra field": changed(("records", 0, "secret"), CANARY),
    "empty id": changed(("records", 0, "id"), ""),
    "numeric id": changed(("records", 0, "id"), 7),
    "id with newline": changed(("records", 0, "id"), "a\nb"),
    "kind not text": changed(("records", 0, "kind"), 1),
    "naive time": changed(("records", 0, "created"), "2025-01-01T00:00:00"),
    "date only": changed(("records", 0, "created"), "2025-01-01"),
    "week date": changed(("records", 0, "updated"), "2025-W01-1T00:00:00Z"),
    "time as number": changed(("records", 0, "updated"), 1700000000),
    "data a list": changed(("records", 0, "data"), [CANARY]),
    "duplicate ids": json.dumps({**good_doc(), "records": good_doc()["records"] * 2}).encode(),
    "duplicate key": b'{"format": "reconnect-export", "format": "reconnect-export"}',
    "NaN": document_bytes(good_doc()).replace(b'"version": 1', b'"version": NaN'),
    "deep nesting": b'{"format": "reconnect-export", "version": 1, "records": '
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}",
    # Text no UTF-8 file can hold (a lone surrogate, written as a JSON escape).
    "lone surrogate in a title": changed(("records", 0, "data", "title"), "\ud800"),
    "lone surrogate in a key": changed(("records", 0, "data", "\udfff"), "x"),
    "lone surrogate deep inside": changed(("records", 0, "data", "tags"), [[{"a": "\udc00"}]]),
    # Dates that no clock gives, or that some time zone cannot show.
    "year 0": changed(("records", 0, "created"), "0000-01-01T00:00:00Z"),
    "year 99999": changed(("records", 0, "created"), "99999-01-01T00:00:00Z"),
    "year 1 east of UTC": changed(("records", 0, "created"), "0001-01-01T00:00:00+14:00"),
    "year 9999 west of UTC": changed(("records", 0, "updated"), "9999-12-31T23:59:59-14:00"),
    "the first day of year 1": changed(("records", 0, "updated"), "0001-01-01T12:00:00Z"),
    "the last day of 9999": changed(("records", 0, "created"), "9999-12-31T00:00:00Z"),
    "export time in year 1": changed(("exported_at",), "0001-01-01T00:00:00+14:00"),
}


@pytest.mark.parametrize("name", BAD_DOCUMENTS)
def test_bad_documents_are_damaged_with_a_plain_sentence(name: str) -> None:
    with pytest.raises(VaultDamaged) as caught:
        parse_document(BAD_DOCUMENTS[name])
    message = caught.value.message
    assert not isinstance(caught.value, UnsupportedVersion)
    assert CANARY not in message and caught.value.__cause__ is None
    assert message.endswith(".") and "\n" not in message
    assert "nothing was changed" in message


def test_a_newer_version_says_so() -> None:
    with pytest.raises(UnsupportedVersion) as caught:
        parse_document(changed(("version",), 2))
    assert "newer version of Reconnect" in caught.value.message


def test_a_foreign_file_says_it_is_not_an_export() -> None:
    with pytest.raises(VaultDamaged) as caught:
        parse_document(b'{"hello": "world"}')
    assert caught.value.message == NOT_AN_EXPORT


def test_the_damaged_record_is_named_by_number() -> None:
    doc = good_doc()
    doc["records"].append({**doc["records"][0], "id": "r2", "kind": ""})
    with pytest.raises(VaultDamaged, match="record 2 is not valid"):
        parse_document(json.dumps(doc).encode())


# --- restore plans ---------------------------------------------------------------------


def test_merge_plan() -> None:
    only_here = record("here", body="mine")
    same = record("same", body="same")
    mine_newer = record("conflict-a", T0 + timedelta(hours=2), body="edited here")
    theirs_older = record("conflict-a", T0 + timedelta(hours=1), body="backup")
    mine_older = record("conflict-b", T0, body="old")
    theirs_newer = record("conflict-b", T0 + timedelta(hours=1), body="newer in backup")
    tie_mine, tie_theirs = record("tie", body="one"), record("tie", body="two")
    kind_mine = record("kind", body="x")
    kind_theirs = record("kind", T0 + timedelta(days=1), kind=DRAFT, body="x")
    new = record("new", body="from backup")

    existing = [only_here, same, mine_newer, mine_older, tie_mine, kind_mine]
    incoming = [same, theirs_older, theirs_newer, tie_theirs, kind_theirs, new]
    plan = merge_plan(existing, incoming, "merge")

    assert plan.add == (new,)
    assert plan.update == (theirs_newer,)
    assert plan.keep == (only_here, same, mine_newer, tie_mine, kind_mine)
    assert plan.remove == ()
    assert plan.skip == (same, theirs_older, tie_theirs, kind_theirs)
    assert plan.conflicts == (
        Conflict(mine_newer, theirs_older, "existing"),
        Conflict(mine_older, theirs_newer, "incoming"),
        Conflict(tie_mine, tie_theirs, "existing"),
        Conflict(kind_mine, kind_theirs, "existing"),
    )
    assert sorted(r.id for r in plan.result) == sorted(r.id for r in [*existing, new])


def test_replace_plan_lists_what_it_deletes_and_overwrites() -> None:
    only_here = record("here")
    same = record("same")
    mine_newer = record("c", T0 + timedelta(hours=2), body="edited here")
    theirs_older = record("c", T0, body="backup")
    new = record("new")
    plan = merge_plan([only_here, same, mine_newer], [same, theirs_older, new], "replace")
    assert plan.add == (new,)
    assert plan.update == (theirs_older,)
    assert plan.keep == (same,)
    assert plan.remove == (only_here,)
    assert plan.skip == (same,)
    assert plan.conflicts == (Conflict(mine_newer, theirs_older, "incoming"),)
    assert sorted(plan.result, key=lambda r: r.id) == sorted(
        [same, theirs_older, new], key=lambda r: r.id
    )


def test_identical_sides_change_nothing() -> None:
    records = [record("a"), record("b")]
    for mode in ("merge", "replace"):
        plan = merge_plan(records, list(records), mode)  # type: ignore[arg-type]
        assert (plan.add, plan.update, plan.remove, plan.conflicts) == ((), (), (), ())
        assert plan.result == records


def test_plan_summary_is_one_sentence_of_counts() -> None:
    mine = record("c", T0 + timedelta(hours=2), body=CANARY)
    theirs = record("c", T0, body="backup " + CANARY)
    merged = merge_plan([mine, record("here")], [theirs, record("new")], "merge")
    assert merged.summary() == (
        "1 record added, 0 updated, 2 kept as they were; for 1 record that differed, "
        "your version was kept because it was at least as new."
    )
    replaced = merge_plan([mine, record("here")], [theirs], "replace")
    assert replaced.summary() == (
        "0 records added, 1 updated, 0 kept as they were, 1 removed; for 1 record, your "
        "newer version was replaced by the backup's older one."
    )
    assert CANARY not in merged.summary() + replaced.summary()


def test_merge_repairs_damaged_records_the_backup_holds_and_leaves_the_rest() -> None:
    readable, theirs = record("fine"), record("broken", body="from the backup")
    plan = merge_plan([readable], [theirs], "merge", damaged=["broken", "lost"])
    assert plan.repair == (theirs,)
    assert plan.update == (theirs,) and plan.add == ()  # written over the damaged one
    assert plan.drop_damaged == ()  # merge deletes nothing; "lost" stays as it was
    assert plan.summary() == (
        "0 records added, 0 updated, 1 kept as it was; 1 damaged record was restored "
        "from the backup."
    )


def test_replace_also_removes_damaged_records_the_backup_does_not_hold() -> None:
    theirs = record("broken", body="from the backup")
    plan = merge_plan([record("mine")], [theirs], "replace", damaged=["broken", "lost", "gone"])
    assert plan.repair == (theirs,)
    assert plan.drop_damaged == ("lost", "gone")
    assert plan.summary() == (
        "0 records added, 0 updated, 0 kept as they were, 1 removed; 1 damaged record was "
        "restored from the backup; 2 damaged records that the backup does not hold were "
        "removed."
    )


def test_a_record_cannot_be_both_readable_and_damaged() -> None:
    with pytest.raises(ValueError):
        merge_plan([record("a")], [], "merge", damaged=["a"])


def test_plan_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        merge_plan([record("a"), record("a")], [], "merge")
    with pytest.raises(ValueError):
        merge_plan([], [], "overwrite")  # type: ignore[arg-type]


# --- the plain export ------------------------------------------------------------------

SAFE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}-[^/\\\x00-\x1f\x7f]+\.md")


def export_markdown(records: list[Record], folder: Path, **options: Any) -> list[Path]:
    return write_plain_export(
        records, folder, "markdown", vault_id="v", exported_at=EXPORTED, **options
    )


def header_of(text: str) -> dict[str, Any]:
    assert text.startswith("---\n")
    block = text[4 : text.index("\n---\n")]
    fields = {}
    for line in block.split("\n"):
        key, value = line.split(": ", 1)
        # Dates are bare YAML timestamps; every other value is JSON (valid YAML too).
        fields[key] = value if key in ("date", "updated") else json.loads(value)
    return fields


def check_safe(paths: list[Path], folder: Path, count: int) -> None:
    assert len(paths) == count
    assert sorted(folder.iterdir()) == sorted(paths)
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # nothing escaped
    folded = {p.name.casefold() for p in paths}
    assert len(folded) == count
    for path in paths:
        assert path.parent == folder
        assert SAFE_NAME.fullmatch(path.name), path.name
        assert len(path.name.encode()) <= 255
        assert "\u202e" not in path.name and ".." not in path.name
        assert path.stat().st_mode & 0o777 == 0o600


def test_markdown_export(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "export"
    entry = record(
        "j1",
        title="A hard day",
        body="I didn't text.\n\nProud of that.",
        mood=2,
        tags=["nc", "day 3"],
        place="home",
    )
    draft = Record("d1", DRAFT, T0 - timedelta(days=1), T0, {"body": "Unsent words"})
    setting = Record("s1", "private_settings", T0, T0, {"lock_minutes": 5})
    paths = export_markdown([entry, draft, setting], folder)
    assert [p.name for p in paths] == [
        "2025-02-13-d1.md",
        "2025-02-14-a-hard-day.md",
        "2025-02-14-s1.md",
    ]
    check_safe(paths, folder, 3)
    assert folder.stat().st_mode & 0o777 == 0o700

    text = paths[1].read_text()
    assert header_of(text) == {
        "title": "A hard day",
        "date": "2025-02-14T21:05:07+00:00",
        "updated": "2025-02-14T21:05:07+00:00",
        "kind": "journal_entry",
        "mood": 2,
        "tags": ["nc", "day 3"],
        "id": "j1",
    }
    assert "# A hard day\n" in text
    assert "I didn't text.\n\nProud of that.\n" in text
    assert '"place": "home"' in text  # unknown fields are shown, not dropped
    assert "Unsent words" in paths[0].read_text()
    assert '"lock_minutes": 5' in paths[2].read_text()


def test_markdown_dates_follow_the_given_zone(tmp_path: Path) -> None:
    late = Record("r", JOURNAL_ENTRY, T0, T0, {"title": "late"})  # 21:05 UTC
    paths = export_markdown([late], tmp_path / "e", tz=timezone(timedelta(hours=5)))
    assert paths[0].name == "2025-02-15-late.md"


@pytest.mark.parametrize(
    ("moment", "offset"),
    [(datetime.min.replace(tzinfo=UTC), -14), (datetime.max.replace(tzinfo=UTC), 14)],
    ids=["year 1 shown west of UTC", "year 9999 shown east of UTC"],
)
def test_a_date_the_zone_cannot_show_is_written_in_utc(
    tmp_path: Path, moment: datetime, offset: int
) -> None:
    # A vault restored before the export checked dates may hold one.
    edge = Record("r", JOURNAL_ENTRY, moment, moment, {"title": "edge"})
    (path,) = export_markdown([edge], tmp_path / "e", tz=timezone(timedelta(hours=offset)))
    assert path.name == f"{moment.date().isoformat()}-edge.md"
    assert f"date: {moment.isoformat(timespec='seconds')}" in path.read_text()


def test_tricky_titles_stay_in_the_folder(tmp_path: Path) -> None:
    records = [
        Record(f"id{i}", JOURNAL_ENTRY, T0, T0, {"title": title, "body": "b"})
        for i, title in enumerate(TRICKY_TITLES)
    ]
    folder = tmp_path / "export"
    paths = export_markdown(records, folder)
    check_safe(paths, folder, len(records))
    names = {p.name for p in paths}
    assert "2025-02-14-etc-passwd.md" in names
    assert "2025-02-14-con.md" in names
    assert "2025-02-14-gpj-exe.md" in names
    assert "2025-02-14-שלום-עולם.md" in names
    assert "2025-02-14-id10.md" in names  # emoji only: falls back to the id
    assert {"2025-02-14-café.md", "2025-02-14-café-2.md"} <= names  # NFC and NFD collide
    injected = next(p for p in paths if p.name.startswith("2025-02-14-line-break"))
    fields = header_of(injected.read_text())
    assert fields["title"] == "line\nbreak\r\n---\ntitle: injected"
    assert set(fields) == {"title", "date", "updated", "kind", "id"}


def test_same_title_same_day_gets_numbered(tmp_path: Path) -> None:
    records = [record(f"r{i}", title=t) for i, t in enumerate(["Hello", "HELLO", "hello!"])]
    names = [p.name for p in export_markdown(records, tmp_path / "e")]
    assert names == ["2025-02-14-hello.md", "2025-02-14-hello-2.md", "2025-02-14-hello-3.md"]


@settings(max_examples=60)
@given(records=records_strategy)
def test_any_titles_give_safe_distinct_files(records: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "export"
        paths = export_markdown(records, folder)
        check_safe(paths, folder, len(records))
        for path in paths:
            text = path.read_bytes().decode("utf-8")  # no newline translation
            fields = header_of(text)
            original = next(r for r in records if r.id == fields["id"])
            assert fields["title"] == original.data["title"]
            assert original.data["body"] in text


def test_json_export(tmp_path: Path) -> None:
    records = [record("r1", title="T", body="B")]
    paths = write_plain_export(records, tmp_path / "j", "json", vault_id="v9", exported_at=EXPORTED)
    assert [p.name for p in paths] == [JSON_EXPORT_NAME]
    assert paths[0].stat().st_mode & 0o777 == 0o600
    doc = read_document(paths[0].read_bytes())
    assert (doc.vault_id, doc.exported_at, doc.records) == ("v9", EXPORTED, records)


def test_json_export_without_vault_details(tmp_path: Path) -> None:
    before = datetime.now(UTC)
    paths = write_plain_export([record("r1")], tmp_path / "j", "json")
    doc = read_document(paths[0].read_bytes())
    assert doc.vault_id == "unknown"
    assert before <= doc.exported_at <= datetime.now(UTC)


def test_a_folder_with_files_is_refused_unless_allowed(tmp_path: Path) -> None:
    folder = tmp_path / "e"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "2025-02-14-t.md").write_text("old export")
    os.chmod(folder / "2025-02-14-t.md", 0o644)
    with pytest.raises(FolderNotEmpty) as caught:
        export_markdown([record("r", title="t")], folder)
    assert "already has files" in caught.value.message
    assert (folder / "2025-02-14-t.md").read_text() == "old export"

    paths = export_markdown([record("r", title="t")], folder, overwrite=True)
    assert paths[0].read_text().startswith("---\n")
    assert paths[0].stat().st_mode & 0o777 == 0o600
    assert (folder / "notes.txt").read_text() == "mine"


def test_a_symlink_in_the_way_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    folder = tmp_path / "e"
    folder.mkdir()
    (folder / "2025-02-14-t.md").symlink_to(victim)
    export_markdown([record("r", title="t")], folder, overwrite=True)
    assert victim.read_text() == "untouched"
    assert not (folder / "2025-02-14-t.md").is_symlink()


def test_unusable_locations(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(VaultError, match="not a folder"):
        export_markdown([], a_file)
    with pytest.raises(ValueError):
        write_plain_export([], tmp_path / "x", "pdf", vault_id="v", exported_at=T0)  # type: ignore[arg-type]
