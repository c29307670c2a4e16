"""SVG chart primitives for the HTML report: scales, axes, markers and the kinds of chart.

Each builder takes plain rows (labels, values, intervals, tooltips) worked out by its caller and
returns one ``<svg>`` element as a string: dot-and-whisker rows, a shaded heatmap, a small panel
of bars, and a grid of filled or empty cells. None of them knows what a comparison is or
computes a statistic. Text is not measured, so layout estimates it from a mean character width,
and every piece of it is escaped, since the corpus and the user supply most of it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count

from framing.compare import Interval

_SHAPES = ("circle", "square", "diamond", "triangle")
_WIDTH = 960  # every chart's viewBox width, in CSS pixels at full size
_FONT = 13
_SMALL = 11
_CHAR = 0.58  # mean character width of the sans-serif font, in ems (layout estimate only)
_BOLD = 0.66  # the same for semi-bold text
_BLUES = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594")


@dataclass
class _Page:
    """What every part of one page shares: each outlet's colour and marker, and unique ids."""

    colours: dict[str, str]
    shapes: dict[str, str]
    ids: Iterator[int] = field(default_factory=lambda: count(1))

    def new_id(self, kind: str) -> str:
        return f"{kind}-{next(self.ids)}"

    def colour(self, outlet: str) -> str:
        return self.colours.get(outlet, "#555555")

    def shape(self, outlet: str) -> str:
        return self.shapes.get(outlet, "circle")


@dataclass(frozen=True)
class _Point:
    """One marker of a dot-and-whisker chart: whose it is, where, and what its tooltip says."""

    outlet: str
    interval: Interval
    tooltip: str


@dataclass(frozen=True)
class _Bar:
    """One bar of a bar panel: its label, its value (printed beside it) and its tooltip."""

    label: str
    value: float
    tooltip: str


@dataclass(frozen=True)
class _GridRow:
    """One row of a grid: a short key, a label, a tooltip, and (filled, tooltip) per column."""

    key: str
    label: str
    tooltip: str
    cells: tuple[tuple[bool, str], ...]


# --- scales and axes ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scale:
    """A linear map from data values to x positions."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        clamped = min(max(value, self.low), self.high)
        return self.start + (clamped - self.low) / span * (self.end - self.start)


def _values(intervals: Iterable[Interval]) -> list[float]:
    return [
        v
        for i in intervals
        for v in (i.estimate, i.low, i.high)
        if v is not None and math.isfinite(v)
    ]


def _domain(values: Sequence[float], floor: float, ceiling: float) -> tuple[float, float]:
    """An axis range holding every value and zero, rounded out to ticks, within the bounds."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if high - low < 1e-9:
        high = low + 1.0
    pad = (high - low) * 0.05
    step = _step(low - pad, high + pad)
    low = max(floor, math.floor((low - pad) / step - 1e-9) * step) if low < 0 else max(floor, 0.0)
    high = min(ceiling, math.ceil((high + pad) / step - 1e-9) * step)
    return low, high


def _step(low: float, high: float, count: int = 6) -> float:
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    for nice in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= nice * magnitude * (1 + 1e-9):
            return nice * magnitude
    return 10 * magnitude


def _ticks(low: float, high: float) -> list[float]:
    step = _step(low, high)
    first = math.ceil(low / step - 1e-9)
    return [round(n * step, 10) for n in range(first, math.floor(high / step + 1e-9) + 1)]


def _tick_label(tick: float, domain: tuple[float, float]) -> str:
    step = _step(*domain)
    digits = max(0, -math.floor(math.log10(step))) + (1 if step * 10 % 10 == 5 else 0)
    digits = min(digits, 3)
    signed = domain[0] < 0
    return f"{tick:+.{digits}f}" if signed and tick else f"{tick:.{digits}f}"


# --- charts ---------------------------------------------------------------------------------


