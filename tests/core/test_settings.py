import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect_gui.core.settings import (
    Settings,
    SettingsFormatError,
    settings_from_json_dict,
)


def test_round_trip_keeps_every_field() -> None:
    original = Settings(
        window_geometry="AAAA", last_pane="journal", theme="dark", app_lock_minutes=15
    )
    loaded, rejected = settings_from_json_dict(original.to_json_dict())
    assert loaded == original
    assert rejected == []


def test_bad_fields_fall_back_alone_and_are_named() -> None:
    loaded, rejected = settings_from_json_dict(
        {
            "theme": "purple",
            "last_pane": 3,
            "version": True,
            "window_geometry": "QUJD",
            "app_lock_minutes": 7,
        }
    )
    assert loaded == Settings(window_geometry="QUJD")
    assert sorted(rejected) == ["app_lock_minutes", "last_pane", "theme", "version"]


def test_unknown_keys_from_a_newer_version_are_ignored() -> None:
    loaded, rejected = settings_from_json_dict({"theme": "light", "future_option": [1, 2]})
    assert loaded.theme == "light"
    assert rejected == []


@pytest.mark.parametrize("data", [[], "text", 3, None])
def test_non_object_is_a_format_error(data: object) -> None:
    with pytest.raises(SettingsFormatError):
        settings_from_json_dict(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=10,
)


@given(st.dictionaries(st.sampled_from(["version", "theme", "last_pane", "x"]), json_values))
def test_any_json_object_gives_valid_settings(data: dict) -> None:
    loaded, _ = settings_from_json_dict(data)
    assert loaded.theme in ("system", "light", "dark")
    assert isinstance(loaded.window_geometry, str)
    assert isinstance(loaded.version, int) and loaded.version >= 1


def test_reminder_choices_round_trip_through_settings() -> None:
    from datetime import UTC, datetime, time

    from reconnect_gui.core.reminders.choices import reminder_prefs, with_reminder_prefs
    from reconnect_gui.core.reminders.schedule import ReminderPrefs

    assert reminder_prefs(Settings()) == ReminderPrefs()  # the defaults agree
    chosen = ReminderPrefs(
        enabled=False,
        check_in=time(7, 45),
        milestones=False,
        waits=True,
        drafts=False,
        quiet_start=None,
        quiet_end=None,
        paused_until=datetime(2026, 11, 23, 7, 0, tzinfo=UTC),
    )
    settings = with_reminder_prefs(Settings(theme="dark"), chosen)
    assert settings.theme == "dark"
    loaded, rejected = settings_from_json_dict(settings.to_json_dict())
    assert rejected == []
    assert reminder_prefs(loaded) == chosen
    assert reminder_prefs(with_reminder_prefs(Settings(), ReminderPrefs(check_in=None))) == (
        ReminderPrefs(check_in=None)
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("check_in_time", "25:00"),
        ("check_in_time", "7:45"),
        ("quiet_start", "ab:cd"),
        ("quiet_end", "08:60"),
        ("reminders_paused_until", "tomorrow"),
        ("reminders_paused_until", "2026-11-23T07:00:00"),  # no zone: which 07:00?
        ("tray_notice_shown", "yes"),
    ],
)
def test_odd_reminder_settings_fall_back_to_the_defaults(field: str, value: str) -> None:
    loaded, rejected = settings_from_json_dict({field: value})
    assert rejected == [field]
    assert loaded == Settings()


def test_half_set_quiet_hours_mean_none() -> None:
    from reconnect_gui.core.reminders.choices import reminder_prefs

    prefs = reminder_prefs(Settings(quiet_start="22:00", quiet_end=""))
    assert (prefs.quiet_start, prefs.quiet_end) == (None, None)


def test_clipboard_clearing_defaults_to_a_minute_and_round_trips() -> None:
    from reconnect_gui.core.settings import CLEAR_CLIPBOARD_CHOICES

    assert Settings().clear_clipboard_seconds == 60
    for seconds in CLEAR_CLIPBOARD_CHOICES:  # 0 means never
        loaded, rejected = settings_from_json_dict(
            Settings(clear_clipboard_seconds=seconds).to_json_dict()
        )
        assert (loaded.clear_clipboard_seconds, rejected) == (seconds, [])


@pytest.mark.parametrize("value", [45, -1, 3600, "60", 60.0, True, None])
def test_an_odd_clipboard_time_falls_back_to_a_minute(value: object) -> None:
    loaded, rejected = settings_from_json_dict({"clear_clipboard_seconds": value, "theme": "dark"})
    assert rejected == ["clear_clipboard_seconds"]
    assert loaded == Settings(theme="dark")
