"""Pure analysers: one article in, its features out (tone, frames, word counts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.analysers.frames import FrameScores, default_frame_lexicon, score_frames
from framing.analysers.lexicon import Lexicon
from framing.analysers.text import sentences, words
from framing.analysers.tone import Tone, score_tone
from framing.article import Article

if TYPE_CHECKING:  # framing.actors builds on framing.analysers.text: import it lazily
    from framing.actors.actor_list import ActorList
    from framing.actors.portrayal import ScoredMention, SentimentModel

__all__ = ["ArticleAnalysis", "FrameModel", "analyse", "content_words", "model_frames"]

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
        A target-dependent sentiment model; with it, every actor mention is found
        (`framing.actors.discover.find_mentions`) and scored. Without it, no actors are found.
    actors : ActorList, optional
        The user's actors, which take precedence over automatic discovery.
    """
    lexicon = lexicon or default_frame_lexicon()
    found = ([article.title] if article.title.strip() else []) + sentences(article.text)
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
        mentions=_portray_actors(found, sentiment, actors) if sentiment is not None else (),
    )


def _portray_actors(
    found: list[str], sentiment: SentimentModel, actors: ActorList | None
) -> tuple[ScoredMention, ...]:
    from framing.actors.discover import find_mentions
    from framing.actors.portrayal import portray

    return portray(found, find_mentions(found, actors=actors), sentiment)


def model_frames(article: Article, model: FrameModel) -> FrameScores:
    """Frame weights from a trained classifier's probabilities for the whole article."""
    probabilities = model.predict_proba([article.full_text])[0]
    categories = tuple(str(label) for label in model.classes_)
    return FrameScores(categories, tuple(float(p) for p in probabilities), ())


def content_words(tokens: list[str]) -> Counter[str]:
    """Counts of words that can be distinctive: no digits, not stop words, 2+ characters."""
    return Counter(
        token
        for token in tokens
        if len(token) >= _MIN_WORD_LENGTH
        and token not in ENGLISH_STOP_WORDS
        and not any(ch.isdigit() for ch in token)
    )