def _dot_whisker(
    rows: Sequence[tuple[str, Sequence[_Point]]],
    page: _Page,
    *,
    chart: str,
    title: str,
    axis: str,
    domain: tuple[float, float],
    legend: bool,
) -> str:
    """One row per label, one marker per point, a whisker for each interval.

    Where rows hold several points, each outlet keeps its own height within every row.
    """
    outlets = list(dict.fromkeys(p.outlet for _, points in rows for p in points))
    several = max((len(points) for _, points in rows), default=1) > 1
    slots = len(outlets) if several else 1
    step = 13 if several else 0
    row_height = max(30, step * slots + 14)
    label_width = min(320, max(120, _width(max((label for label, _ in rows), key=len), _FONT)))
    left, right = label_width + 20, _WIDTH - 30
    top = 12
    legend_svg, legend_height = _legend(outlets, page, left, top) if legend else ("", 0)
    top += legend_height
    scale = _Scale(domain[0], domain[1], left, right)
    bottom = top + row_height * len(rows)
    parts = [legend_svg]
    for tick in _ticks(*domain):
        x = scale(tick)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}"/>')
        parts.append(_text(x, bottom + 16, _tick_label(tick, domain), size=_SMALL, anchor="middle"))
    if domain[0] < 0 < domain[1]:
        x = scale(0.0)
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="#555"/>')
    parts.append(f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>')
    parts.append(_text((left + right) / 2, bottom + 34, axis, size=_SMALL, anchor="middle"))
    for index, (label, points) in enumerate(rows):
        y0 = top + index * row_height
        if index % 2:
            parts.append(
                f'<rect x="0" y="{y0}" width="{right}" height="{row_height}" fill="#f6f6f6"/>'
            )
        parts.append(
            _text(label_width + 8, y0 + row_height / 2 + 4, _fit(label, label_width), anchor="end")
        )
        first = y0 + (row_height - step * (slots - 1)) / 2
        for point in points:
            slot = outlets.index(point.outlet) if several else 0
            parts.append(_point_svg(point, scale, first + slot * step, page))
    height = bottom + 44
    return _svg(chart, title, _WIDTH, height, page, "".join(parts))


def _point_svg(point: _Point, scale: _Scale, y: float, page: _Page) -> str:
    colour = page.colour(point.outlet)
    interval = point.interval
    whisker = ""
    hollow = interval.low is None or interval.high is None
    if interval.low is not None and interval.high is not None:
        x1, x2 = scale(interval.low), scale(interval.high)
        whisker = (
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{colour}" '
            'stroke-width="2"/>'
            f'<line x1="{x1:.1f}" y1="{y - 4:.1f}" x2="{x1:.1f}" y2="{y + 4:.1f}" '
            f'stroke="{colour}" stroke-width="1.5"/>'
            f'<line x1="{x2:.1f}" y1="{y - 4:.1f}" x2="{x2:.1f}" y2="{y + 4:.1f}" '
            f'stroke="{colour}" stroke-width="1.5"/>'
        )
    marker = _marker(page.shape(point.outlet), scale(interval.estimate), y, 5, colour, hollow)
    return f"<g><title>{_e(point.tooltip)}</title>{whisker}{marker}</g>"


def _marker(shape: str, x: float, y: float, r: float, colour: str, hollow: bool) -> str:
    paint = f'fill="#fff" stroke="{colour}" stroke-width="2"' if hollow else f'fill="{colour}"'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {paint}/>'
    if shape == "diamond":
        d = r * 1.3
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
        return f'<polygon points="{points}" {paint}/>'
    if shape == "triangle":
        d = r * 1.2
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y + d:.1f} {x - d:.1f},{y + d:.1f}"
        return f'<polygon points="{points}" {paint}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {paint}/>'


