"""Inductive frames: NMF topics over a corpus's sentences, and each outlet's share of each.

A topic is a set of words that occur together in sentences, found without a codebook
(non-negative matrix factorisation, Lee and Seung 1999). Topics are not frames: a researcher
reads each one's top words and typical sentences and decides what, if anything, it frames
(Nicholls and Culpepper 2021). On a corpus of one event, the first topics found are often
background facts that every outlet repeats.

Memory is bounded on corpora of any size. The corpus is read twice and never held: the first
reading keeps a sample of at most `MAX_FIT_SENTENCES` sentences to fit the model on (every
sentence of a smaller corpus), the second gives every sentence of every article its topic
weights and adds them up per outlet. What is held is the sample and its model, a few sums per
outlet, a few candidate sentences per topic and at most `MAX_UNASSIGNED_IDS` article ids.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.analysers.text import sentences, words
from framing.article import Article

__all__ = [
    "MAX_FIT_SENTENCES",
    "OutletShares",
    "Topic",
    "TopicModel",
    "TopicWord",
    "TypicalSentence",
    "find_topics",
    "find_topics_streamed",
]

MIN_DF = 2
SMALL_CORPUS_SENTENCES = 50
MAX_DF = 0.9
NGRAM_RANGE = (1, 2)
MAX_FEATURES = 20_000
MAX_ITER = 500
LABEL_WORDS = 5
# The most sentences NMF is fitted on; a larger corpus is fitted on a sample of this many.
MAX_FIT_SENTENCES = 200_000
# The most ids of unassigned articles kept (the outlets' ``unassigned`` counts them all).
MAX_UNASSIGNED_IDS = 10_000
# Sentences given their weights at once in the second reading.
CHUNK_SENTENCES = 10_000
SAMPLE_RULE = "the sentences with the smallest blake2b hash of article content key and index"
_HASH_BYTES = 16
_MIN_WORD_LENGTH = 2
# A scipy.sparse matrix, as scikit-learn's vectorisers return (scipy ships no type hints).
_Sparse = Any
# A zero-argument callable that returns a fresh iterable of the corpus's articles each call.
ArticleSource = Callable[[], Iterable[Article]]


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

    ``unassigned`` lists the ids of articles none of whose sentences has a modelled word (the
    first `MAX_UNASSIGNED_IDS` in reading order; the outlets' ``unassigned`` count them all);
    ``sentences`` counts the sentences that have one, which are the ones modelled.
    ``settings["fit_sentences"]`` of ``settings["corpus_sentences"]`` sentences were fitted
    on: all of them, or a sample (`sampled`) when there are more than
    ``settings["max_fit_sentences"]``.
    """

    topics: tuple[Topic, ...]
    outlets: tuple[OutletShares, ...]
    unassigned: tuple[str, ...]
    articles: int
    sentences: int
    vocabulary: int
    settings: dict[str, Any]

    @property
    def sampled(self) -> bool:
        """Whether NMF was fitted on a sample of the sentences rather than all of them."""
        settings = self.settings
        return bool(settings.get("fit_sentences", 0) < settings.get("corpus_sentences", 0))

    @property
    def fit(self) -> str:
        """What NMF was fitted on, e.g. "fitted on 200,000 of 3,412,000 sentences (...)"."""
        fitted = self.settings.get("fit_sentences", self.sentences)
        total = self.settings.get("corpus_sentences", fitted)
        if not self.sampled:
            return f"fitted on all {total:,} sentences"
        return (
            f"fitted on {fitted:,} of {total:,} sentences ({SAMPLE_RULE}); every sentence is "
            "weighted and counted in the shares"
        )


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

    A corpus of more than `MAX_FIT_SENTENCES` (200,000) sentences is fitted on a sample of
    that many, the same whatever the order of the articles (see `find_topics_streamed`);
    the sentences of a smaller one are all fitted on, in reading order.

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
    return find_topics_streamed(
        lambda: articles, k=k, seed=seed, top_words=top_words, typical_sentences=typical_sentences
    )


