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
