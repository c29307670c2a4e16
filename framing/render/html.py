"""The comparison as one self-contained HTML page with inline SVG charts.

Everything is inline (CSS in a ``<style>``, charts as SVG drawn here), and a
Content-Security-Policy forbids fetching anything, so the file opens offline and is safe to send.
Every piece of text from the corpus or the user is escaped, in HTML and in SVG alike. Like the
other renderers this one only formats: it places the finished figures of a `Comparison` on
scales and never computes a statistic.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from framing._atomic import atomic_text
from framing.analysers.cues import CUE_LABELS
from framing.analysers.frames import FRAME_LABELS
from framing.compare import Comparison, EventMean, GroupComparison, OutletResult
from framing.omission import ContentUnit, Coverage
from framing.render._html_page import (
    _SECTIONS,
    _bounds,
    _cell,
    _contents,
    _document,
    _events_shown,
    _figure,
    _interval_text,
    _lead,
    _p,
    _summary_section,
    _swatch,
    _test_plain,
    _test_text,
)
from framing.render._svg import (
    _SHAPES,
    _Bar,
    _bars,
    _domain,
    _dot_whisker,
    _e,
    _grid,
    _GridRow,
    _heatmap,
    _Page,
    _Point,
    _values,
)

__all__ = ["PALETTE", "comparison_to_html", "write_html"]

PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#F0E442",  # yellow, last: faint on white
)
"""Okabe and Ito's colour-blind-safe palette, given to outlets in sorted order; past eight
outlets the colours repeat with another marker shape."""

_ACTORS_SHOWN = 8
_LABELLED_ACTORS = 4
_UNITS_SHOWN = 60
_ALONE_SHOWN = 5
_VOICES_SHOWN = 6
_WORDS_SHOWN = 8
_PHRASES_SHOWN = 5
_NOTABLE_Z = 1.96


def comparison_to_html(comparison: Comparison) -> str:
    """The comparison as one self-contained HTML document.

    Parameters
    ----------
    comparison : Comparison
        A finished comparison (`framing.compare.compare`).

    Returns
    -------
    str
        An HTML5 document with inline CSS and SVG charts; it references no external resource
        and its Content-Security-Policy forbids fetching any.

    Examples
    --------
    >>> from framing.demo import demo_corpus_path
    >>> from framing.pipeline import compare_corpus
    >>> page = comparison_to_html(compare_corpus(demo_corpus_path()))
    >>> page.startswith("<!DOCTYPE html>") and 'data-chart="frame-shares"' in page
    True
    """
    outlets = sorted(
        {name for group in (comparison.overall, *comparison.events) for name in group.outlets}
    )
    page = _Page(
        colours={name: PALETTE[i % len(PALETTE)] for i, name in enumerate(outlets)},
        shapes={name: _SHAPES[i // len(PALETTE) % len(_SHAPES)] for i, name in enumerate(outlets)},
    )
    by_model = comparison.settings.get("frame_method") == "model"
    parts = [
        "<h1>How the outlets covered it: framing report</h1>",
        _lead(comparison),
        _contents(comparison),
        _summary_section(comparison, page),
        *_group_sections(
            comparison.overall,
            comparison.categories,
            "all articles",
            "all",
            page,
            by_model=by_model,
        ),
    ]
    if comparison.event_means:
        parts.append(_event_means_section(comparison.event_means))
    if comparison.near_duplicates:
        parts.append(_near_duplicates_section(comparison))
    shown = _events_shown(comparison.events)
    if len(shown) < len(comparison.events):
        parts.append(
            f'<p class="note">The {len(shown)} events covered by the most outlets follow; the '
            f"other {len(comparison.events) - len(shown)} are in --json and --csv.</p>"
        )
    for index, group in enumerate(comparison.events, start=1):
        if group not in shown:
            continue
        name = group.event or "(no event given)"
        parts.append(f'<details class="event" id="event-{index}">')
        parts.append(f"<summary>Event: {_e(name)} ({len(group.outlets)} outlets)</summary>")
        parts.extend(
            _group_sections(
                group,
                comparison.categories,
                group.event or "no event",
                f"e{index}",
                page,
                by_model=by_model,
            )
        )
        parts.append("</details>")
    return _document(parts)


def write_html(comparison: Comparison, path: str | os.PathLike[str]) -> Path:
    """Write the HTML report to ``path`` atomically and return the path.

    The page goes to a temporary file in the same folder, then replaces ``path`` in one step,
    so a reader never finds a half-written report.

    Parameters
    ----------
    comparison : Comparison
    path : str or PathLike
        The report file; its folder must exist.

    Returns
    -------
    Path

    Raises
    ------
    OSError
        If the folder does not exist or cannot be written.
    """
    target = Path(path)
    document = comparison_to_html(comparison)
    with atomic_text(target) as file:
        file.write(document)
    return target


# --- sections -------------------------------------------------------------------------------


def _group_sections(
    group: GroupComparison,
    categories: tuple[str, ...],
    scope: str,
    prefix: str,
    page: _Page,
    *,
    by_model: bool,
) -> list[str]:
    """One comparison's sections, in the order of the terminal report."""
    bodies = {
        "tone": _tone_section(group, page),
        "frames": _frames_section(group, categories, page, by_model=by_model),
        "frame-test": _frame_test_section(group, page),
        "words": _words_section(group, page),
        "cues": _cues_section(group, page),
        "sourcing": _sourcing_section(group),
        "actors": _actors_section(group, page),
        "labels": _labels_section(group),
        "coverage": _coverage_section(group, page),
    }
    return [
        f'<section id="{prefix}-{key}"><h2>{_e(title)} ({_e(scope)})</h2>{bodies[key]}</section>'
        for key, title in _SECTIONS
    ]


