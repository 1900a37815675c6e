"""Server-rendered SVG charts: the geometry is worked out here so templates only draw it, and pages
need no charting JavaScript.

Each bar has its label on a line of its own above it, written out in full, and its value after it,
inside the chart: a long office title is never cut off, and the widest label sets the chart's
width (the SVG scales to the screen).

Bars grow from the side the page's language reads from: the left in English, the right in Urdu. The
geometry below is worked out from the start side; `Direction` turns it into SVG's left-based x.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language_bidi

LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + 10
BAR_AREA = 220
VALUE_WIDTH = 100
CHAR_WIDTH = 7  # at the charts' 12px font, a generous average width of a letter


@dataclass(frozen=True)
class Direction:
    """Where a chart's start side is: x counts from the left in a left-to-right language, from the right
    in a right-to-left one (the SVG inherits the page's direction, so its text runs from that side too)."""

    chart_width: float = 0
    rtl: bool = False

    def x(self, position, length=0):
        """SVG's x of the left edge of something `length` long that begins `position` from the start side
        (text anchored at its start has no length: its x is where it starts)."""
        return round(self.chart_width - position - length, 1) if self.rtl else position


@dataclass
class Bar:
    label: str
    value: int
    text: str
    y: int
    width: float
    css: str = ""
    direction: Direction = field(default_factory=Direction)

    @property
    def text_y(self):
        return self.y + LABEL_HEIGHT - 5

    @property
    def bar_y(self):
        return self.y + LABEL_HEIGHT

    @property
    def label_x(self):
        return self.direction.x(0)

    @property
    def bar_x(self):
        return self.direction.x(0, self.width)

    @property
    def value_x(self):
        return self.direction.x(self.width + 6)

    @property
    def value_y(self):
        return self.bar_y + BAR_HEIGHT - 3


@dataclass
class BarChart:
    title: str
    bars: list

    bar_height = BAR_HEIGHT

    @property
    def width(self):
        widest = max((len(bar.label) * CHAR_WIDTH for bar in self.bars), default=0)
        return max(BAR_AREA + VALUE_WIDTH, widest)

    @property
    def height(self):
        return max(len(self.bars), 1) * ROW_HEIGHT

    @property
    def description(self):
        return "; ".join(f"{bar.label}: {bar.text}" for bar in self.bars)


def bar_chart(title, rows, unit=""):
    """rows: [(label, value)] or [(label, value, css_class)] -> BarChart scaled to the largest value."""
    largest = max((row[1] for row in rows), default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        label, value = row[0], row[1]
        css = row[2] if len(row) > 2 else ""
        text = f"{value:,} {unit}".strip()
        bars.append(Bar(str(label), value, text, index * ROW_HEIGHT, round(BAR_AREA * value / largest, 1), css))
    chart = BarChart(title, bars)
    direction = Direction(chart.width, get_language_bidi())
    for bar in bars:
        bar.direction = direction
    return chart
