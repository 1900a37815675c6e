"""Server-rendered SVG of shares with their 95% intervals (as `charts.py` does for plain bars), and of the
share delivered over time (`step_chart`, for tracker/public/survival.py's curves): the
geometry is worked out here, the template only draws it, and the numbers are in a table beside it.
Positions are counted from the start side and mirrored in a right-to-left language (`Direction`), so
in Urdu the labels are on the right and the bars grow leftwards. Each label is written whole on its own
line above its bar ("Political owner: elected office" was cut to "Political owner: elected offi…" in a
column beside it), and the drawing is narrow enough that its text stays legible on a phone."""

from dataclasses import dataclass, field

from django.utils.translation import get_language_bidi, gettext

from tracker.public.charts import Direction

ROW = 44  # a label's line, then its bar
LABEL = 0  # bars start at the start side, under their labels
AREA = 210
VALUE = 150
BAR_TOP = 18  # from the top of a row
# Left-to-right isolate and its end: "26% (17/66; 37–38%)" is a figure with its interval, read left to
# right inside Urdu too; without them the bidi algorithm scatters its brackets and numbers.
LTR_ISOLATE, END_ISOLATE = "\u2066", "\u2069"


@dataclass
class ShareBar:
    label: str
    text: str
    y: int
    width: float  # 0 when there are too few to say
    low: float | None  # the interval's ends, from the start side
    high: float | None
    direction: Direction = field(default_factory=Direction)

    @property
    def label_x(self):
        return self.direction.x(0)

    @property
    def bar_x(self):
        return self.direction.x(LABEL, self.width)

    @property
    def low_x(self):
        return None if self.low is None else self.direction.x(self.low)

    @property
    def high_x(self):
        return None if self.high is None else self.direction.x(self.high)

    @property
    def label_y(self):
        return self.y + 13

    @property
    def bar_y(self):
        return self.y + BAR_TOP

    @property
    def text_y(self):
        return self.bar_y + 13

    @property
    def mid_y(self):
        return self.bar_y + ShareChart.bar_height // 2

    @property
    def value_x(self):
        return self.direction.x(LABEL + AREA + 6)


@dataclass
class ShareChart:
    title: str
    bars: list
    direction: Direction = field(default_factory=Direction)
    bar_height = 18

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
    def axis_start_x(self):
        return self.direction.x(LABEL)

    @property
    def axis_end_x(self):
        return self.direction.x(LABEL + AREA)

    @property
    def ticks(self):
        return [(self.direction.x(LABEL + AREA * p / 100), p) for p in (0, 50, 100)]

    @property
    def description(self):
        return "; ".join(f"{bar.label}: {bar.text}" for bar in self.bars)


def share_chart(title, rows, too_few_text):
    """rows: [(label, Share)] -> a ShareChart; a share with too few commitments behind it is drawn as
    no bar at all, and says so."""
    rtl = get_language_bidi()
    bars = []
    for index, (label, share) in enumerate(rows):
        y = index * ROW
        if not share.enough:
            bars.append(ShareBar(str(label), f"{share.count}/{share.total}: {too_few_text}", y, 0, None, None))
            continue
        low, high = share.interval
        figure = f"{round(share.value * 100)}% ({share.count}/{share.total}; {round(low * 100)}–{round(high * 100)}%)"
        bars.append(
            ShareBar(
                str(label),
                f"{LTR_ISOLATE}{figure}{END_ISOLATE}" if rtl else figure,
                y,
                round(AREA * share.value, 1),
                round(LABEL + AREA * low, 1),
                round(LABEL + AREA * high, 1),
            )
        )
    direction = Direction(LABEL + AREA + VALUE, rtl)
    for bar in bars:
        bar.direction = direction
    return ShareChart(title, bars, direction)


# --- Time to delivery: the share delivered, rising step by step (tracker/public/survival.py) ------------

STEP_START = 40  # the shares' scale on the start side
STEP_AREA = 300
STEP_TOP = 10
STEP_HEIGHT = 140
LEGEND_ROW = 20
DASHES = ("", "6 4")  # the first side solid, the second dashed: told apart without colour


@dataclass
class StepLine:
    label: str  # whole, on its own line of the legend
    path: str  # "" when there are too few to draw
    dash: str
    legend_y: int
    swatch: tuple  # (x1, x2)
    label_x: float


@dataclass
class StepChart:
    title: str
    caption: str  # what the x axis counts
    lines: list
    x_ticks: list  # [(x, text)]
    y_ticks: list  # [(x, y, text)]
    axis: tuple  # (x1, x2, y) of the time axis
    height: int
    description: str
    width: int = STEP_START + STEP_AREA + 20

    @property
    def tick_y(self):
        return STEP_TOP + STEP_HEIGHT + 16

    @property
    def caption_y(self):
        return STEP_TOP + STEP_HEIGHT + 32

    @property
    def caption_x(self):
        return self.width / 2


def step_chart(title, caption, horizon, sides, too_few_text):
    """sides: [(label, points)] with points ((day, share, low, high), ...) from the survival module ->
    a StepChart of the share delivered over `horizon` days; a side with no points is named in the legend
    with `too_few_text` and not drawn."""
    rtl = get_language_bidi()
    width = STEP_START + STEP_AREA + 20
    direction = Direction(width, rtl)

    def x(day):
        return direction.x(STEP_START + STEP_AREA * min(day, horizon) / horizon)

    def y(share):
        return round(STEP_TOP + STEP_HEIGHT * (1 - share), 1)

    lines, described = [], []
    legend_top = STEP_TOP + STEP_HEIGHT + 52
    for index, (label, points) in enumerate(sides):
        path = ""
        if points:
            day, share = points[0][0], points[0][1]
            steps = [f"M{x(day)} {y(share)}"] + [f"H{x(d)} V{y(s)}" for d, s, _low, _high in points[1:]]
            path = " ".join(steps)
            last = points[-1]
            reached = gettext("%(percent)s%% delivered after %(days)s days") % {
                "percent": round(last[1] * 100),
                "days": last[0],
            }
            described.append(f"{label}: {reached}")
        else:
            described.append(f"{label}: {too_few_text}")
        text = str(label) if points else f"{label}: {too_few_text}"
        legend_y = legend_top + index * LEGEND_ROW
        lines.append(
            StepLine(text, path, DASHES[index % 2], legend_y, (direction.x(0), direction.x(24)), direction.x(30))
        )
    years = horizon // 365
    return StepChart(
        title=str(title),
        caption=str(caption),
        lines=lines,
        x_ticks=[(x(year * 365), str(year)) for year in range(years + 1)],
        y_ticks=[(direction.x(STEP_START / 2), y(p / 100) + 4, f"{p}%") for p in (0, 50, 100)],
        axis=(x(0), x(horizon), STEP_TOP + STEP_HEIGHT),
        height=legend_top + len(sides) * LEGEND_ROW - 4,
        description="; ".join(described),
        width=width,
    )