def _tone_section(group: GroupComparison, page: _Page) -> str:
    rows = "".join(
        f"<tr><td>{_swatch(page, name)}{_e(name)}</td>"
        f'<td class="num">{result.articles:,}</td><td class="num">{result.words:,}</td>'
        f'<td class="num">{result.tone.estimate:+.3f}</td>'
        f'<td class="num">{_bounds(result.tone, digits=3, signed=True)}</td>'
        f'<td class="num">{_cell(result.negative_sentence_share, percent=True, digits=0)}</td>'
        f'<td class="num">{_cell(result.positive_sentence_share, percent=True, digits=0)}</td>'
        "</tr>"
        for name, result in group.outlets.items()
    )
    table = (
        "<table><thead><tr><th>Outlet</th><th class='num'>Articles</th>"
        "<th class='num'>Words</th><th class='num'>Tone</th><th class='num'>95% CI</th>"
        "<th class='num'>Neg.</th><th class='num'>Pos.</th></tr></thead>"
        f"<tbody>{rows}</tbody><caption>Tone: mean VADER compound of sentences, averaged over "
        "articles (-1 to +1); 95% CI: two-stage bootstrap (articles, then sentences); "
        "Neg./Pos.: share of sentences with compound &lt;= -0.05 / &gt;= +0.05, with the "
        "interval from resampling articles below (n/a with one article).</caption></table>"
    )
    points = [
        (name, [_Point(name, r.tone, f"{name}: tone {_interval_text(r.tone, signed=True)}")])
        for name, r in group.outlets.items()
    ]
    chart = _dot_whisker(
        points,
        page,
        chart="tone",
        title="Tone by outlet, with 95% intervals",
        axis="Tone: mean VADER compound (-1 to +1)",
        domain=_domain(_values(p.interval for _, row in points for p in row), -1.0, 1.0),
        legend=False,
    )
    return (
        _figure(
            chart,
            "Each outlet's tone (dot) and its 95% interval (whisker), two-stage bootstrap of "
            "articles, then sentences; a hollow marker has no interval (fewer than two articles).",
        )
        + table
    )


