"""Cleaning dirty article text: scraped HTML, boilerplate lines, Unicode oddities."""

from __future__ import annotations

import timeit
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.analysers.text import quotations
from framing.corpus.clean import Cleaned, boilerplate_rules, clean_text, clean_title
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE

# A page fragment as scrapers save it: navigation, script, share buttons, entities, a footer.
SCRAPED_PAGE = """<html><head><title>Maduro indicted | The Daily</title>
<style>p { color: red; }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
  <h1>US raises reward for Maduro</h1>
  <div class="share"><button>Share on Facebook</button><button>Tweet</button></div>
  <p>Secretary of State Marco Rubio has labeled Maduro a &#8220;fugitive from American
  justice,&#8221; officials said.</p>
  <script>window.dataLayer = window.dataLayer || []; if (a < b && c > d) {}</script>
  <p>The reward rose to $50 million, Smith &amp; Jones reported.</p>
  <p>Advertisement</p>
  <p>A notable US military presence has been established in the Caribbean.</p>
</article>
<footer>&copy; 2025 The Daily. All rights reserved.</footer>
</body></html>"""

PLAIN_WITH_ADS = (
    f"{REFERENCE_PASSAGE}\n\nAdvertisement\n\n{MILITARY_PASSAGE}\n\n"
    "ADVERTISEMENT\n\nShare this article\n\nRead more: Venezuela's opposition regroups"
)

COOKIE_NOTICE = (
    "We use cookies to improve your experience on our site.\n\n"
    f"{REFERENCE_PASSAGE}\n\n"
    "Sign up for our newsletter!\n\n"
    "Copyright © 2025 Example News Ltd. All rights reserved."
)

# A real paragraph that happens to start like a "Read more" link.
LONG_READ_MORE = (
    "Read more about the indictment and you find that the charges date back to 2020, when "
    "prosecutors in New York accused Maduro of drug trafficking."
)


def visible(text: str) -> int:
    return sum(1 for char in text if not char.isspace())


def test_scraped_page_keeps_article_text_only() -> None:
    cleaned = clean_text(SCRAPED_PAGE)
    assert cleaned.text == (
        "US raises reward for Maduro\n\n"
        "Secretary of State Marco Rubio has labeled Maduro a “fugitive from American\n"
        "justice,” officials said.\n\n"
        "The reward rose to $50 million, Smith & Jones reported.\n\n"
        "A notable US military presence has been established in the Caribbean."
    )
    assert cleaned.changes == ("html markup removed", "1 boilerplate line removed")


def test_scraped_page_quotes_still_found() -> None:
    text = clean_text(SCRAPED_PAGE).text
    sentence = next(line for line in text.split("\n\n") if "Rubio" in line)
    (start, end), *_ = quotations(sentence).spans
    assert sentence[start:end] == "fugitive from American\njustice,"


def test_advertisement_lines_between_paragraphs_removed() -> None:
    cleaned = clean_text(PLAIN_WITH_ADS)
    assert cleaned.text == f"{REFERENCE_PASSAGE}\n\n{MILITARY_PASSAGE}"
    assert cleaned.changes == ("4 boilerplate lines removed",)


def test_cookie_notice_newsletter_and_copyright_removed() -> None:
    assert clean_text(COOKIE_NOTICE) == Cleaned(REFERENCE_PASSAGE, ("3 boilerplate lines removed",))


def test_long_paragraph_starting_read_more_kept() -> None:
    text = f"{LONG_READ_MORE}\n\nRead more"
    assert clean_text(text) == Cleaned(LONG_READ_MORE, ("1 boilerplate line removed",))


@pytest.mark.parametrize(
    "line",
    [
        "Copyright law is changing fast.",  # "copyright" without © is not a prefix
        "Readers wrote in.",  # "read" is not "read more"
        "Related issues were left aside.",  # "related" needs its colon
        "Sharing the blame",
        "More than 40 people were arrested.",
    ],
)
def test_short_real_lines_kept(line: str) -> None:
    text = f"{REFERENCE_PASSAGE}\n{line}"
    assert clean_text(text) == Cleaned(text)


@pytest.mark.parametrize("text", ["Advertisement", "Read more\n\nShare this article"])
def test_only_paragraphs_never_removed(text: str) -> None:
    assert clean_text(text) == Cleaned(text)


def test_unicode_spaces_zero_width_and_soft_hyphens() -> None:
    dirty = (
        "\ufeffUS\u00a0officials said the re\u00adward was \u200braised\u200d.\u2009"
        "Maduro\u202fdenied it.\r\n\r\n\r\n\r\nCafe\u0301 owners   cheered."
    )
    cleaned = clean_text(dirty)
    assert cleaned.text == (
        "US officials said the reward was raised. Maduro denied it.\n\nCafé owners cheered."
    )
    assert cleaned.changes == ("unicode normalised",)
    assert unicodedata.is_normalized("NFC", cleaned.text)


