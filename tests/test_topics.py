"""Inductive topics: NMF on sentences, outlet shares, the renderer and ``framing topics``."""

from __future__ import annotations

import io
import json
import random

import numpy as np
import pytest
from click.testing import CliRunner
from rich.console import Console

import framing.topics
from framing.article import Article
from framing.cli import main
from framing.corpus import load_corpus
from framing.render.topics import TopicsView, topics_to_dict
from framing.topics import NMF, find_topics, find_topics_streamed
from tests.conftest import write

# A tiny corpus with a known answer: one outlet covers oil markets, the other families; both
# repeat the same two background sentences, as outlets covering one event do.
BACKGROUND = (
    "The navy moved two warships into the region on Monday.",
    "The government denied any plan for talks.",
)
OIL_TEXTS = (
    "Oil prices rose as traders priced the risk of lost crude exports. Brent crude futures "
    "gained two dollars a barrel. Refiners bid up heavy crude.",
    "Crude traders watched the standoff closely. Oil markets fear that sanctions will cut "
    "crude supply. Analysts expect oil prices to stay volatile.",
    "Tanker rates climbed as oil traders rerouted cargoes. Crude buyers in Asia sought other "
    "barrels. Oil futures ended the week higher.",
)
FAMILY_TEXTS = (
    "Families near the border stocked up on food and medicine. Mothers said their children "
    "had missed school for weeks. Aid workers said families cannot afford medicine.",
    "Children queued for water outside the clinic. Families who fled the fighting sleep in "
    "schools. Doctors said children lack vaccines and medicine.",
    "Parents worry about feeding their families. Teachers said children come to school "
    "hungry. Aid groups asked for medicine and food for families.",
)


def two_outlets() -> list[Article]:
    articles = []
    for outlet, texts in (("Barrel Street", OIL_TEXTS), ("Home Front", FAMILY_TEXTS)):
        for i, text in enumerate(texts):
            articles.append(
                Article(
                    id=f"{outlet}-{i}", outlet=outlet, title="", text=f"{text} {BACKGROUND[i % 2]}"
                )
            )
    return articles


@pytest.fixture(scope="module")
def demo_articles(demo_path):
    return load_corpus(demo_path).articles


@pytest.fixture(scope="module")
def demo_model(demo_articles):
    return find_topics(demo_articles, k=5)


def words_of(topic, n=5):
    return {word.word for word in topic.words[:n]}


def test_each_outlets_angle_is_a_topic_it_leads():
    model = find_topics(two_outlets(), k=4)
    oil = [t for t in model.topics if {"oil", "crude"} <= words_of(t)]
    family = [t for t in model.topics if {"families", "children"} <= words_of(t)]
    assert len(oil) == len(family) == 1
    assert oil[0].leading_outlet == "Barrel Street"
    assert family[0].leading_outlet == "Home Front"
    shares = {o.outlet: o.shares for o in model.outlets}
    assert shares["Home Front"][oil[0].id - 1] < 0.05
    assert shares["Barrel Street"][family[0].id - 1] < 0.05


def test_min_df_is_1_on_a_tiny_corpus_and_2_on_the_demo(demo_model):
    assert find_topics(two_outlets(), k=2).settings["min_df"] == 1
    assert demo_model.settings["min_df"] == 2


@pytest.mark.parametrize("k", [5, 6])
def test_on_the_demo_the_topic_of_childrens_health_is_led_by_andean_horizon(demo_articles, k):
    model = find_topics(demo_articles, k=k)
    (children,) = [t for t in model.topics if "children" in words_of(t, 10)]
    assert children.leading_outlet == "Andean Horizon Review"


@pytest.mark.parametrize("k", [2, 4, 6])
def test_every_outlets_shares_sum_to_one(demo_articles, k):
    model = find_topics(demo_articles, k=k)
    assert [o.outlet for o in model.outlets] == sorted({a.outlet for a in demo_articles})
    for outlet in model.outlets:
        assert outlet.shares is not None and len(outlet.shares) == k
        assert sum(outlet.shares) == pytest.approx(1.0)
        assert all(share >= 0 for share in outlet.shares)
    assert sum(t.prevalence for t in model.topics) == pytest.approx(1.0)


def test_leading_outlet_has_the_largest_share(demo_model):
    for topic in demo_model.topics:
        shares = {o.outlet: o.shares[topic.id - 1] for o in demo_model.outlets}
        assert shares[topic.leading_outlet] == max(shares.values())


