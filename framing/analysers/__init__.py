"""Pure analysers: one article in, its features out (tone, frames, word counts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Protocol

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.analysers.cues import CueScores, score_cues
from framing.analysers.frames import FrameScores, default_frame_lexicon, score_frames
from framing.analysers.lexicon import Lexicon
from framing.analysers.sourcing import Attribution, find_attributions
from framing.analysers.text import sentences, words
from framing.analysers.tone import Tone, score_tone
from framing.article import Article

if TYPE_CHECKING:  # framing.actors builds on framing.analysers.text: import it lazily
    from framing.actors.actor_list import ActorList
    from framing.actors.discover import Mention
    from framing.actors.portrayal import ScoredMention, SentimentModel

__all__ = [
    "ArticleAnalysis",
    "FrameModel",
    "analyse",
    "analyse_many",
    "content_bigrams",
    "content_words",
    "model_frames",
]

_MIN_WORD_LENGTH = 2


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything measured on one article; the title counts as its first sentence."""

    article: Article
    sentences: tuple[str, ...]
    n_words: int
    tone: Tone
    frames: FrameScores
    word_counts: Counter[str]
    bigram_counts: Counter[str] = field(default_factory=Counter)
    cues: CueScores | None = None
    attributions: tuple[Attribution, ...] = ()
    mentions: tuple[ScoredMention, ...] = ()


class FrameModel(Protocol):
    """A trained frame classifier (e.g. `framing.classifiers.scheme.CodingSchemeClassifier`)."""

    classes_: Any

    def predict_proba(self, X: Sequence[str]) -> Any: ...


def analyse(
    article: Article,
    *,
    lexicon: Lexicon | None = None,
    exclude_quotes: bool = False,
    frame_model: FrameModel | None = None,
    sentiment: SentimentModel | None = None,
    actors: ActorList | None = None,
) -> ArticleAnalysis:
    """Split, tokenise and score one article.

    Parameters
    ----------
    article : Article
    lexicon : Lexicon, optional
        The frame dictionary; the shipped Policy Frames dictionary by default.
    exclude_quotes : bool, default=False
        Leave frame cues inside quotation marks out of the frame scores (see `score_frames`).
    frame_model : FrameModel, optional
        A trained classifier to score frames instead of the dictionary: its class
        probabilities for the whole article become the frame weights.
    sentiment : SentimentModel, optional
        A target-dependent sentiment model that scores every actor mention
        (`framing.actors.discover.find_mentions`). Without it, mentions are still found, to
        resolve quoted speakers to actors, but not scored or kept.
    actors : ActorList, optional
        The user's actors, which take precedence over automatic discovery.
    """
    return analyse_many(
        [article],
        lexicon=lexicon,
        exclude_quotes=exclude_quotes,
        frame_model=frame_model,
        sentiment=sentiment,
        actors=actors,
    )[0]


def analyse_many(
    articles: Sequence[Article],
    *,
    lexicon: Lexicon | None = None,
    exclude_quotes: bool = False,
    frame_model: FrameModel | None = None,
    sentiment: SentimentModel | None = None,
    actors: ActorList | None = None,
) -> list[ArticleAnalysis]:
    """`analyse` each article, scoring all their mentions in one call of the sentiment model:
    the same scores as one call per article, without the model's per-call cost."""
    lexicon = lexicon or default_frame_lexicon()
    split = [_sentences(article) for article in articles]
    found_mentions = [_find_mentions(found, actors) for found in split]
    if sentiment is not None:
        scored = _portray(split, found_mentions, sentiment)
    else:
        scored = [()] * len(articles)
    return [
        _analysis(article, found, mentions, portrayed, lexicon, exclude_quotes, frame_model)
        for article, found, mentions, portrayed in zip(
            articles, split, found_mentions, scored, strict=True
        )
    ]


def _sentences(article: Article) -> list[str]:
    """The article's sentences, its title first."""
    return ([article.title] if article.title.strip() else []) + sentences(article.text)


def _analysis(
    article: Article,
    found: list[str],
    found_mentions: tuple[Mention, ...],
    mentions: tuple[ScoredMention, ...],
    lexicon: Lexicon,
    exclude_quotes: bool,
    frame_model: FrameModel | None,
) -> ArticleAnalysis:
    tokens = [words(sentence) for sentence in found]
    all_tokens = [token for sentence_tokens in tokens for token in sentence_tokens]
    return ArticleAnalysis(
        article=article,
        sentences=tuple(found),
        n_words=len(all_tokens),
        tone=score_tone(found),
        frames=(
            score_frames(found, lexicon=lexicon, exclude_quotes=exclude_quotes)
            if frame_model is None
            else model_frames(article, frame_model)
        ),
        word_counts=content_words(all_tokens),
        bigram_counts=content_bigrams(tokens),
        cues=score_cues(found, exclude_quotes=exclude_quotes),
        attributions=find_attributions(found, found_mentions),
        mentions=mentions,
    )


def _find_mentions(found: list[str], actors: ActorList | None) -> tuple[Mention, ...]:
    from framing.actors.discover import find_mentions

    return find_mentions(found, actors=actors)


def _portray(
    split: list[list[str]], mentions: list[tuple[Mention, ...]], sentiment: SentimentModel
) -> list[tuple[ScoredMention, ...]]:
    from framing.actors.portrayal import portray_many

    return portray_many(list(zip(split, mentions, strict=True)), sentiment)


def model_frames(article: Article, model: FrameModel) -> FrameScores:
    """Frame weights from a trained classifier's probabilities for the whole article."""
    probabilities = model.predict_proba([article.full_text])[0]
    categories = tuple(str(label) for label in model.classes_)
    return FrameScores(categories, tuple(float(p) for p in probabilities), ())


def content_words(tokens: list[str]) -> Counter[str]:
    """Counts of words that can be distinctive: no digits, not stop words, 2+ characters."""
    return Counter(token for token in tokens if _is_content_word(token))


def content_bigrams(sentence_tokens: Sequence[Sequence[str]]) -> Counter[str]:
    """Counts of two content words next to each other in one sentence ("air defenses").

    Pairs across a stop word or a sentence break are not bigrams, as in the n-gram features of
    Monroe, Colaresi and Quinn (2008), so "president of russia" gives none.
    """
    counts: Counter[str] = Counter()
    for tokens in sentence_tokens:
        for first, second in pairwise(tokens):
            if _is_content_word(first) and _is_content_word(second):
                counts[f"{first} {second}"] += 1
    return counts


@lru_cache(maxsize=2**16)
def _is_content_word(token: str) -> bool:
    return (
        len(token) >= _MIN_WORD_LENGTH
        and token not in ENGLISH_STOP_WORDS
        and not any(ch.isdigit() for ch in token)
    )