def _legend(outlets: Sequence[str], page: _Page, left: float, top: float) -> tuple[str, int]:
    """Outlet markers and names in rows that fit the chart's width; the SVG and its height."""
    parts: list[str] = []
    x, y = left, top + 8
    for outlet in outlets:
        name = _clip(outlet, 40)
        width = 22 + _width(name, _SMALL) + 18
        if x + width > _WIDTH - 10 and x > left:
            x, y = left, y + 18
        parts.append(_marker(page.shape(outlet), x + 6, y, 5, page.colour(outlet), False))
        parts.append(_text(x + 16, y + 4, name, size=_SMALL))
        x += width
    return "".join(parts), int(y - top) + 18 if outlets else 0


def _heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Iterable[tuple[int, int, float, str, str, bool]],
    page: _Page,
    *,
    chart: str,
    title: str,
    scale: tuple[float, float, str],
    square: bool = False,
) -> str:
    """A grid of shaded cells with their values: (row, column, shade 0-1, text, tooltip, mark)."""
    label_width = min(340, _width(max(rows, key=len), _FONT) + 12)
    available = _WIDTH - label_width - 20
    cell_width = min(130.0, max(44.0, available / max(len(columns), 1)))
    cell_height = min(cell_width, 52.0) if square else 26.0
    chars = max(6, int((cell_width - 8) / (_SMALL * _BOLD)))
    # Names wrap over up to three lines above wide columns, and stand upright above narrow ones.
    upright = chars < 11
    wrapped = [[_clip(c, 28)] if upright else _wrap(c, chars) for c in columns]
    if upright:
        header = int(max(_width(lines[0], _SMALL) for lines in wrapped)) + 14
    else:
        header = 16 * max(len(lines) for lines in wrapped) + 10
    top = header + 6
    left = label_width + 8
    parts = []
    for index, lines in enumerate(wrapped):
        x = left + (index + 0.5) * cell_width
        if upright:
            place = f'transform="translate({x + 4:.1f},{top - 9}) rotate(-90)"'
            spans = _e(lines[0])
        else:
            place = f'x="{x:.1f}" y="{top - 8 - 16 * (len(lines) - 1)}" text-anchor="middle"'
            spans = "".join(
                f'<tspan x="{x:.1f}" dy="{0 if n == 0 else 16}">{_e(line)}</tspan>'
                for n, line in enumerate(lines)
            )
        parts.append(
            f"<g><title>{_e(columns[index])}</title>"
            f'<text {place} font-size="{_SMALL}" font-weight="600">{spans}</text></g>'
        )
        if columns[index] in page.colours:
            parts.append(
                f'<rect x="{x - cell_width / 2 + 4:.1f}" y="{top - 4}" '
                f'width="{cell_width - 8:.1f}" height="3" fill="{page.colour(columns[index])}"/>'
            )
    for index, label in enumerate(rows):
        y = top + index * cell_height + cell_height / 2 + 4
        parts.append(
            f"<g><title>{_e(label)}</title>"
            + _text(label_width, y, _fit(label, label_width - 4), anchor="end")
            + "</g>"
        )
    marks = []
    for row, column, shade, text, tooltip, mark in cells:
        x, y = left + column * cell_width, top + row * cell_height
        fill = _ramp(shade)
        ink = "#fff" if shade > 0.55 else "#1a1a1a"
        lines = text.split("\n")
        first = y + cell_height / 2 + 4 - 6 * (len(lines) - 1)
        label = "".join(
            f'<text x="{x + cell_width / 2:.1f}" y="{first + 13 * n:.1f}" text-anchor="middle" '
            f'font-size="{_FONT if n == 0 else _SMALL - 1}" '
            f'font-weight="{700 if mark else 400}" style="fill:{ink}">{_e(line)}</text>'
            for n, line in enumerate(lines)
        )
        parts.append(
            f"<g><title>{_e(tooltip)}</title>"
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell_width:.1f}" height="{cell_height:.1f}" '
            f'fill="{fill}" stroke="#fff"/>{label}</g>'
        )
        if mark:
            marks.append(
                f'<rect x="{x + 1.5:.1f}" y="{y + 1.5:.1f}" width="{cell_width - 3:.1f}" '
                f'height="{cell_height - 3:.1f}" fill="none" stroke="#000" stroke-width="2.5"/>'
            )
    if square:
        for index in range(len(rows)):
            x, y = left + index * cell_width, top + index * cell_height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell_width:.1f}" '
                f'height="{cell_height:.1f}" fill="#fafafa" stroke="#fff"/>'
            )
    parts.extend(marks)
    bottom = top + len(rows) * cell_height
    key, key_height = _colour_key(scale, left, bottom + 14, page)
    return _svg(chart, title, _WIDTH, bottom + 14 + key_height, page, "".join(parts) + key)