def test_topics_by_prevalence_and_words_by_weight(demo_model):
    assert [t.id for t in demo_model.topics] == [1, 2, 3, 4, 5]
    prevalences = [t.prevalence for t in demo_model.topics]
    assert prevalences == sorted(prevalences, reverse=True)
    for topic in demo_model.topics:
        weights = [w.weight for w in topic.words]
        assert len(weights) == 10
        assert weights == sorted(weights, reverse=True)
        assert 0 < sum(weights) <= 1
        assert topic.label == ", ".join(w.word for w in topic.words[:5])


def test_typical_sentences_are_from_the_article_they_name(demo_articles, demo_model):
    by_id = {article.id: article for article in demo_articles}
    for topic in demo_model.topics:
        assert len(topic.sentences) == 3
        assert len({s.text for s in topic.sentences}) == 3
        weights = [s.weight for s in topic.sentences]
        assert weights == sorted(weights, reverse=True)
        for sentence in topic.sentences:
            article = by_id[sentence.article_id]
            assert sentence.outlet == article.outlet
            assert sentence.text == article.title or sentence.text in " ".join(article.text.split())
            assert 0 < sentence.weight <= 1


def test_title_is_a_sentence():
    articles = [*two_outlets(), Article(id="t", outlet="Wire", title="Crude oil slumps", text="")]
    model = find_topics(articles, k=4)
    assert model.unassigned == ()
    assert {o.outlet for o in model.outlets} == {"Barrel Street", "Home Front", "Wire"}


def test_same_seed_gives_the_same_model(demo_articles):
    first = find_topics(demo_articles, k=5, seed=3)
    assert find_topics(demo_articles, k=5, seed=3) == first
    assert first.settings["seed"] == 3
    # The seed reaches NMF: nndsvda's randomised SVD depends on it, so weights move slightly.
    other = find_topics(demo_articles, k=5, seed=4)
    assert (other.topics, other.outlets) != (first.topics, first.outlets)


def test_shares_do_not_depend_on_how_nmf_splits_scale_between_its_factors(monkeypatch):
    class RescaledNMF(NMF):
        """The same factorisation, each topic's word weights multiplied by a different factor."""

        def fit_transform(self, X, y=None, W=None, H=None):
            weights = super().fit_transform(X)
            factors = np.arange(1.0, self.n_components + 1) * 10
            self.components_ = self.components_ * factors[:, None]
            return weights / factors

    expected = find_topics(two_outlets(), k=4)
    monkeypatch.setattr(framing.topics, "NMF", RescaledNMF)
    rescaled = find_topics(two_outlets(), k=4)
    assert [t.label for t in rescaled.topics] == [t.label for t in expected.topics]
    for ours, theirs in zip(rescaled.outlets, expected.outlets, strict=True):
        assert ours.shares == pytest.approx(theirs.shares)
    for ours, theirs in zip(rescaled.topics, expected.topics, strict=True):
        assert ours.prevalence == pytest.approx(theirs.prevalence)
        assert [w.weight for w in ours.words] == pytest.approx([w.weight for w in theirs.words])
        assert [s.text for s in ours.sentences] == [s.text for s in theirs.sentences]


def test_a_sentence_repeated_by_several_articles_is_typical_once():
    model = find_topics(two_outlets(), k=4)
    (navy,) = [t for t in model.topics if "navy" in words_of(t)]
    texts = [s.text for s in navy.sentences]
    assert texts[0] == BACKGROUND[0]
    assert len(set(texts)) == len(texts)


def test_article_without_a_modelled_word_is_unassigned():
    silent = Article(id="silent", outlet="Quiet Times", title="", text="It is what it is.")
    model = find_topics([*two_outlets(), silent], k=3)
    assert model.unassigned == ("silent",)
    quiet = next(o for o in model.outlets if o.outlet == "Quiet Times")
    assert (quiet.articles, quiet.unassigned, quiet.shares) == (1, 1, None)


def test_top_words_and_typical_sentences_are_limits():
    model = find_topics(two_outlets(), k=3, top_words=2, typical_sentences=1)
    assert all(len(t.words) == 2 and len(t.sentences) == 1 for t in model.topics)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"k": 1}, "k must be at least 2, got 1"),
        ({"k": 24}, r"k must be less than the number of sentences \(24\), got 24"),
        ({"k": 3, "top_words": 0}, "top_words must be at least 1, got 0"),
        ({"k": 3, "typical_sentences": 0}, "typical_sentences must be at least 1, got 0"),
    ],
)
def test_bad_settings_are_named(options, message):
    with pytest.raises(ValueError, match=message):
        find_topics(two_outlets(), **options)


