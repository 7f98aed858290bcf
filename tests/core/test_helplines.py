"""The crisis helplines shipped with the app: every country the product promises, each
service reachable and checked, and the country found from the locale."""

from __future__ import annotations

import re

import pytest

from reconnect_gui.core.helplines import (
    ELSEWHERE,
    country_from_locale,
    helplines_from_json,
    service_lines,
    shipped_helplines,
)

PROMISED = ("US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "IN")


def test_every_promised_country_and_an_international_directory() -> None:
    helplines = shipped_helplines()
    codes = {country.code for country in helplines.countries}
    assert set(PROMISED) | {ELSEWHERE} <= codes
    assert helplines.countries[-1].code == ELSEWHERE  # listed last in the picker
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", helplines.checked)


@pytest.mark.parametrize("code", PROMISED)
def test_each_country_has_a_line_to_call_or_text(code: str) -> None:
    country = shipped_helplines().for_country(code)
    assert country.code == code and country.services
    first = country.services[0]
    assert first.call or first.text, code
    assert first.website.startswith("https://"), code
    assert all(re.fullmatch(r"[\d -]+", n) for n in (first.call, first.text) if n), code


def test_anywhere_else_gets_the_directory() -> None:
    elsewhere = shipped_helplines().for_country("ZZ")
    assert elsewhere.code == ELSEWHERE
    assert "https://" in service_lines(elsewhere.services[0])


@pytest.mark.parametrize(
    ("locale", "country"),
    [
        ("en_GB.UTF-8", "GB"),
        ("de-AT", "AT"),
        ("en_US", "US"),
        ("C", ""),
        ("fr", ""),
        ("sr_RS@latin", "RS"),
        ("", ""),
    ],
)
def test_the_country_comes_from_the_locale(locale: str, country: str) -> None:
    assert country_from_locale(locale) == country


def test_a_service_reads_as_one_plain_line() -> None:
    line = service_lines(shipped_helplines().for_country("DE").services[0])
    assert line.startswith("TelefonSeelsorge: call 0800 111 0 111 or 0800 111 0 222")


def test_a_file_without_the_directory_is_refused() -> None:
    with pytest.raises(ValueError):
        helplines_from_json({"format": 1, "checked": "2026-12-05", "countries": {}})