def _colour_key(
    scale: tuple[float, float, str], left: float, top: float, page: _Page
) -> tuple[str, int]:
    low, high, style = scale
    gradient = page.new_id("ramp")
    stops = "".join(
        f'<stop offset="{i / (len(_BLUES) - 1):.3f}" stop-color="{colour}"/>'
        for i, colour in enumerate(_BLUES)
    )
    return (
        f'<defs><linearGradient id="{gradient}">{stops}</linearGradient></defs>'
        f'<rect x="{left}" y="{top}" width="180" height="10" fill="url(#{gradient})" '
        'stroke="#ccc"/>'
        + _text(left - 6, top + 9, style.format(low), size=_SMALL, anchor="end", css="muted")
        + _text(left + 186, top + 9, style.format(high), size=_SMALL, css="muted"),
        24,
    )


def _bars(
    series: str,
    groups: Sequence[tuple[str, Sequence[_Bar], float]],
    page: _Page,
    *,
    chart: str,
    title: str,
    top: float,
    mark: float,
) -> str:
    """A small panel of one series' bars in headed groups: (heading, bars, fill opacity).

    Bars run from zero on a scale up to ``top``; a dashed line marks the value ``mark``.
    """
    width, row, label_width = 340, 20, 140
    chars = int((label_width - 4) / (_FONT * _CHAR))
    left, right = label_width + 8, width - 44
    scale = _Scale(0.0, top, left, right)
    colour = page.colour(series)
    body: list[str] = []
    y = 30
    for heading, bars, opacity in groups:
        body.append(_text(4, y + 10, heading, size=_SMALL, css="muted", weight="600"))
        y += 16
        if not bars:
            body.append(_text(left, y + 12, "none", size=_SMALL, css="muted"))
            y += row
        for bar in bars:
            length = max(scale(bar.value) - left, 1.0)
            body.append(
                f"<g><title>{_e(bar.tooltip)}</title>"
                + _text(label_width, y + 14, _clip(bar.label, chars), anchor="end")
                + f'<rect x="{left}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
                f'fill="{colour}" fill-opacity="{opacity}" stroke="{colour}"/>'
                + _text(left + length + 4, y + 14, f"{bar.value:.1f}", size=_SMALL, css="muted")
                + "</g>"
            )
            y += row
        y += 6
    marked = scale(mark)
    body.insert(
        0,
        f'<line x1="{marked:.1f}" y1="30" x2="{marked:.1f}" y2="{y - 6}" stroke="#999" '
        'stroke-dasharray="4 3"/>',
    )
    head = _swatch_svg(page, series, 10, 12) + _text(22, 17, _clip(series, 36), weight="600")
    return _svg(chart, title, width, y, page, head + "".join(body))


