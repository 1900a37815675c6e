"""Server-rendered SVG of shares with their 95% intervals (as `charts.py` does for plain bars): the
geometry is worked out here, the template only draws it, and the numbers are in a table beside it."""

from dataclasses import dataclass

ROW = 30
LABEL = 190
AREA = 200
VALUE = 150


@dataclass
class ShareBar:
    label: str
    text: str
    y: int
    width: float  # 0 when there are too few to say
    low_x: float | None
    high_x: float | None

    @property
    def text_y(self):
        return self.y + ROW // 2 + 5

    @property
    def mid_y(self):
        return self.y + ROW // 2

    @property
    def value_x(self):
        return LABEL + AREA + 6


@dataclass
class ShareChart:
    title: str
    bars: list
    label_width = LABEL
    area = AREA
    bar_height = ROW - 12

    @property
    def width(self):
        return LABEL + AREA + VALUE

    @property
    def height(self):
        return max(len(self.bars), 1) * ROW + 16

    @property
    def axis_y(self):
        return max(len(self.bars), 1) * ROW

    @property
    def ticks(self):
        return [(LABEL + AREA * p / 100, p) for p in (0, 50, 100)]

    @property
    def description(self):
        return "; ".join(f"{bar.label}: {bar.text}" for bar in self.bars)


def share_chart(title, rows, too_few_text):
    """rows: [(label, Share)] -> a ShareChart; a share with too few commitments behind it is drawn as
    no bar at all, and says so."""
    bars = []
    for index, (label, share) in enumerate(rows):
        y = index * ROW
        if not share.enough:
            bars.append(ShareBar(str(label), f"{share.count}/{share.total}: {too_few_text}", y, 0, None, None))
            continue
        low, high = share.interval
        bars.append(
            ShareBar(
                str(label),
                f"{round(share.value * 100)}% ({share.count}/{share.total}; {round(low * 100)}–{round(high * 100)}%)",
                y,
                round(AREA * share.value, 1),
                round(LABEL + AREA * low, 1),
                round(LABEL + AREA * high, 1),
            )
        )
    return ShareChart(title, bars)