def test_cp1252_punctuation_decoded_as_latin1_repaired() -> None:
    assert clean_text("Maduro\x92s \x93regime\x94").text == "Maduro’s “regime”"


def test_curly_quotes_and_apostrophes_kept() -> None:
    text = "Rubio called Maduro’s government a “narco-state.” ‘Not so,’ aides said."
    assert clean_text(text) == Cleaned(text)


@pytest.mark.parametrize(
    "text",
    [
        "If x < 5 and y > 3, the model fails.",
        "Turnout was <50% in most districts & >70% in two.",
        "a<b, c<d and <3 hearts",
        "AT&T and R&D budgets; &c.",
    ],
)
def test_plain_text_with_angle_brackets_unchanged(text: str) -> None:
    assert clean_text(text) == Cleaned(text)


def test_entities_without_tags_decoded() -> None:
    cleaned = clean_text("Smith &amp; Jones said &#8220;no&#8221; &mdash; twice. x < 5")
    assert cleaned == Cleaned("Smith & Jones said “no” — twice. x < 5", ("html entities decoded",))


def test_double_escaped_markup_removed() -> None:
    assert clean_text("&lt;p&gt;Rates rose.&lt;/p&gt;").text == "Rates rose."


def test_unclosed_nav_keeps_its_text() -> None:
    # Where an unclosed <nav> ends cannot be known: dropping the rest would lose the article.
    assert clean_text("<p>Rates rose.</p><nav>Markets fell.").text == "Rates rose.\n\nMarkets fell."


def test_unclosed_script_dropped() -> None:
    assert clean_text("<p>Rates rose.</p><script>track('x')").text == "Rates rose."


def test_table_cells_separated() -> None:
    assert clean_text("<table><tr><td>Maduro</td><td>52%</td></tr></table>").text == "Maduro 52%"


def test_clean_title_is_one_line() -> None:
    cleaned = clean_title("  <h1>US raises\n reward&nbsp;for <em>Maduro</em></h1>\n")
    assert cleaned == Cleaned(
        "US raises reward for Maduro", ("html markup removed", "unicode normalised")
    )


def test_clean_title_keeps_boilerplate_words() -> None:
    assert clean_title("Advertisement") == Cleaned("Advertisement")


def test_clean_article_unchanged_and_reports_nothing() -> None:
    text = f"{REFERENCE_PASSAGE}\n\n{MILITARY_PASSAGE}"
    assert clean_text(text) == Cleaned(text)


def test_boilerplate_rules_loaded() -> None:
    rules = boilerplate_rules()
    assert "advertisement" in rules.exact
    assert "read more" in rules.prefixes
    assert "all rights reserved" in rules.suffixes


@pytest.mark.parametrize(
    "text", [SCRAPED_PAGE, PLAIN_WITH_ADS, COOKIE_NOTICE, "&amp;amp;lt;p&amp;amp;gt;x"]
)
def test_idempotent_on_examples(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once.text) == Cleaned(once.text)


def test_markup_check_is_cheap_on_clean_text() -> None:
    # The brief: the HTML check must add < 50 µs to a clean 3,000-character article. Measured
    # here against the whole of clean_text, with a generous margin for slow CI machines.
    article = ("\n\n".join([REFERENCE_PASSAGE, MILITARY_PASSAGE] * 10))[:3000]
    runs = 200
    seconds = min(timeit.repeat(lambda: clean_text(article), number=runs, repeat=5)) / runs
    assert seconds < 1e-3


_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_PIECES = (
    *("<p>", "</p>", "<br>", "<script>", "</script>", "<nav>", "</nav>", "<td>", "<!--", "-->"),
    *("&amp;", "&#8220;", "&lt;", "&gt;", "<", ">", "&", "\n", "\n\n", "\r\n", " ", "\t"),
    *("\u00a0", "\u200b", "\u00ad", "\x92", "\u2029", "e\u0301", "’", "“", "”"),
    *("Advertisement", "Read more", "Share this article", "Related:", "©", "Maduro said."),
)
_dirty_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.characters()), max_size=40).map(
    "".join
)


@_settings
@given(_dirty_text)
def test_property_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once.text).text == once.text
    assert clean_title(clean_title(text).text).text == clean_title(text).text


@_settings
@given(_dirty_text)
def test_property_output_is_tidy(text: str) -> None:
    cleaned = clean_text(text).text
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned and "\n\n\n" not in cleaned and "\r" not in cleaned
    assert not set(cleaned) & set("\u00a0\u00ad\u200b\u200c\u200d\ufeff\t")
    assert unicodedata.is_normalized("NFC", cleaned)
    assert "\n" not in clean_title(text).text


@_settings
@given(_dirty_text)
def test_property_never_adds_visible_text(text: str) -> None:
    # NFC can expand a few characters (U+0958 → two), so compare with each character's NFC.
    bound = sum(visible(unicodedata.normalize("NFC", char)) for char in text)
    assert visible(clean_text(text).text) <= bound
