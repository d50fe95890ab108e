"""Static SVG charts for the printed report (HTML and PDF), drawn without JavaScript.

Pure functions over plain data, with no Django import. Each returns an ``<svg>`` element with
a ``<title>``; the report prints a table with the same figures under every chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

WIDTH = 640
ROW = 20
LABEL_WIDTH = 230
VALUE_WIDTH = 70
BAR_COLOUR = "#0b3d62"
NEGATIVE_COLOUR = "#8a5a00"
POSITIVE_COLOUR = "#0b3d62"
TEXT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="11" fill="#212529"'


def _lines(label: str, limit: int = 36) -> list[str]:
    """The label on as many lines of at most ``limit`` characters as it needs (whole words;
    a longer word gets a line of its own), so that no label is cut."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


LINE = 13  # height of one more label line


def _layout(labels: Sequence[str]) -> tuple[list[tuple[int, list[str]]], int]:
    """Each row's top and label lines, and the chart's height: a row grows with its lines."""
    rows, y = [], 5
    for label in labels:
        lines = _lines(label)
        rows.append((y, lines))
        y += ROW + LINE * (len(lines) - 1)
    return rows, y + 5


def _label(y: int, lines: list[str]) -> str:
    """A right-aligned label left of the plot, one ``tspan`` per line; its bar sits level
    with the middle of the lines."""
    spans = "".join(
        f'<tspan x="{LABEL_WIDTH - 6}" y="{y + 14 + index * LINE}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text text-anchor="end" {TEXT}>{spans}</text>'


def _bar_y(y: int, lines: list[str]) -> float:
    """The top of a row's bar: level with the middle of its label."""
    return y + 3 + LINE * (len(lines) - 1) / 2


def _svg(height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def bar_chart(
    rows: Sequence[tuple[str, float | None]],
    title: str,
    fmt: Callable[[float], str] = lambda value: f"{value:,.0f}",
    reference: float | None = None,
) -> str:
    """Horizontal bars, one per (label, value); ``reference`` draws a dashed vertical line
    (1.0 for the specialisation index)."""
    values = [value or 0 for _label, value in rows]
    top = max([*values, reference or 0, 0]) or 1
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    layout, height = _layout([label for label, _value in rows])
    body = []
    for (y, lines), (_label_text, value) in zip(layout, rows, strict=True):
        length = plot * (value or 0) / top
        bar = _bar_y(y, lines)
        body.append(
            _label(y, lines) + f'<rect x="{LABEL_WIDTH}" y="{bar:.1f}" width="{length:.1f}" '
            f'height="{ROW - 6}" fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{bar + 11:.1f}" {TEXT}>'
            f"{escape(fmt(value) if value is not None else '–')}</text>"
        )
    if reference is not None:
        x = LABEL_WIDTH + plot * reference / top
        body.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#6c757d" '
            f'stroke-dasharray="4 3"/>'
        )
    return _svg(height, title, body)


def diverging_chart(
    rows: Sequence[tuple[str, float]],
    title: str,
    fmt: Callable[[float], str] = lambda value: f"{value:+.1%}",
) -> str:
    """Bars left (negative) and right (positive) of a middle axis: supply–demand gaps."""
    top = max([abs(value) for _label, value in rows] + [0]) or 1
    half = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2
    middle = LABEL_WIDTH + half
    layout, height = _layout([label for label, _value in rows])
    body = [f'<line x1="{middle:.1f}" y1="0" x2="{middle:.1f}" y2="{height}" stroke="#6c757d"/>']
    for (y, lines), (_label_text, value) in zip(layout, rows, strict=True):
        length = half * abs(value) / top
        x = middle if value >= 0 else middle - length
        colour = POSITIVE_COLOUR if value >= 0 else NEGATIVE_COLOUR
        value_x = middle + half + 4
        bar = _bar_y(y, lines)
        body.append(
            _label(y, lines) + f'<rect x="{x:.1f}" y="{bar:.1f}" width="{length:.1f}" '
            f'height="{ROW - 6}" fill="{colour}"/>'
            f'<text x="{value_x:.1f}" y="{bar + 11:.1f}" {TEXT}>{escape(fmt(value))}</text>'
        )
    return _svg(height, title, body)