def _grid(
    columns: Sequence[str],
    rows: Sequence[_GridRow],
    page: _Page,
    *,
    chart: str,
    title: str,
) -> str:
    """Labelled rows of one cell per column, filled in the column's colour where present."""
    cell, row, size = 30, 22, 12
    grid_width = cell * len(columns)
    label_width = _WIDTH - grid_width - 24
    longest = max((_width(_clip(name, 32), _SMALL) for name in columns), default=0.0)
    header = int(longest) + 12
    left = label_width + 12
    parts = []
    for index, name in enumerate(columns):
        x = left + index * cell + cell / 2
        parts.append(
            f"<g><title>{_e(name)}</title>"
            f'<text transform="translate({x + 4:.1f},{header - 6}) rotate(-90)" '
            f'font-size="{_SMALL}">{_e(_clip(name, 32))}</text></g>'
        )
    chars = int((label_width - 40) / (size * _CHAR))
    for index, line in enumerate(rows):
        y = header + 4 + index * row
        if index % 2:
            parts.append(
                f'<rect x="0" y="{y}" width="{left + grid_width}" height="{row}" fill="#f6f6f6"/>'
            )
        parts.append(
            f"<g><title>{_e(line.tooltip)}</title>"
            + _text(0, y + 15, line.key, size=_SMALL, css="muted")
            + _text(36, y + 15, _clip(line.label, chars), size=size)
            + "</g>"
        )
        for column, (name, (present, tooltip)) in enumerate(zip(columns, line.cells, strict=True)):
            x = left + column * cell + 4
            paint = f'fill="{page.colour(name)}"' if present else 'fill="#fff" stroke="#bbb"'
            parts.append(
                f"<g><title>{_e(tooltip)}</title>"
                f'<rect x="{x}" y="{y + 3}" width="{cell - 8}" height="{row - 6}" rx="2" '
                f"{paint}/></g>"
            )
    height = header + 4 + len(rows) * row + 8
    return _svg(chart, title, _WIDTH, height, page, "".join(parts))


# --- elements and text ----------------------------------------------------------------------


def _svg(chart: str, title: str, width: float, height: float, page: _Page, body: str) -> str:
    ident = page.new_id(chart)
    return (
        f'<svg class="chart" data-chart="{chart}" role="img" aria-labelledby="{ident}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-size="{_FONT}">'
        f'<title id="{ident}">{_e(title)}</title>{body}</svg>'
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = _FONT,
    anchor: str = "start",
    css: str = "",
    weight: str = "",
) -> str:
    extra = (f' class="{css}"' if css else "") + (f' font-weight="{weight}"' if weight else "")
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{extra}>'
        f"{_e(text)}</text>"
    )


def _swatch_svg(page: _Page, outlet: str, x: float, y: float) -> str:
    return _marker(page.shape(outlet), x, y, 5, page.colour(outlet), False)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _width(text: str, size: int) -> float:
    return len(text) * size * _CHAR


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 1)].rstrip() + "…"


def _fit(text: str, width: float, size: int = _FONT) -> str:
    """``text`` clipped to about ``width`` pixels."""
    return _clip(text, max(int(width / (size * _CHAR)), 4))


def _wrap(text: str, width: int, lines: int = 3) -> list[str]:
    """Break ``text`` at spaces into at most ``lines`` lines of about ``width`` characters."""
    found: list[str] = []
    for word in text.split():
        if found and len(found[-1]) + 1 + len(word) <= width:
            found[-1] += " " + word
        else:
            found.append(word)
    if len(found) > lines:
        found = [*found[: lines - 1], " ".join(found[lines - 1 :])]
    return [_clip(line, width) for line in found] or [""]


def _ramp(shade: float) -> str:
    """The colour of a shade in [0, 1] on a light-to-dark blue ramp (ColorBrewer Blues)."""
    shade = min(max(shade, 0.0), 1.0) * (len(_BLUES) - 1)
    index = min(int(shade), len(_BLUES) - 2)
    fraction = shade - index
    first, second = _BLUES[index], _BLUES[index + 1]
    channels = [
        round(int(first[i : i + 2], 16) * (1 - fraction) + int(second[i : i + 2], 16) * fraction)
        for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02x}" for c in channels)
