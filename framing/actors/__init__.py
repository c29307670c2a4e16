"""Actors: who an article talks about, how they are named, and how they are portrayed."""
