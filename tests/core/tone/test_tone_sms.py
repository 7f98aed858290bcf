"""SMS segments and encoding, against counts worked out by hand at the boundaries."""

from __future__ import annotations

import pytest

from reconnect_gui.core.tone.sms import segments

GSM, UCS = "GSM-7", "UCS-2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (GSM, 0)),
        ("a" * 160, (GSM, 1)),  # one message holds 160
        ("a" * 161, (GSM, 2)),  # split: 153 + 8
        ("a" * 306, (GSM, 2)),  # 153 + 153
        ("a" * 307, (GSM, 3)),
        ("€" * 80, (GSM, 1)),  # 160 units: each € is escape + €
        ("€" * 81, (GSM, 2)),  # 162 units
        ("a" * 159 + "^", (GSM, 2)),  # 161 units
        ("a" * 158 + "{", (GSM, 1)),  # 160 units
        # 152 + a two-unit character at the 153 boundary: it moves whole to part two.
        ("a" * 152 + "€" + "a" * 152, (GSM, 3)),  # 306 units, but parts of 152 + 153 + 1
        ("a" * 151 + "€" + "a" * 153, (GSM, 2)),  # 306 units, 153 + 153
        ("Ça va? Åsa & Øyvind £5 @ 6", (GSM, 1)),  # the basic set includes these
        ("ą" * 70, (UCS, 1)),  # any character outside GSM-7 makes it UCS-2
        ("ą" * 71, (UCS, 2)),  # 67 + 4
        ("ą" * 134, (UCS, 2)),
        ("ą" * 135, (UCS, 3)),
        ("a" * 69 + "’", (UCS, 1)),  # a curly apostrophe alone switches the encoding
        ("😀" * 35, (UCS, 1)),  # 70 UTF-16 units: each emoji is a surrogate pair
        ("😀" * 36, (UCS, 2)),
        ("ą" * 66 + "😀" + "ą" * 66, (UCS, 3)),  # 134 units; the pair can't straddle 67
        ("ą" * 65 + "😀" + "ą" * 67, (UCS, 2)),  # 134 units, 67 + 67
    ],
)
def test_segments(text: str, expected: tuple[str, int]) -> None:
    assert segments(text) == expected
