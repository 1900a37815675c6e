"""Server-rendered SVG charts: the geometry is worked out here so templates only draw it, and pages
need no charting JavaScript."""

from dataclasses import dataclass

ROW_HEIGHT = 28
LABEL_WIDTH = 150
BAR_AREA = 130
VALUE_WIDTH = 60


@dataclass
class Bar:
    label: str
    value: int
    text: str
    y: int
    width: float
    css: str = ""

    @property
    def text_y(self):
        return self.y + ROW_HEIGHT // 2 + 5

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 6


@dataclass
class BarChart:
    title: str
    bars: list

    label_width = LABEL_WIDTH
    bar_height = ROW_HEIGHT - 8

    @property
    def width(self):
        return LABEL_WIDTH + BAR_AREA + VALUE_WIDTH

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
        text = f"{value} {unit}".strip()
        bars.append(Bar(str(label), value, text, index * ROW_HEIGHT, round(BAR_AREA * value / largest, 1), css))
    return BarChart(title, bars)
