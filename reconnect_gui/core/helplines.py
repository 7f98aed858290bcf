"""Crisis helplines, offline: the ones the support note lists beside a draft whose words
suggest the writer may be in danger.

They live in ``resources/support/helplines.json`` (data, not code), each checked against
the service's official page on the date the file records. The country comes from the
system's locale ("en_GB" → GB), and the person can pick another; anywhere not listed gets
the international directory.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HELPLINES_FILE = Path("support") / "helplines.json"  # inside the resources folder
ELSEWHERE = "international"


@dataclass(frozen=True)
class Service:
    name: str
    call: str
    text: str
    hours: str
    website: str
    languages: str = ""
    also_call: str = ""  # a second number for the same service


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166 alpha-2, or ELSEWHERE
    name: str
    services: tuple[Service, ...]


@dataclass(frozen=True)
class Helplines:
    checked: str  # the date every entry was last checked, YYYY-MM-DD
    countries: tuple[Country, ...]  # listed countries by name, then ELSEWHERE

    def for_country(self, code: str) -> Country:
        """The country's entry, or the international directory for any other code."""
        wanted = code.upper()
        fallback = next(c for c in self.countries if c.code == ELSEWHERE)
        return next((c for c in self.countries if c.code.upper() == wanted), fallback)


def country_from_locale(name: str) -> str:
    """The territory of a locale name: "en_GB.UTF-8" → "GB", "de-AT" → "AT"; "" if none."""
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    territory = parts[-1] if len(parts) > 1 else ""
    return territory.upper() if len(territory) == 2 and territory.isalpha() else ""


def helplines_from_json(document: dict[str, Any]) -> Helplines:
    if document.get("format") != 1:
        raise ValueError("unknown helplines format")
    countries = []
    for code, entry in document["countries"].items():
        services = tuple(
            Service(
                name=str(s["name"]),
                call=str(s.get("call", "")),
                text=str(s.get("text", "")),
                hours=str(s.get("hours", "")),
                website=str(s.get("website", "")),
                languages=str(s.get("languages", "")),
                also_call=str(s.get("also_call", "")),
            )
            for s in entry["services"]
        )
        countries.append(Country(code, str(entry["name"]), services))
    listed = sorted((c for c in countries if c.code != ELSEWHERE), key=lambda c: c.name)
    elsewhere = [c for c in countries if c.code == ELSEWHERE]
    if not elsewhere:
        raise ValueError("the helplines need an international entry")
    return Helplines(str(document["checked"]), (*listed, *elsewhere))


@cache
def shipped_helplines() -> Helplines:
    from reconnect_gui.system.paths import resources_dir

    path = resources_dir() / HELPLINES_FILE
    return helplines_from_json(json.loads(path.read_text(encoding="utf-8")))


def service_lines(service: Service) -> str:
    """One service in plain words: its name, how to reach it, when."""
    ways = []
    if service.call:
        also = f" or {service.also_call}" if service.also_call else ""
        ways.append(f"call {service.call}{also}")
    if service.text:
        ways.append(f"text {service.text}")
    reach = " or ".join(ways) if ways else service.website
    details = [part for part in (service.hours, service.languages) if part]
    line = f"{service.name}: {reach}"
    if details:
        line += f" ({'; '.join(details)})"
    if ways and service.website:
        line += f"\n{service.website}"
    return line
