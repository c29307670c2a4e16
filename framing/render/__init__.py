"""Renderers: format a finished Comparison; they never compute a statistic."""
