"""How many SMS a text takes, and in which encoding (3GPP TS 23.038 and 23.040).

GSM-7 carries 160 units in a single message, 153 per part once split (the rest of each
part holds the header that joins them). Each character of the basic set is one unit;
the extension characters ``^ { } [ ] ~ | \\`` ``€`` (and form feed) are two, an escape and
the character, and a part never ends between the two.

Any character outside both sets (an emoji, a curly apostrophe, most accented letters,
any non-Latin script) switches the whole message to UCS-2: 70 UTF-16 units in a single
message, 67 per part. Characters beyond the Basic Multilingual Plane (most emoji) take two
units, a surrogate pair, which a part never splits either.
"""

from __future__ import annotations

from collections.abc import Callable

GSM_7 = "GSM-7"
UCS_2 = "UCS-2"

_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_EXTENSION = frozenset("\f^{}\\[]~|€")
_GSM = _BASIC | _EXTENSION

_ESC = "\x1b"
_ESCAPED = str.maketrans({char: _ESC + char for char in _EXTENSION})

SINGLE = {GSM_7: 160, UCS_2: 70}
PART = {GSM_7: 153, UCS_2: 67}


def encoding(text: str) -> str:
    return GSM_7 if _GSM.issuperset(text) else UCS_2


def segments(text: str) -> tuple[str, int]:
    """The encoding and the number of messages ``text`` is sent as (0 when empty)."""
    kind = encoding(text)
    if kind == GSM_7:
        units_text = text.translate(_ESCAPED)  # each extension character as ESC + itself
        total = len(units_text)
        first_half = _escape_at(units_text)
    else:
        data = text.encode("utf-16-le")
        total = len(data) // 2
        first_half = _high_surrogate_at(data)
    if total == 0:
        return kind, 0
    if total <= SINGLE[kind]:
        return kind, 1
    return kind, _parts(total, PART[kind], first_half)


def _parts(total: int, room: int, first_half: Callable[[int], bool]) -> int:
    """Parts of ``room`` units each, never ending between the two halves of a character."""
    parts, at = 0, 0
    while at < total:
        end = at + room
        if end < total and first_half(end - 1):
            end -= 1
        parts, at = parts + 1, end
    return parts


def _escape_at(units_text: str) -> Callable[[int], bool]:
    return lambda unit: units_text[unit] == _ESC


def _high_surrogate_at(data: bytes) -> Callable[[int], bool]:
    return lambda unit: 0xD8 <= data[2 * unit + 1] <= 0xDB