def _frames_section(
    group: GroupComparison, categories: tuple[str, ...], page: _Page, *, by_model: bool
) -> str:
    outlets = list(group.outlets.values())
    if not outlets or not categories:
        return '<p class="note">No outlets or frames to show.</p>'
    shares = [[r.frame_shares[c].estimate for r in outlets] for c in categories]
    top = max((v for row in shares for v in row), default=0.0) or 1.0
    cells = []
    for row, category in enumerate(categories):
        label = FRAME_LABELS.get(category, category)
        for column, result in enumerate(outlets):
            share = result.frame_shares[category]
            primary = result.primary_frame == category
            tooltip = (
                f"{result.outlet} - {label}: {_interval_text(share, percent=True, digits=0)}"
                + ("; the outlet's primary frame" if primary else "")
            )
            text = "-" if not share.estimate and not share.high else f"{share.estimate:.0%}"
            cells.append((row, column, share.estimate / top, text, tooltip, primary))
    chart = _heatmap(
        [FRAME_LABELS.get(c, c) for c in categories],
        [r.outlet for r in outlets],
        cells,
        page,
        chart="frame-shares",
        title="Frame shares by outlet",
        scale=(0.0, top, "{:.0%}"),
    )
    if by_model:
        caption = (
            "The trained model's class probabilities for each article (normalised), averaged "
            "over articles; outlined and bold: each outlet's primary frame; hover for the 95% "
            "interval (resampling articles)."
        )
    else:
        caption = (
            "Share of each article's frame-cue weight, averaged over articles with any cue; "
            "outlined and bold: each outlet's primary frame; hover for the 95% interval from "
            "resampling articles. Policy Frames Codebook (Boydstun et al. 2014)."
        )
    counts = "".join(
        f"<tr><td>{_swatch(page, r.outlet)}{_e(r.outlet)}</td>"
        f'<td class="num">{r.framed_articles:,}</td>'
        f"<td>{_e(FRAME_LABELS.get(r.primary_frame, r.primary_frame) if r.primary_frame else '-')}"
        f"</td><td>{_primary_counts(r)}</td></tr>"
        for r in outlets
    )
    table = (
        "<table><thead><tr><th>Outlet</th><th class='num'>Framed articles</th>"
        "<th>Primary frame</th><th>Articles by primary frame</th></tr></thead>"
        f"<tbody>{counts}</tbody></table>"
    )
    return _figure(chart, caption) + table


def _primary_counts(result: OutletResult) -> str:
    found = [(c, n) for c, n in result.primary_frame_counts.items() if n]
    return _e(", ".join(f"{FRAME_LABELS.get(c, c)} ({n})" for c, n in found) or "-")


