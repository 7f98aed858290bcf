"""One draft saved by two writers: the open editor's changes applied to the draft as stored.

The editor autosaves the draft it holds, but another process may have written the same
draft meanwhile (a newer backup restored from the command line). ``merged`` applies what
the editor changed to the stored draft instead of replacing it:

- the words (with their ``updated``), the title and the kind are the editor's where it
  changed them since ``base`` (what the editor last knew the vault to hold), and the
  stored ones elsewhere; without a ``base``, the editor's;
- versions and ignored findings are kept from both sides (each once; the oldest go past
  the caps), since each is something a person chose to keep; an ignore the editor took
  back since ``base`` ("Bring back") is taken out of the stored ones too;
- fields a newer version wrote are kept as stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from reconnect_gui.core.drafts.draft import MAX_IGNORES, MAX_VERSIONS, Draft

T = TypeVar("T")


def merged(stored: Draft, mine: Draft, base: Draft | None = None) -> Draft:
    """``stored`` with what ``mine`` changed since ``base`` (see the module's rules)."""

    def changed(name: str) -> bool:
        return base is None or getattr(mine, name) != getattr(base, name)

    words = mine if changed("body") else stored
    versions = _joined(stored.versions, mine.versions, base.versions if base else ())
    ignores = _joined(
        stored.ignores, mine.ignores, base.ignores if base else (), drop_taken_back=True
    )
    return replace(
        stored,
        body=words.body,
        updated=words.updated,
        title=(mine if changed("title") else stored).title,
        kind=(mine if changed("kind") else stored).kind,
        versions=tuple(sorted(versions, key=lambda v: v.at))[-MAX_VERSIONS:],
        ignores=ignores[-MAX_IGNORES:],
    )


def _joined(
    stored: Sequence[T], mine: Sequence[T], base: Sequence[T], *, drop_taken_back: bool = False
) -> tuple[T, ...]:
    """``stored``, then what ``mine`` added since ``base``, each item once (compared by
    value: a version's extra fields make it unhashable). ``drop_taken_back``: items of
    ``base`` that ``mine`` no longer holds leave ``stored`` too."""
    joined = [
        item for item in stored if not (drop_taken_back and item in base and item not in mine)
    ]
    for item in mine:
        if item not in base and item not in joined:
            joined.append(item)
    return tuple(joined)