def find_topics_streamed(
    source: ArticleSource,
    *,
    k: int,
    seed: int = 0,
    top_words: int = 10,
    typical_sentences: int = 3,
) -> TopicModel:
    """`find_topics` on a corpus read twice from ``source``, in memory bounded by the sample.

    ``source`` is called twice with no arguments and must give the same articles in the same
    order each time (e.g. ``lambda: read_articles(path, Accounting())``); ValueError if the
    second reading differs in its number of sentences. Nothing of an article is kept once it
    is read, except as below.

    First reading: the sample. Each sentence gets a stable key, the blake2b hash of its
    article's `Article.content_key` and its index in the article (the title is 0), and the
    `MAX_FIT_SENTENCES` sentences with the smallest keys are kept (a bottom-k sample). The
    sample depends only on the corpus, not on the order it is read in, and is fitted in key
    order, so shuffled articles give the same topics. A corpus with no more sentences than the
    cap keeps them all and fits them in reading order, exactly as without the cap.
    ``min_df`` and the other term rules apply to the sample.

    Second reading: the weights. A sentence of the sample keeps the weights of the fit; any
    other sentence gets ``NMF.transform`` of its TF-IDF under the fitted vocabulary, rescaled
    as the fit's (transform solves for the weights with the topic words fixed, so it would
    not exactly repeat the fit's weights of sample sentences, which is why those are kept).
    Articles' distributions, outlets' shares and topics' prevalence sum over every sentence
    of every article; outlets' sums are kept, not the articles. Each topic keeps only its
    best ``typical_sentences`` candidates as it goes. With the whole corpus fitted, every
    figure equals that of fitting and weighting all sentences at once.

    Parameters and errors as for `find_topics`; the errors about sentences count those of the
    sample.
    """
    _check_at_least("k", k, 2)
    _check_at_least("top_words", top_words, 1)
    _check_at_least("typical_sentences", typical_sentences, 1)
    cap = MAX_FIT_SENTENCES
    _check_at_least("MAX_FIT_SENTENCES", cap, 1)
    sample = _sample(source(), cap)
    fit = _fit(sample, k, seed)
    tally = _Tally(fit, typical_sentences)
    tally.read(source())
    if tally.sentences != sample.total:
        raise ValueError(
            f"the articles changed between the two readings: {sample.total} sentences in the "
            f"first, {tally.sentences} in the second"
        )

    if sample.complete:
        # Exactly the sums over the fitted weights, with their zero rows, as when unsampled.
        column = np.array([fit.weights[:, j].sum() for j in range(k)])
        overall = fit.weights.sum()
    else:
        column, overall = tally.column, tally.column.sum()
    outlets = tally.outlet_shares()
    topics = tuple(
        Topic(
            id=j + 1,
            prevalence=float(column[j] / overall),
            words=_top_words(fit.components[j], fit.vocabulary, top_words),
            sentences=tally.typical[j].sentences(),
            leading_outlet=_leader(outlets, j),
        )
        for j in range(k)
    )
    return TopicModel(
        topics=topics,
        outlets=outlets,
        unassigned=tuple(tally.unassigned),
        articles=tally.articles,
        sentences=tally.modelled,
        vocabulary=len(fit.vocabulary),
        settings={
            "k": k,
            "seed": seed,
            "min_df": fit.min_df,
            "max_df": MAX_DF,
            "ngram_range": list(NGRAM_RANGE),
            "max_features": MAX_FEATURES,
            "sublinear_tf": True,
            "stop_words": "english (scikit-learn)",
            "nmf_init": "nndsvda",
            "fit_sentences": len(sample.texts),
            "corpus_sentences": sample.total,
            "max_fit_sentences": cap,
            "fit_sample": "all sentences" if sample.complete else SAMPLE_RULE,
        },
    )


@dataclass
class _Sample:
    """The sentences to fit on, in fit order, with their keys; ``total`` counts the corpus's."""

    texts: list[str]
    keys: list[int]
    total: int

    @property
    def complete(self) -> bool:
        return len(self.texts) == self.total


def _sample(articles: Iterable[Article], cap: int) -> _Sample:
    """The ``cap`` sentences with the smallest keys (all, in reading order, if no more).

    A heap of at most ``cap`` entries holds the smallest keys seen so far, its root the
    largest of them. Equal keys come from the same article content and index, hence the same
    sentence, so which copy is kept does not change the sample.
    """
    heap: list[tuple[int, int, str]] = []  # (-key, -position, text)
    position = 0
    for article in articles:
        for index, text in enumerate(_article_sentences(article)):
            entry = (-_sentence_key(article.content_key, index), -position, text)
            if len(heap) < cap:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
            position += 1
    if position <= cap:
        heap.sort(key=lambda entry: -entry[1])  # reading order
    else:
        heap.sort(reverse=True)  # key order, which does not depend on reading order
    return _Sample([entry[2] for entry in heap], [-entry[0] for entry in heap], position)


def _sentence_key(content_key: str, index: int) -> int:
    """The stable sampling key of an article's ``index``-th sentence (not Python's hash(),
    which changes between runs)."""
    digest = hashlib.blake2b(f"{content_key}\x00{index}".encode(), digest_size=_HASH_BYTES)
    return int.from_bytes(digest.digest(), "big")