def _frame_test_section(group: GroupComparison, page: _Page) -> str:
    test = group.frame_test
    overall = (
        f"<p><strong>All outlets:</strong> {_test_text(test.result, None, test.note)}</p>"
        if test is not None
        else ""
    )
    pairs = group.frame_distances
    if not pairs:
        return overall + '<p class="note">No pair of outlets with framed articles.</p>'
    names = list(dict.fromkeys(n for pair in pairs for n in (pair.outlet_a, pair.outlet_b)))
    top = max(max(pair.distance.estimate for pair in pairs), 1e-9)
    cells = []
    for pair in pairs:
        for a, b in ((pair.outlet_a, pair.outlet_b), (pair.outlet_b, pair.outlet_a)):
            text = f"{pair.distance.estimate:.2f}"
            if pair.p_adjusted is not None:
                text += f"\np {_p(pair.p_adjusted)}"
            tooltip = f"{a} vs {b}: JS distance {_interval_text(pair.distance)}; " + _test_plain(
                pair.result, pair.p_adjusted, pair.note
            )
            cells.append(
                (names.index(a), names.index(b), pair.distance.estimate / top, text, tooltip, False)
            )
    chart = _heatmap(
        names,
        names,
        cells,
        page,
        chart="jsd",
        title="Jensen-Shannon distance between the outlets' frame shares",
        scale=(0.0, top, "{:.2f}"),
        square=True,
    )
    # When no pair could be tested for the same reason, say it once rather than on every row.
    notes = {pair.note for pair in pairs}
    untested = len(notes) == 1 and all(pair.result is None for pair in pairs)
    rows = "".join(
        f"<tr><td>{_e(pair.outlet_a)} vs {_e(pair.outlet_b)}</td>"
        f'<td class="num">{pair.distance.estimate:.2f} '
        f'<span class="ci">{_bounds(pair.distance, digits=2)}</span></td>'
        + ("" if untested else f"<td>{_test_text(pair.result, pair.p_adjusted, pair.note)}</td>")
        + "</tr>"
        for pair in pairs
    )
    table = (
        (
            f"<p><strong>Pairs:</strong> {_test_text(None, None, pairs[0].note)}</p>"
            if untested
            else ""
        )
        + "<table><thead><tr><th>Outlets</th><th class='num'>JS distance, 95% CI</th>"
        + ("" if untested else "<th>Primary-frame test</th>")
        + f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    caption = (
        "JS distance: Jensen-Shannon distance (base 2, 0 = same, 1 = disjoint) between the "
        "outlets' mean frame shares, with a bootstrap interval over articles (hover). Test: "
        "Pearson's chi-square on articles' primary frames (outlets x frames), p by 9,999 seeded "
        "permutations (asymptotic above 5,000 articles); V: Cramér's V; pairs' p "
        "Holm-adjusted (shown under each distance)."
    )
    return overall + _figure(chart, caption) + table


def _words_section(group: GroupComparison, page: _Page) -> str:
    results = list(group.outlets.values())
    top = max(
        (w.z for r in results for w in (*r.distinctive_words, *r.distinctive_bigrams)),
        default=0.0,
    )
    if not top:
        return '<p class="note">No distinctive words: fewer than two outlets to compare.</p>'
    charts = "".join(_words_chart(result, page, max(top, _NOTABLE_Z)) for result in results)
    caption = (
        "Words, then two-word phrases (lighter bars), over-used relative to the other outlets: "
        "z of the weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008), "
        f"on one scale for all outlets; the dashed line marks z = {_NOTABLE_Z}, conventionally "
        "notable. framing keyness compares two outlets in full."
    )
    return f'<figure><div class="panels">{charts}</div><figcaption>{caption}</figcaption></figure>'


def _words_chart(result: OutletResult, page: _Page, top: float) -> str:
    groups = []
    for heading, terms, opacity in (
        ("words", result.distinctive_words[:_WORDS_SHOWN], 1.0),
        ("phrases", result.distinctive_bigrams[:_PHRASES_SHOWN], 0.45),
    ):
        tooltips = [
            f"{result.outlet}: {term.word}, z = {term.z:.2f}, log-odds ratio "
            f"{term.delta:.2f}, {term.count} uses here, {term.other_count} elsewhere"
            for term in terms
        ]
        bars = [_Bar(t.word, t.z, tip) for t, tip in zip(terms, tooltips, strict=True)]
        groups.append((heading, bars, opacity))
    title = f"Distinctive words of {result.outlet}"
    chart = "distinctive-words"
    return _bars(result.outlet, groups, page, chart=chart, title=title, top=top, mark=_NOTABLE_Z)


def _cues_section(group: GroupComparison, page: _Page) -> str:
    results = list(group.outlets.values())
    categories = list(results[0].cue_rates) if results else []
    if not categories:
        return '<p class="note">No cue rates.</p>'
    rows = [
        (
            CUE_LABELS.get(category, category),
            [
                _Point(
                    r.outlet,
                    r.cue_rates[category],
                    f"{r.outlet} - {CUE_LABELS.get(category, category)}: "
                    f"{_interval_text(r.cue_rates[category], digits=1)} per 1,000 words",
                )
                for r in results
            ],
        )
        for category in categories
    ]
    chart = _dot_whisker(
        rows,
        page,
        chart="cues",
        title="Epistemic and evaluative cues per 1,000 words, by outlet",
        axis="Cues per 1,000 words",
        domain=_domain(_values(p.interval for _, row in rows for p in row), 0.0, math.inf),
        legend=True,
    )
    # Outlets as rows (unlike the terminal), so many outlets lengthen the table, not widen it.
    head = "".join(f"<th class='num'>{_e(CUE_LABELS.get(c, c))}</th>" for c in categories)
    body = "".join(
        f"<tr><td>{_swatch(page, r.outlet)}{_e(r.outlet)}</td>"
        + "".join(f'<td class="num">{_cell(r.cue_rates[c])}</td>' for c in categories)
        + "</tr>"
        for r in results
    )
    table = f"<table><thead><tr><th>Outlet</th>{head}</tr></thead><tbody>{body}</tbody></table>"
    caption = (
        "Matches of the shipped cue lexicons (README, 'Cues'), quoted and negated ones "
        "included, per 1,000 words, with the 95% interval from resampling articles (whisker; "
        "hollow marker: n/a with one article). framing frames --explain shows the sentences."
    )
    return _figure(chart, caption) + table


def _sourcing_section(group: GroupComparison) -> str:
    rows = []
    for name, result in group.outlets.items():
        sourcing = result.sourcing
        voices = ", ".join(
            f"{voice.name} ({voice.attributions})" for voice in sourcing.voices[:_VOICES_SHOWN]
        )
        rows.append(
            f"<tr><td>{_e(name)}</td><td class='num'>{sourcing.attributions:,}</td>"
            f'<td class="num">{_cell(sourcing.per_1000_words)}</td>'
            f'<td class="num">{_cell(sourcing.direct_share, percent=True, digits=0)}</td>'
            f'<td class="num">{_cell(sourcing.anonymous_share, percent=True, digits=0)}</td>'
            f"<td>{_e(voices or '-')}</td></tr>"
        )
    return (
        "<table><thead><tr><th>Outlet</th><th class='num'>Attributions</th>"
        "<th class='num'>Per 1,000 words</th><th class='num'>Direct quotes</th>"
        "<th class='num'>Anonymous</th><th>Most quoted (attributions)</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody><caption>Attributions: quotations and reported speech "
        "with a speaker ('said', 'told', 'according to'); shares are of attributions; 95% "
        "intervals (below each figure) resample articles. Speakers are resolved to actors "
        "where possible.</caption></table>"
    )


_EVENT_MEAN_COLUMNS = (
    ("Tone", "tone", False, 2),
    ("Negative sentences", "sentences:negative", True, 0),
    ("Hedges per 1,000 words", "cue:hedge", False, 1),
    ("Loaded words per 1,000 words", "cue:subjective", False, 1),
    ("Attributions per 1,000 words", "sources:per_1000_words", False, 1),
    ("Anonymous sources", "sources:anonymous_share", True, 0),
)


def _near_duplicates_section(comparison: Comparison) -> str:
    """Groups of near-identical articles in several outlets, as a table."""
    rows = "".join(
        f"<tr><td>{_e(', '.join(group.outlets))}</td>"
        f"<td class='num'>{group.similarity:.2f}</td>"
        f"<td>{'<br>'.join(_e(title) for title in sorted({t for _, _, t in group.articles}))}"
        "</td></tr>"
        for group in comparison.near_duplicates
    )
    threshold = comparison.settings.get("near_duplicate_threshold", 0.8)
    return (
        '<section id="near-duplicates"><h2>Near-duplicate articles across outlets</h2>'
        "<table><thead><tr><th>Outlets</th><th class='num'>Similarity</th><th>Titles</th>"
        f"</tr></thead><tbody>{rows}</tbody><caption>Articles whose texts share at least "
        f"{threshold:.0%} of their five-word sequences (estimated Jaccard, MinHash), in two or "
        "more outlets: syndicated copy, which makes outlets look alike.</caption></table>"
        "</section>"
    )


def _event_means_section(means: tuple[EventMean, ...]) -> str:
    """Each outlet's mean of its per-event figures, as a table."""
    head = "".join(f"<th class='num'>{_e(title)}</th>" for title, *_ in _EVENT_MEAN_COLUMNS)
    rows = []
    for mean in means:
        cells = "".join(
            f'<td class="num">{_cell(mean.figures[key], percent=percent, digits=digits)}</td>'
            if key in mean.figures
            else '<td class="num">-</td>'
            for _, key, percent, digits in _EVENT_MEAN_COLUMNS
        )
        rows.append(f"<tr><td>{_e(mean.outlet)}</td><td class='num'>{mean.events}</td>{cells}</tr>")
    return (
        '<section id="event-means"><h2>Over all events: each outlet\'s mean of its per-event '
        "figures</h2><table><thead><tr><th>Outlet</th><th class='num'>Events</th>"
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody><caption>Every event shared by two "
        "or more outlets weighs the same, so outlets that cover more events do not dominate; "
        "below each mean, the 95% interval from resampling events. All figures are in --json "
        "and --csv.</caption></table></section>"
    )


def _actors_section(group: GroupComparison, page: _Page) -> str:
    actors = group.actors[:_ACTORS_SHOWN]
    if not actors:
        return '<p class="note">No actors found (actor finding off, or none mentioned).</p>'
    rows = [
        (
            f"{actor.actor} ({actor.mentions})",
            [
                _Point(
                    outlet,
                    portrayal.score,
                    f"{outlet} on {actor.actor}: "
                    f"{_interval_text(portrayal.score, signed=True)}, "
                    f"{portrayal.mentions} mentions in {portrayal.articles} articles",
                )
                for outlet in group.outlets
                if (portrayal := actor.outlets.get(outlet)) is not None
            ],
        )
        for actor in actors
    ]
    chart = _dot_whisker(
        rows,
        page,
        chart="actor-tone",
        title="Sentiment toward the most mentioned actors, by outlet",
        axis="Sentiment toward the actor: p(positive) - p(negative), -1 to +1",
        domain=_domain(_values(p.interval for _, row in rows for p in row), -1.0, 1.0),
        legend=True,
    )
    caption = (
        "Mean sentiment toward the actor, p(positive) - p(negative) per mention, averaged per "
        "article then over articles (-1 to +1), with the 95% CI (whisker; bootstrap of "
        "articles, then mentions; hollow marker: no interval). Most mentioned actors first, "
        "total mentions in brackets; an outlet that never mentions an actor has no marker."
    )
    return _figure(chart, caption)


def _labels_section(group: GroupComparison) -> str:
    rows = []
    for actor in group.actors[:_LABELLED_ACTORS]:
        labelled = [(o, p) for o, p in actor.outlets.items() if p.labels]
        for index, (outlet, portrayal) in enumerate(labelled):
            labels = ", ".join(f"{text} ({count})" for _, text, count in portrayal.labels)
            first = (
                f'<td rowspan="{len(labelled)}"><strong>{_e(actor.actor)}</strong></td>'
                if index == 0
                else ""
            )
            rows.append(f"<tr>{first}<td>{_e(outlet)}</td><td>{_e(labels)}</td></tr>")
    if not rows:
        return '<p class="note">No labels attached to the main actors.</p>'
    return (
        "<table><thead><tr><th>Actor</th><th>Outlet</th><th>Labels (count)</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody><caption>Titles, modifiers, appositions and predicates "
        "attached to the mentions.</caption></table>"
    )


def _coverage_section(group: GroupComparison, page: _Page) -> str:
    coverage = group.coverage
    if coverage is None:
        return f'<p class="note">{_e(group.coverage_note or "No coverage matrix.")}</p>'
    shown = min(_UNITS_SHOWN, len(coverage.units))
    caption = (
        f"{len(coverage.units):,} units (sentences of different articles linked when their "
        f"TF-IDF cosine similarity is high, threshold {coverage.threshold:.2f}); the {shown} "
        "most widely carried shown, a filled cell where the outlet carries the unit; hover "
        "for the full sentence. --json and --csv list every unit. " + _e(group.coverage_note)
    )
    figure = _figure(_coverage_chart(coverage, page), caption) if coverage.units else ""
    rows = "".join(
        f'<tr><td class="outlet">{_swatch(page, outlet)}{_e(outlet)}</td>'
        f"<td>{_unit_list(coverage.alone_reports(outlet))}</td>"
        f"<td>{_unit_list(coverage.alone_omits(outlet))}</td></tr>"
        for outlet in coverage.outlets
    )
    alone = (
        "<h3>What each outlet alone reports, or alone leaves out</h3>"
        "<table><thead><tr><th>Outlet</th><th>Alone reports</th><th>Alone omits</th></tr>"
        f"</thead><tbody>{rows}</tbody><caption>'Omits' means no sentence similar enough was "
        "found, not proof of absence (it needs three or more outlets); --json and --csv list "
        "every unit.</caption></table>"
    )
    return figure + alone


def _unit_list(units: tuple[ContentUnit, ...]) -> str:
    if not units:
        return "-"
    items = "".join(f"<li>#{u.id} {_e(u.label)}</li>" for u in units[:_ALONE_SHOWN])
    more = len(units) - _ALONE_SHOWN
    tail = f"<li>… {more} more</li>" if more > 0 else ""
    return f"{len(units)} units<ul>{items}{tail}</ul>"


def _coverage_chart(coverage: Coverage, page: _Page) -> str:
    rows = [
        _GridRow(
            f"#{unit.id}",
            unit.label,
            f"#{unit.id} {unit.label} (carried by {', '.join(unit.outlets)})",
            tuple(
                (present, f"{outlet} {'carries' if present else 'does not carry'} #{unit.id}")
                for outlet, present in zip(coverage.outlets, carried, strict=True)
            ),
        )
        for unit, carried in zip(coverage.units[:_UNITS_SHOWN], coverage.matrix(), strict=False)
    ]
    return _grid(
        coverage.outlets, rows, page, chart="coverage", title="Coverage of content units by outlet"
    )
