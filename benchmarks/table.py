"""One row per measurement, and the table every benchmark prints."""

from __future__ import annotations

from typing import NamedTuple


class Row(NamedTuple):
    name: str
    app: float  # Reconnect's figure
    floor: float  # the same work done the plainest way, measured in the same run
    unit: str
    target_ratio: float
    limit: float | None = None  # where the app's own figure must also stay at or under this

    @property
    def ratio(self) -> float:
        if self.floor == 0:  # an idle floor: only the limit can judge the app
            return 0.0 if self.app == 0 else float("inf")
        return self.app / self.floor

    @property
    def ok(self) -> bool:
        return self.ratio <= self.target_ratio and (self.limit is None or self.app <= self.limit)


def print_table(rows: list[Row]) -> None:
    print(f"{'benchmark':<26}{'reconnect':>12}{'floor':>12}{'ratio':>8}{'target':>9}  result")
    for row in rows:
        limit = f", ≤{row.limit:.0f} {row.unit}" if row.limit is not None else ""
        print(
            f"{row.name:<26}{row.app:>9.1f} {row.unit:<3}{row.floor:>8.1f} {row.unit:<3}"
            f"{row.ratio:>7.2f}x{'≤':>4}{_times(row.target_ratio)}{limit}  "
            f"{'ok' if row.ok else 'MISSED'}"
        )


def _times(ratio: float) -> str:
    return "  any" if ratio == float("inf") else f"{ratio:.1f}x"
