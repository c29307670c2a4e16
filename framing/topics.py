"""Inductive frames: NMF topics over a corpus's sentences, and each outlet's share of each.

A topic is a set of words that occur together in sentences, found without a codebook
(non-negative matrix factorisation, Lee and Seung 1999). Topics are not frames: a researcher
reads each one's top words and typical sentences and decides what, if anything, it frames
(Nicholls and Culpepper 2021). On a corpus of one event, the first topics found are often
background facts that every outlet repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.analysers.text import sentences, words
from framing.article import Article

__all__ = [
    "OutletShares",
    "Topic",
    "TopicModel",
    "TopicWord",
    "TypicalSentence",
    "find_topics",
]

MIN_DF = 2
SMALL_CORPUS_SENTENCES = 50
MAX_DF = 0.9
NGRAM_RANGE = (1, 2)
MAX_FEATURES = 20_000
MAX_ITER = 500
LABEL_WORDS = 5
_MIN_WORD_LENGTH = 2
# A scipy.sparse matrix, as scikit-learn's vectorisers return (scipy ships no type hints).
_Sparse = Any


@dataclass(frozen=True)
class TopicWord:
    """A word (or two-word phrase) of a topic and its share of the topic's word weight."""

    word: str
    weight: float


@dataclass(frozen=True)
class TypicalSentence:
    """A sentence typical of a topic: the share of its topic weight on that topic, and where
    it comes from."""

    text: str
    article_id: str
    outlet: str
    weight: float


@dataclass(frozen=True)
class Topic:
    """One topic: its words, its typical sentences and the outlet with the largest share.

    ``id`` counts from 1 in order of ``prevalence``, the topic's share of all sentence weight.
    """

    id: int
    prevalence: float
    words: tuple[TopicWord, ...]
    sentences: tuple[TypicalSentence, ...]
    leading_outlet: str | None

    @property
    def label(self) -> str:
        """The top five words, comma-separated."""
        return ", ".join(word.word for word in self.words[:LABEL_WORDS])


@dataclass(frozen=True)
class OutletShares:
    """An outlet's mean topic distribution over its articles that have any topic weight.

    ``shares`` is in the order of `TopicModel.topics` and sums to 1, or is None when none of
    the outlet's articles has any weight (all are ``unassigned``).
    """

    outlet: str
    articles: int
    unassigned: int
    shares: tuple[float, ...] | None


@dataclass(frozen=True)
class TopicModel:
    """The topics found in a corpus, each outlet's share of them, and how they were found.

    ``unassigned`` lists the ids of articles none of whose sentences has a modelled word;
    ``sentences`` counts the sentences that have one, which are the ones modelled.
    """

    topics: tuple[Topic, ...]
    outlets: tuple[OutletShares, ...]
    unassigned: tuple[str, ...]
    articles: int
    sentences: int
    vocabulary: int
    settings: dict[str, Any]