def test_k_must_leave_fewer_topics_than_modelled_sentences():
    silent = [Article(id=f"s{i}", outlet="Q", title="", text="It is. It was.") for i in range(9)]
    articles = [*silent, Article(id="a", outlet="A", title="", text=OIL_TEXTS[0])]
    with pytest.raises(ValueError, match=r"sentences with a modelled word \(3\), got 3"):
        find_topics(articles, k=3)


def test_k_must_not_exceed_the_terms():
    articles = [Article(id="a", outlet="A", title="", text="Oil. Oil. Oil. Gas.")]
    assert find_topics(articles, k=2).vocabulary == 2
    with pytest.raises(ValueError, match=r"k must be at most the number of terms \(2\), got 3"):
        find_topics(articles, k=3)


def test_only_stop_words_is_a_clear_error():
    articles = [Article(id=str(i), outlet="A", title="", text="It is. We were.") for i in range(3)]
    with pytest.raises(ValueError, match="no word left to model in 6 sentences: every word"):
        find_topics(articles, k=2)


def render(renderable, width=100):
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def test_view_shows_labels_sentences_and_shares_within_100_columns(demo_model):
    text = render(TopicsView(demo_model))
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "Outlet shares of each topic" in text
    for topic in demo_model.topics:
        assert f"Topic {topic.id}: {topic.label}" in text
        assert f"{topic.sentences[0].outlet} ({topic.sentences[0].article_id})" in text
    for outlet in demo_model.outlets:
        for share in outlet.shares:
            assert f"{share:.0%}" in text


def test_view_prints_article_text_literally_and_truncates_it():
    long = "Oil traders [bold]sold[/bold] crude " + "and sold more crude " * 20 + "at the close."
    articles = [*two_outlets(), Article(id="x", outlet="[red]Wire[/red]", title="", text=long)]
    text = render(TopicsView(find_topics(articles, k=4)), width=200)
    assert "[bold]sold[/bold]" in text
    assert "[red]Wire[/red] (x)" in text
    assert "at the close." not in text
    assert "…" in text


def test_dict_is_json_with_one_share_per_topic(demo_model):
    document = json.loads(json.dumps(topics_to_dict(demo_model)))
    assert [t["id"] for t in document["topics"]] == [1, 2, 3, 4, 5]
    assert document["settings"]["k"] == 5
    for outlet in document["outlets"].values():
        assert len(outlet["shares"]) == 5
    assert "accounting" not in document


def invoke(*args):
    return CliRunner().invoke(main, ["topics", *args], catch_exceptions=False)


def test_cli_json_on_the_demo():
    result = invoke("-k", "4", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert len(document["topics"]) == 4
    assert len(document["topics"][0]["words"]) == 10
    assert document["accounting"]["loaded"] == 6
    for outlet in document["outlets"].values():
        assert sum(outlet["shares"]) == pytest.approx(1.0)
    assert "6 articles loaded" in result.stderr


def test_cli_tables_with_options():
    result = invoke("--topics", "3", "--seed", "2", "--top-words", "4")
    assert result.exit_code == 0
    assert "3 topics in" in result.stdout and "seed 2" in result.stdout
    assert "Topic 3:" in result.stdout and "Topic 4:" not in result.stdout


def test_cli_too_many_topics_is_one_error_line(tmp_path):
    write(tmp_path / "a.jsonl", json.dumps({"outlet": "A", "text": OIL_TEXTS[0]}))
    result = invoke(str(tmp_path), "-k", "5")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: k must be less than the number of sentences (3), got 5"


def test_cli_k_below_2_is_a_usage_error():
    result = CliRunner().invoke(main, ["topics", "-k", "1"])
    assert result.exit_code == 2
    assert "1 is not in the range x>=2" in result.stderr


def test_cli_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path / "empty.txt", "")
    result = invoke(str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {tmp_path}: no readable article. First skipped: empty.txt: empty file"
    )


def test_cli_missing_path(tmp_path):
    result = invoke(str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {tmp_path / 'nowhere'}: no such file or folder. Check the path"
    )


# Bounded memory: a bottom-k sample of sentences to fit on, and a second streamed reading.


def labels_and_words(model):
    return [(t.label, t.words) for t in model.topics]


def test_the_sample_does_not_depend_on_the_order_of_the_articles(monkeypatch, demo_articles):
    monkeypatch.setattr(framing.topics, "MAX_FIT_SENTENCES", 100)
    shuffled = list(demo_articles)
    random.Random(1).shuffle(shuffled)
    assert shuffled != list(demo_articles)
    sample = framing.topics._sample(demo_articles, 100)
    assert framing.topics._sample(reversed(shuffled), 100) == sample
    assert len(sample.texts) == 100 and sample.total > 100
    model, again = find_topics(demo_articles, k=5), find_topics(shuffled, k=5)
    assert model.settings["fit_sentences"] == again.settings["fit_sentences"] == 100
    assert labels_and_words(again) == labels_and_words(model)
    for ours, theirs in zip(again.outlets, model.outlets, strict=True):
        assert ours.shares == pytest.approx(theirs.shares)


