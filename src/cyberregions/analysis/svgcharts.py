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


def _clip(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


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
    height = ROW * len(rows) + 10
    body = []
    for index, (label, value) in enumerate(rows):
        y = 5 + index * ROW
        length = plot * (value or 0) / top
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end" {TEXT}>'
            f"{escape(_clip(label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + 14}" {TEXT}>'
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
    height = ROW * len(rows) + 10
    body = [f'<line x1="{middle:.1f}" y1="0" x2="{middle:.1f}" y2="{height}" stroke="#6c757d"/>']
    for index, (label, value) in enumerate(rows):
        y = 5 + index * ROW
        length = half * abs(value) / top
        x = middle if value >= 0 else middle - length
        colour = POSITIVE_COLOUR if value >= 0 else NEGATIVE_COLOUR
        value_x = middle + half + 4
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end" {TEXT}>'
            f"{escape(_clip(label))}</text>"
            f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" '
            f'fill="{colour}"/>'
            f'<text x="{value_x:.1f}" y="{y + 14}" {TEXT}>{escape(fmt(value))}</text>'
        )
    return _svg(height, title, body)
