"""Page scaffolding for the HTML report: head, CSS, contents, summary and shared fragments.

The document head carries the inline stylesheet and a Content-Security-Policy that forbids
fetching anything. Beside it are the parts of the page that are not about one comparison (the
lead paragraph, the contents, the summary with settings and input accounting) and the small
HTML fragments every section uses: figures, outlet swatches, estimates with their intervals.
"""

from __future__ import annotations

from collections.abc import Iterable

from framing.compare import Comparison, GroupComparison, Interval
from framing.corpus.accounting import Accounting
from framing.render._svg import _e, _Page
from framing.stats import ContingencyTest

_SKIPS_SHOWN = 50

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.7em; margin: 0.2em 0 0.1em; }
h2 { font-size: 1.3em; margin: 1.8em 0 0.4em; border-bottom: 2px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
p.lead { color: #555; margin-top: 0; }
nav ol { columns: 2; margin: 0.5em 0 1em; padding-left: 1.4em; }
table { border-collapse: collapse; margin: 0.6em 0 0.3em; font-size: 0.92em; }
th, td { border-bottom: 1px solid #e2e2e2; padding: 4px 10px 4px 0; text-align: left;
  vertical-align: top; }
th { font-weight: 600; }
thead th { border-bottom: 2px solid #bbb; }
td.outlet { min-width: 11em; }
td ul { margin: 0.3em 0; padding-left: 1.2em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { color: #666; font-size: 0.88em; }
.note, figcaption, caption { color: #555; font-size: 0.88em; }
caption { caption-side: bottom; text-align: left; padding-top: 4px; }
figure { margin: 0.8em 0 1.2em; break-inside: avoid; }
svg.chart { display: block; width: 100%; max-width: 960px; height: auto; }
svg.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
  Arial, sans-serif; fill: #1a1a1a; }
svg.chart .axis { stroke: #888; stroke-width: 1; }
svg.chart .grid { stroke: #e6e6e6; stroke-width: 1; }
svg.chart .muted { fill: #666; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
  gap: 12px 24px; }
.panels svg.chart { max-width: 400px; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em;
  vertical-align: -0.1em; margin-right: 0.35em; print-color-adjust: exact;
  -webkit-print-color-adjust: exact; }
dl.settings { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr));
  gap: 2px 24px; margin: 0.4em 0; font-size: 0.92em; }
dl.settings div { display: flex; gap: 0.8em; border-bottom: 1px solid #eee; padding: 2px 0; }
dl.settings dt { font-weight: 600; min-width: 12em; }
dl.settings dd { margin: 0; overflow-wrap: anywhere; }
.swatch.circle { border-radius: 50%; }
.swatch.square { width: 0.8em; height: 0.8em; }
.swatch.diamond { width: 0.7em; height: 0.7em; transform: rotate(45deg); }
.swatch.triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
ul.outlets { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 20px; }
details.event { border-top: 3px solid #ccc; margin-top: 2em; }
details.event > summary { font-size: 1.35em; font-weight: 600; padding: 0.5em 0;
  cursor: pointer; }
code, .path { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 0.9em; overflow-wrap: anywhere; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  details.event { break-before: page; }
}
"""


_SECTIONS = (
    ("tone", "Outlets and tone"),
    ("frames", "Frame shares"),
    ("frame-test", "Do the outlets frame it differently?"),
    ("words", "Distinctive words and phrases"),
    ("cues", "Epistemic and evaluative cues"),
    ("sourcing", "Sourcing: who is given voice"),
    ("actors", "Sentiment toward actors"),
    ("labels", "How outlets name the main actors"),
    ("coverage", "Coverage of content units"),
)


def _document(body: Iterable[str]) -> str:
    """A whole HTML5 document around ``body``: head, stylesheet, then one part a line."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>framing report</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    return "\n".join([*head, *body, "</main>", "</body>", "</html>", ""])


def _lead(comparison: Comparison) -> str:
    overall = comparison.overall
    corpus = comparison.settings.get("corpus")
    where = f' from <span class="path">{_e(corpus)}</span>' if corpus else ""
    events = f", {len(comparison.events)} events" if comparison.events else ""
    return (
        f'<p class="lead">{len(overall.outlets)} outlets, '
        f"{sum(r.articles for r in overall.outlets.values()):,} articles{events}{where}. "
        "Every figure carries a 95% interval from resampling articles where there are at least "
        "two; hover over a chart for its numbers.</p>"
    )


_EVENTS_SHOWN = 25


def _events_shown(events: tuple[GroupComparison, ...]) -> list[GroupComparison]:
    """The events with the most outlets (then articles) get sections; a report of hundreds
    of events would be too long to read and tens of megabytes."""
    ranked = sorted(
        events,
        key=lambda g: (
            -len(g.outlets),
            -sum(r.articles for r in g.outlets.values()),
            g.event or "",
        ),
    )
    return ranked[:_EVENTS_SHOWN]


def _contents(comparison: Comparison) -> str:
    items = ['<li><a href="#summary">Summary, settings and accounting</a></li>']
    shown = _events_shown(comparison.events)
    items += [f'<li><a href="#all-{key}">{_e(title)}</a></li>' for key, title in _SECTIONS]
    items += [
        f'<li><a href="#event-{i}">Event: {_e(group.event or "(no event given)")}</a></li>'
        for i, group in enumerate(comparison.events, start=1)
        if group in shown
    ]
    return f'<nav aria-label="Contents"><ol>{"".join(items)}</ol></nav>'


def _summary_section(comparison: Comparison, page: _Page) -> str:
    swatches = "".join(f"<li>{_swatch(page, name)}{_e(name)}</li>" for name in page.colours)
    settings = "".join(
        f"<div><dt>{_e(key.replace('_', ' '))}</dt><dd>{_e(_setting(value))}</dd></div>"
        for key, value in comparison.settings.items()
    )
    return (
        '<section id="summary"><h2>Summary, settings and accounting</h2>'
        f'<h3>Outlets and their colours</h3><ul class="outlets">{swatches}</ul>'
        f"<h3>Inputs</h3>{_accounting(comparison.accounting)}"
        f'<h3>Settings</h3><dl class="settings">{settings}</dl></section>'
    )


def _setting(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _accounting(accounting: Accounting) -> str:
    parts = [
        f"<p>{accounting.loaded:,} articles loaded, {accounting.duplicates:,} exact duplicates "
        f"merged, {len(accounting.skipped):,} inputs skipped.</p>"
    ]
    if accounting.skipped:
        rows = "".join(
            f'<tr><td class="path">{_e(s.source)}</td><td>{_e(s.reason)}</td></tr>'
            for s in accounting.skipped[:_SKIPS_SHOWN]
        )
        hidden = len(accounting.skipped) - _SKIPS_SHOWN
        more = f"<caption>… and {hidden:,} more skipped (see --json for all)</caption>"
        parts.append(
            f"<table>{more if hidden > 0 else ''}<thead><tr><th>Skipped input</th>"
            f"<th>Reason</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    if accounting.merged:
        rows = "".join(
            f'<tr><td class="path">{_e(m.source)}</td><td class="path">{_e(m.kept)}</td></tr>'
            for m in accounting.merged[:_SKIPS_SHOWN]
        )
        parts.append(
            "<table><thead><tr><th>Duplicate</th><th>Merged into</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    if accounting.warnings:
        rows = "".join(
            f'<tr><td>{_e(w.kind)}</td><td class="num">{w.count:,}</td>'
            f'<td><span class="path">{_e(w.example.source)}</span>: {_e(w.example.message)}</td>'
            "</tr>"
            for w in accounting.warnings.values()
        )
        parts.append(
            "<table><thead><tr><th>Warning</th><th class='num'>Times</th><th>First example</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
    return "".join(parts)


# --- fragments ------------------------------------------------------------------------------


def _figure(chart: str, caption: str) -> str:
    return f"<figure>{chart}<figcaption>{caption}</figcaption></figure>"


def _swatch(page: _Page, outlet: str) -> str:
    return (
        f'<span class="swatch {page.shape(outlet)}" '
        f'style="background:{page.colour(outlet)}"></span>'
    )


def _interval_text(
    interval: Interval, *, digits: int = 2, signed: bool = False, percent: bool = False
) -> str:
    scale, suffix = (100, "%") if percent else (1, "")
    sign = "+" if signed else ""
    estimate = f"{interval.estimate * scale:{sign}.{digits}f}{suffix}"
    if interval.low is None or interval.high is None:
        return f"{estimate} (no interval: fewer than two articles)"
    low = f"{interval.low * scale:{sign}.{digits}f}"
    high = f"{interval.high * scale:{sign}.{digits}f}"
    return f"{estimate} (95% CI {low} to {high}{suffix})"


def _bounds(interval: Interval, *, digits: int, signed: bool = False) -> str:
    if interval.low is None or interval.high is None:
        return '<span class="ci">n/a</span>'
    sign = "+" if signed else ""
    return f"[{interval.low:{sign}.{digits}f}, {interval.high:{sign}.{digits}f}]"


def _cell(interval: Interval, *, percent: bool = False, digits: int = 1) -> str:
    """An estimate with its interval below it ("n/a" where there is none), as in the terminal."""
    scale, suffix = (100, "%") if percent else (1, "")
    estimate = f"{interval.estimate * scale:.{digits}f}{suffix}"
    if interval.low is None or interval.high is None:
        return f'{estimate}<br><span class="ci">n/a</span>'
    bounds = f"{interval.low * scale:.{digits}f}–{interval.high * scale:.{digits}f}"
    return f'{estimate}<br><span class="ci">{bounds}</span>'


def _test_plain(result: ContingencyTest | None, adjusted: float | None, note: str) -> str:
    if result is None:
        return note or "no test"
    text = f"χ²({result.df}) = {result.chi2:.1f}, n = {result.n}, p = {_p(result.p_value)}"
    if adjusted is not None:
        text += f", Holm p = {_p(adjusted)}"
    return text + f", V = {result.cramers_v:.2f}"


def _test_text(result: ContingencyTest | None, adjusted: float | None, note: str) -> str:
    text = _e(_test_plain(result, adjusted, note))
    if result is None:
        return f'<span class="note">{text}</span>'
    significant = (adjusted if adjusted is not None else result.p_value) < 0.05
    return f"<strong>{text}</strong>" if significant else text


def _p(value: float) -> str:
    return "< .001" if value < 0.001 else f"{value:.3f}".lstrip("0")