def find_topics(
    articles: Sequence[Article],
    *,
    k: int,
    seed: int = 0,
    top_words: int = 10,
    typical_sentences: int = 3,
) -> TopicModel:
    """Find ``k`` topics in the articles' sentences with NMF on TF-IDF, and outlets' shares.

    Every sentence (the title counts as one, as in `framing.analysers.analyse`) is a
    document. Words are framing's tokens in lower case, without numbers, one-letter tokens
    and scikit-learn's English stop words; terms are those words and two-word phrases
    (stop words removed first). A term is kept if it occurs in at least ``min_df`` sentences
    and at most 90% of them, up to the 20,000 most frequent terms, so memory stays bounded on
    large corpora. ``min_df`` is 2, which drops one-off words and typos, or 1 when there are
    fewer than 50 sentences, where it would leave too little to model. TF-IDF uses sublinear
    term frequency (``1 + log tf``), so a word repeated in a sentence does not swamp it.

    NMF (Frobenius loss, ``init="nndsvda"``, ``random_state=seed``) factorises the
    sentence-term matrix into sentence weights and topic-word weights; sentences without a
    kept term are left out of the fit. Each topic's word weights are rescaled to sum to 1, and
    its sentence weights inversely, so that weights are comparable across topics. An
    article's topic distribution is the sum of its sentences' weights normalised to 1; an
    outlet's share of a topic is the mean over its articles.

    Parameters
    ----------
    articles : Sequence[Article]
    k : int
        Number of topics; at least 2 and fewer than the sentences with a modelled word.
    seed : int, default=0
        Random state of the NMF initialisation: the same articles and seed give the same
        topics.
    top_words : int, default=10
        Words kept per topic, by weight.
    typical_sentences : int, default=3
        Sentences kept per topic: the highest share of their weight on the topic, ties broken
        by the larger weight; repeated sentences are kept once.

    Returns
    -------
    TopicModel
        Topics in order of prevalence; outlets in name order.

    Raises
    ------
    ValueError
        If ``k``, ``top_words`` or ``typical_sentences`` is out of range, or no word is left
        to model once stop words and rare and common terms are removed.

    Examples
    --------
    >>> from framing.corpus import load_corpus
    >>> model = find_topics(load_corpus("corpora/demo").articles, k=4)
    >>> [topic.id for topic in model.topics]
    [1, 2, 3, 4]
    """
    _check_at_least("k", k, 2)
    _check_at_least("top_words", top_words, 1)
    _check_at_least("typical_sentences", typical_sentences, 1)
    owners, texts = _corpus_sentences(articles)
    if k >= len(texts):
        raise ValueError(f"k must be less than the number of sentences ({len(texts)}), got {k}")
    min_df = MIN_DF if len(texts) >= SMALL_CORPUS_SENTENCES else 1
    matrix, vocabulary = _tfidf(texts, min_df)
    modelled = np.flatnonzero(matrix.getnnz(axis=1))
    if k >= len(modelled):
        raise ValueError(
            f"k must be less than the number of sentences with a modelled word "
            f"({len(modelled)}), got {k}"
        )
    if k > len(vocabulary):
        raise ValueError(f"k must be at most the number of terms ({len(vocabulary)}), got {k}")
    weights = np.zeros((len(texts), k))
    weights[modelled], components = _factorise(matrix[modelled], k, seed)

    article_weights = np.zeros((len(articles), k))
    np.add.at(article_weights, owners, weights)
    outlets = _outlet_shares(articles, article_weights)
    topics = tuple(
        Topic(
            id=j + 1,
            prevalence=float(weights[:, j].sum() / weights.sum()),
            words=_top_words(components[j], vocabulary, top_words),
            sentences=_typical(weights, j, texts, owners, articles, typical_sentences),
            leading_outlet=_leader(outlets, j),
        )
        for j in range(k)
    )
    return TopicModel(
        topics=topics,
        outlets=outlets,
        unassigned=tuple(
            article.id
            for article, row in zip(articles, article_weights, strict=True)
            if not row.any()
        ),
        articles=len(articles),
        sentences=len(modelled),
        vocabulary=len(vocabulary),
        settings={
            "k": k,
            "seed": seed,
            "min_df": min_df,
            "max_df": MAX_DF,
            "ngram_range": list(NGRAM_RANGE),
            "max_features": MAX_FEATURES,
            "sublinear_tf": True,
            "stop_words": "english (scikit-learn)",
            "nmf_init": "nndsvda",
        },
    )