@dataclass
class _Fit:
    """The fitted vocabulary and NMF, and the sample's weights (zero rows where unmodelled)."""

    vectorizer: TfidfVectorizer
    nmf: NMF
    scale: NDArray[np.float64]
    order: NDArray[np.intp]
    weights: NDArray[np.float64]
    modelled: NDArray[np.bool_]
    components: NDArray[np.float64]
    vocabulary: NDArray[np.str_]
    min_df: int
    sample: _Sample
    rows: dict[int, int] = field(default_factory=dict)

    def transform(self, texts: list[str]) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
        """Weights of sentences outside the sample, scaled and ordered as the fit's, and which
        of them have a modelled word."""
        weights = np.zeros((len(texts), len(self.order)))
        matrix = self.vectorizer.transform(texts)
        modelled = matrix.getnnz(axis=1) > 0
        if modelled.any():
            raw = self.nmf.transform(matrix[np.flatnonzero(modelled)])
            weights[modelled] = (raw * self.scale)[:, self.order]
        return weights, modelled


def _fit(sample: _Sample, k: int, seed: int) -> _Fit:
    """TF-IDF and NMF fitted on the sample, with the checks on ``k``."""
    texts = sample.texts
    if k >= len(texts):
        raise ValueError(f"k must be less than the number of sentences ({len(texts)}), got {k}")
    min_df = MIN_DF if len(texts) >= SMALL_CORPUS_SENTENCES else 1
    vectorizer, matrix = _tfidf(texts, min_df)
    vocabulary = vectorizer.get_feature_names_out()
    modelled = np.flatnonzero(matrix.getnnz(axis=1))
    if k >= len(modelled):
        raise ValueError(
            f"k must be less than the number of sentences with a modelled word "
            f"({len(modelled)}), got {k}"
        )
    if k > len(vocabulary):
        raise ValueError(f"k must be at most the number of terms ({len(vocabulary)}), got {k}")
    weights = np.zeros((len(texts), k))
    nmf, scale, order, weights[modelled], components = _factorise(matrix[modelled], k, seed)
    mask = np.zeros(len(texts), dtype=bool)
    mask[modelled] = True
    fit = _Fit(vectorizer, nmf, scale, order, weights, mask, components, vocabulary, min_df, sample)
    if not sample.complete:
        fit.rows = {key: row for row, key in enumerate(sample.keys)}
    return fit


def _tfidf(texts: list[str], min_df: int) -> tuple[TfidfVectorizer, _Sparse]:
    """The fitted vectoriser and the sentence-term TF-IDF matrix (sparse; terms in
    alphabetical order)."""
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
    return vectorizer, matrix


def _factorise(
    matrix: _Sparse, k: int, seed: int
) -> tuple[NMF, NDArray[np.float64], NDArray[np.intp], NDArray[np.float64], NDArray[np.float64]]:
    """The NMF, its scale and topic order, sentence weights and topic-word weights, topics in
    order of prevalence.

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
    return nmf, scale, order, weights[:, order], components[order]


class _Typical:
    """The best ``n`` distinct sentences of one topic seen so far, each with its best rank.

    A rank is (-share, -weight, position): smaller is better. A text pushed out by ``n``
    better ones can never come back with an old rank, as theirs only improve, so keeping
    ``n`` is exact.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.best: dict[str, tuple[tuple[float, float, int], TypicalSentence]] = {}
        self.worst: tuple[float, float, int] = (0.0, 0.0, 0)

    @property
    def full(self) -> bool:
        return len(self.best) == self.n

    def offer(self, rank: tuple[float, float, int], sentence: TypicalSentence) -> None:
        kept = self.best.get(sentence.text)
        if kept is not None:
            if rank < kept[0]:
                self.best[sentence.text] = (rank, sentence)
                self._update()
            return
        if self.full:
            if rank >= self.worst:
                return
            del self.best[max(self.best.items(), key=lambda item: item[1][0])[0]]
        self.best[sentence.text] = (rank, sentence)
        self._update()

    def _update(self) -> None:
        self.worst = max(rank for rank, _ in self.best.values())

    def sentences(self) -> tuple[TypicalSentence, ...]:
        return tuple(sentence for _, sentence in sorted(self.best.values(), key=_first))


def _first(item: tuple[tuple[float, float, int], TypicalSentence]) -> tuple[float, float, int]:
    return item[0]