def test_a_capped_fit_uses_that_many_sentences_and_weights_every_article(
    monkeypatch, demo_articles, demo_model
):
    fitted = []

    def spy(texts, min_df):
        fitted.append(len(texts))
        return tfidf(texts, min_df)

    tfidf = framing.topics._tfidf
    monkeypatch.setattr(framing.topics, "_tfidf", spy)
    monkeypatch.setattr(framing.topics, "MAX_FIT_SENTENCES", 60)
    model = find_topics(demo_articles, k=5)
    total = demo_model.settings["corpus_sentences"]
    assert fitted == [60]
    assert model.sampled and not demo_model.sampled
    assert model.settings["fit_sentences"] == 60 and model.settings["max_fit_sentences"] == 60
    assert model.settings["corpus_sentences"] == total == demo_model.settings["fit_sentences"]
    assert model.fit.startswith(f"fitted on 60 of {total} sentences (")
    assert model.sentences > 60  # sentences outside the sample are weighted too
    assert sum(o.articles for o in model.outlets) == model.articles == len(demo_articles)
    for outlet in model.outlets:
        assert outlet.unassigned == 0 and sum(outlet.shares) == pytest.approx(1.0)
    assert sum(t.prevalence for t in model.topics) == pytest.approx(1.0)
    assert all(len(t.sentences) == 3 for t in model.topics)


def test_a_corpus_at_the_cap_is_fitted_whole_as_before(monkeypatch, demo_articles, demo_model):
    monkeypatch.setattr(framing.topics, "MAX_FIT_SENTENCES", demo_model.settings["fit_sentences"])
    monkeypatch.setattr(framing.topics, "CHUNK_SENTENCES", 7)  # many chunks, the same sums
    model = find_topics(demo_articles, k=5)
    assert (model.topics, model.outlets, model.sentences) == (
        demo_model.topics,
        demo_model.outlets,
        demo_model.sentences,
    )
    assert (
        not model.sampled
        and model.settings["max_fit_sentences"] == model.settings["corpus_sentences"]
    )
    assert demo_model.fit == f"fitted on all {demo_model.settings['corpus_sentences']} sentences"


def test_streamed_topics_read_the_source_twice(demo_articles, demo_model):
    readings = []

    def source():
        readings.append(1)
        return (article for article in demo_articles)

    assert find_topics_streamed(source, k=5) == demo_model
    assert len(readings) == 2


def test_a_source_that_changes_between_readings_is_an_error():
    readings = [two_outlets(), two_outlets()[:-1]]
    with pytest.raises(ValueError, match="the articles changed between the two readings"):
        find_topics_streamed(lambda: readings.pop(0), k=3)


def test_unassigned_ids_are_bounded_but_counted(monkeypatch):
    monkeypatch.setattr(framing.topics, "MAX_UNASSIGNED_IDS", 1)
    silent = [Article(id=f"s{i}", outlet="Quiet Times", title="", text="It is.") for i in (1, 2)]
    model = find_topics([*two_outlets(), *silent], k=3)
    assert model.unassigned == ("s1",)
    quiet = next(o for o in model.outlets if o.outlet == "Quiet Times")
    assert (quiet.articles, quiet.unassigned) == (2, 2)


def test_cli_says_when_the_fit_used_a_sample(monkeypatch):
    document = json.loads(invoke("-k", "3", "--json").stdout)
    assert document["fit"] == f"fitted on all {document['settings']['corpus_sentences']} sentences"
    assert "NMF was fitted" not in invoke("-k", "3").stdout
    monkeypatch.setattr(framing.topics, "MAX_FIT_SENTENCES", 50)
    result = invoke("-k", "3", "--json")
    document = json.loads(result.stdout)
    total = document["settings"]["corpus_sentences"]
    assert document["fit"].startswith(f"fitted on 50 of {total} sentences")
    assert document["settings"]["fit_sentences"] == 50
    assert sum(o["articles"] for o in document["outlets"].values()) == 6
    assert document["accounting"]["loaded"] == 6  # the load is counted once, not per reading
    assert result.stderr.count("6 articles loaded") == 1
    assert f"NMF was fitted on 50 of {total} sentences" in invoke("-k", "3").stdout