def _tfidf(texts: list[str], min_df: int) -> tuple[_Sparse, NDArray[np.str_]]:
    """The sentence-term TF-IDF matrix (sparse) and its terms, in alphabetical order."""
    vectorizer = TfidfVectorizer(
        tokenizer=_terms,
        token_pattern=None,
        lowercase=False,
        stop_words="english",
        ngram_range=NGRAM_RANGE,
        min_df=min_df,
        max_df=MAX_DF,
        max_features=MAX_FEATURES,
        sublinear_tf=True,
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError as error:  # scikit-learn's "empty vocabulary" / "no terms remain"
        raise ValueError(
            f"no word left to model in {len(texts)} sentences: every word is an English stop "
            f"word or a number, or occurs in fewer than {min_df} or more than {MAX_DF:.0%} "
            "of the sentences"
        ) from error
    return matrix, vectorizer.get_feature_names_out()


def _factorise(
    matrix: _Sparse, k: int, seed: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Sentence weights and topic-word weights, topics in order of prevalence.

    NMF fixes only the product of its factors; each topic's word weights are scaled to sum to
    1 (its sentence weights inversely) so that sentence weights compare across topics.
    """
    nmf = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=MAX_ITER)
    weights = nmf.fit_transform(matrix)
    scale = nmf.components_.sum(axis=1)
    scale[scale == 0] = 1.0
    weights = weights * scale
    components = nmf.components_ / scale[:, None]
    order = np.argsort(-weights.sum(axis=0), kind="stable")
    return weights[:, order], components[order]


def _check_at_least(name: str, value: int, minimum: int) -> None:
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")


def _corpus_sentences(articles: Sequence[Article]) -> tuple[NDArray[np.intp], list[str]]:
    """Every sentence of every article (title first), with the index of its article."""
    owners: list[int] = []
    texts: list[str] = []
    for index, article in enumerate(articles):
        found = ([article.title] if article.title.strip() else []) + sentences(article.text)
        owners.extend([index] * len(found))
        texts.extend(found)
    return np.array(owners, dtype=np.intp), texts


def _terms(sentence: str) -> list[str]:
    """framing's word tokens without numbers and one-letter tokens (stop words go later)."""
    return [
        token
        for token in words(sentence)
        if len(token) >= _MIN_WORD_LENGTH and not any(ch.isdigit() for ch in token)
    ]


def _outlet_shares(
    articles: Sequence[Article], article_weights: NDArray[np.float64]
) -> tuple[OutletShares, ...]:
    """Each outlet's mean article distribution, over the articles with any weight."""
    totals = article_weights.sum(axis=1)
    rows: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        rows.setdefault(article.outlet, []).append(index)
    found: list[OutletShares] = []
    for outlet in sorted(rows):
        assigned = [i for i in rows[outlet] if totals[i] > 0]
        shares = None
        if assigned:
            mean = (article_weights[assigned] / totals[assigned, None]).mean(axis=0)
            shares = tuple(float(share) for share in mean)
        found.append(
            OutletShares(outlet, len(rows[outlet]), len(rows[outlet]) - len(assigned), shares)
        )
    return tuple(found)


def _leader(outlets: Sequence[OutletShares], topic: int) -> str | None:
    """The outlet with the largest share of the topic (the first by name on a tie)."""
    scored = [(o.shares[topic], o.outlet) for o in outlets if o.shares is not None]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _top_words(
    component: NDArray[np.float64], vocabulary: NDArray[np.str_], n: int
) -> tuple[TopicWord, ...]:
    """The ``n`` heaviest terms (ties in alphabetical order, as the vocabulary is sorted)."""
    order = np.argsort(-component, kind="stable")[:n]
    return tuple(
        TopicWord(str(vocabulary[i]), float(component[i])) for i in order if component[i] > 0
    )


def _typical(
    weights: NDArray[np.float64],
    topic: int,
    texts: list[str],
    owners: NDArray[np.intp],
    articles: Sequence[Article],
    n: int,
) -> tuple[TypicalSentence, ...]:
    """The sentences with the highest share of their weight on ``topic``, each text once."""
    totals = weights.sum(axis=1)
    candidates = np.flatnonzero(weights[:, topic] > 0)
    normalised = weights[candidates, topic] / totals[candidates]
    ranked = candidates[np.lexsort((candidates, -weights[candidates, topic], -normalised))]
    found: list[TypicalSentence] = []
    seen: set[str] = set()
    for i in ranked:
        if texts[i] in seen:
            continue
        seen.add(texts[i])
        article = articles[owners[i]]
        share = float(weights[i, topic] / totals[i])
        found.append(TypicalSentence(texts[i], article.id, article.outlet, share))
        if len(found) == n:
            break
    return tuple(found)