class _Tally:
    """The second reading: every sentence's weights, summed per article and outlet."""

    def __init__(self, fit: _Fit, typical_sentences: int) -> None:
        k = len(fit.order)
        self.fit = fit
        self.articles = 0
        self.sentences = 0
        self.modelled = 0
        self.column = np.zeros(k)
        self.outlets: dict[str, list[Any]] = {}  # outlet -> [articles, assigned, share sums]
        self.unassigned: list[str] = []
        self.typical = [_Typical(typical_sentences) for _ in range(k)]

    def read(self, articles: Iterable[Article]) -> None:
        chunk: list[Article] = []
        texts: list[str] = []
        owners: list[int] = []
        keys: list[int] = []
        for article in articles:
            found = _article_sentences(article)
            for index, text in enumerate(found):
                texts.append(text)
                owners.append(len(chunk))
                if not self.fit.sample.complete:
                    keys.append(_sentence_key(article.content_key, index))
            chunk.append(article)
            if len(texts) >= CHUNK_SENTENCES:
                self._add(chunk, texts, owners, keys)
                chunk, texts, owners, keys = [], [], [], []
        if chunk:
            self._add(chunk, texts, owners, keys)

    def _add(
        self, chunk: list[Article], texts: list[str], owners: list[int], keys: list[int]
    ) -> None:
        start = self.sentences
        weights, modelled = self._weights(texts, keys, start)
        self.sentences += len(texts)
        self.modelled += int(modelled.sum())
        self.column += weights.sum(axis=0)
        totals = weights.sum(axis=1)
        self._offer(weights, totals, texts, owners, chunk, start)

        article_weights = np.zeros((len(chunk), weights.shape[1]))
        np.add.at(article_weights, np.array(owners, dtype=np.intp), weights)
        article_totals = article_weights.sum(axis=1)
        for article, row, total in zip(chunk, article_weights, article_totals, strict=True):
            self.articles += 1
            tally = self.outlets.setdefault(article.outlet, [0, 0, np.zeros(len(row))])
            tally[0] += 1
            if total > 0:
                tally[1] += 1
                tally[2] += row / total
            elif len(self.unassigned) < MAX_UNASSIGNED_IDS:
                self.unassigned.append(article.id)

    def _weights(
        self, texts: list[str], keys: list[int], start: int
    ) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
        """The chunk's sentence weights: the fit's for sample sentences, else transformed."""
        fit = self.fit
        if fit.sample.complete:
            stop = start + len(texts)
            if fit.sample.texts[start:stop] != texts:
                raise ValueError("the articles changed between the two readings")
            return fit.weights[start:stop], fit.modelled[start:stop]
        rows = [fit.rows.get(key, -1) for key in keys]
        inside = np.array([row >= 0 for row in rows], dtype=bool)
        weights = np.zeros((len(texts), len(fit.order)))
        modelled = np.zeros(len(texts), dtype=bool)
        fitted = np.array([row for row in rows if row >= 0], dtype=np.intp)
        weights[inside], modelled[inside] = fit.weights[fitted], fit.modelled[fitted]
        outside = np.flatnonzero(~inside)
        if len(outside):
            weights[outside], modelled[outside] = fit.transform([texts[i] for i in outside])
        return weights, modelled

    def _offer(
        self,
        weights: NDArray[np.float64],
        totals: NDArray[np.float64],
        texts: list[str],
        owners: list[int],
        chunk: list[Article],
        start: int,
    ) -> None:
        """Offer each topic the chunk's sentences, best first, until no other can be kept."""
        for j, typical in enumerate(self.typical):
            candidates = np.flatnonzero(weights[:, j] > 0)
            shares = weights[candidates, j] / totals[candidates]
            ranked = np.lexsort((candidates, -weights[candidates, j], -shares))
            for c in ranked:
                i = int(candidates[c])
                rank = (-float(shares[c]), -float(weights[i, j]), start + i)
                if typical.full and rank >= typical.worst:
                    break  # the rest rank lower still
                article = chunk[owners[i]]
                typical.offer(rank, TypicalSentence(texts[i], article.id, article.outlet, -rank[0]))

    def outlet_shares(self) -> tuple[OutletShares, ...]:
        """Each outlet's mean article distribution, over the articles with any weight."""
        found: list[OutletShares] = []
        for outlet in sorted(self.outlets):
            articles, assigned, sums = self.outlets[outlet]
            shares = tuple(float(share) for share in sums / assigned) if assigned else None
            found.append(OutletShares(outlet, articles, articles - assigned, shares))
        return tuple(found)


def _check_at_least(name: str, value: int, minimum: int) -> None:
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")


def _article_sentences(article: Article) -> list[str]:
    """An article's sentences, the title first (if it has one)."""
    return ([article.title] if article.title.strip() else []) + sentences(article.text)


def _terms(sentence: str) -> list[str]:
    """framing's word tokens without numbers and one-letter tokens (stop words go later)."""
    return [
        token
        for token in words(sentence)
        if len(token) >= _MIN_WORD_LENGTH and not any(ch.isdigit() for ch in token)
    ]


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
