"""Guided reflection prompts, grouped by theme, and the "prompt of the day".

The prompts live in ``resources/prompts/reflection_prompts.json`` (data, not code), so
their words can be reviewed and changed without touching this module. A prompt's ``id``
is stored with every reflection that answers it, so ids never change once released;
a retired prompt's id is not reused for other words.

The prompt of the day
---------------------
1. The rotation: prompts are dealt round-robin across themes (the first of each theme,
   then the second of each, …), so consecutive days change theme. Call its length L.
2. Each date has a *natural* prompt, ``rotation[date.toordinal() % L]``: on its own this
   cycle shows every prompt once every L days.
3. If the natural prompt was answered in the N days before ``day`` (``history``), the
   prompt half a cycle away, ``rotation[(position + L // 2) % L]``, is shown instead,
   unless that one was answered in those N days too (then the natural one stays).
4. N = ``repeat_window(L)`` = min(21, (L - 2) // 2); 17 days for the 36 prompts shipped.

Why this holds: a date shows its natural prompt or the one half a cycle away. Two dates
whose choices coincide are a multiple of L apart or L // 2 (or L - L // 2) apart modulo
L, and every such gap is more than N days. So **no prompt is shown twice within N days,
whatever the history says**, and no stored state is needed: the function is pure and
gives the same prompt all day (answers written on ``day`` itself are ignored).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PROMPTS_FILE = Path("prompts") / "reflection_prompts.json"  # inside the resources folder
MAX_REPEAT_WINDOW = 21
_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")


@dataclass(frozen=True)
class Theme:
    id: str
    title: str  # e.g. "Looking back"
    about: str  # one calm sentence under the title


@dataclass(frozen=True)
class Prompt:
    id: str  # stable; stored with the reflection that answers it
    theme: str  # a Theme id
    text: str


@dataclass(frozen=True)
class PromptSet:
    themes: tuple[Theme, ...]
    prompts: tuple[Prompt, ...]  # grouped by theme, in the file's order

    def by_id(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def in_theme(self, theme_id: str) -> tuple[Prompt, ...]:
        return tuple(p for p in self.prompts if p.theme == theme_id)


def parse_prompts(data: Any) -> PromptSet:
    """The prompt set from the JSON document's data; ValueError names what is wrong
    (the file ships with the app, so a problem here is a bug, found by the tests)."""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise ValueError("The prompts file needs a list of themes.")
    themes: list[Theme] = []
    prompts: list[Prompt] = []
    for raw_theme in data["themes"]:
        theme = Theme(
            _id(raw_theme, "theme"), _words(raw_theme, "title"), _words(raw_theme, "about")
        )
        raw_prompts = raw_theme.get("prompts")
        if not isinstance(raw_prompts, list) or not raw_prompts:
            raise ValueError(f"Theme {theme.id} has no prompts.")
        themes.append(theme)
        prompts += [Prompt(_id(p, "prompt"), theme.id, _words(p, "text")) for p in raw_prompts]
    for kind, ids in (("theme", [t.id for t in themes]), ("prompt", [p.id for p in prompts])):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"Each {kind} id must be unique: {', '.join(twice)}.")
    if not prompts:
        raise ValueError("The prompts file has no prompts.")
    return PromptSet(tuple(themes), tuple(prompts))


def _id(raw: Any, what: str) -> str:
    value = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(f"A {what} needs an id of lowercase letters, digits and _: {value!r}.")
    return value


def _words(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{raw.get('id')}: {key} must be non-empty text.")
    return " ".join(value.split())


def load_prompts(path: Path | None = None) -> PromptSet:
    """The prompts shipped with the app (or those in ``path``); read once per path."""
    if path is None:
        from reconnect_gui.system.paths import resources_dir

        path = resources_dir() / PROMPTS_FILE
    return _load(Path(path))


@functools.cache
def _load(path: Path) -> PromptSet:
    return parse_prompts(json.loads(path.read_text(encoding="utf-8")))


# --- the prompt of the day ------------------------------------------------------------------


def rotation(prompts: Sequence[Prompt]) -> list[Prompt]:
    """The prompts dealt round-robin across themes (themes in order of first appearance,
    prompts in their given order within a theme)."""
    by_theme: dict[str, list[Prompt]] = {}
    for prompt in prompts:
        by_theme.setdefault(prompt.theme, []).append(prompt)
    longest = max((len(group) for group in by_theme.values()), default=0)
    return [group[i] for i in range(longest) for group in by_theme.values() if i < len(group)]


def repeat_window(count: int) -> int:
    """N: the number of days within which no prompt is shown twice, for ``count`` prompts."""
    return max(0, min(MAX_REPEAT_WINDOW, (count - 2) // 2))


def prompt_of_the_day(
    prompts: Sequence[Prompt], day: date, history: Iterable[tuple[date, str]] = ()
) -> Prompt:
    """The prompt for ``day`` (the user's local date), following the rule in this module's
    docstring. ``history`` holds (local date, prompt id) pairs of prompts the user has
    answered, e.g. ``journal_query.prompt_history(entries, zone)``; pairs outside the N
    days before ``day`` are ignored."""
    order = rotation(prompts)
    if not order:
        raise ValueError("There are no prompts to choose from.")
    size = len(order)
    window = repeat_window(size)
    first = day - timedelta(days=window)
    recent = {prompt_id for when, prompt_id in history if first <= when < day}
    natural = day.toordinal() % size
    for position in (natural, (natural + size // 2) % size):
        if order[position].id not in recent:
            return order[position]
    return order[natural]
