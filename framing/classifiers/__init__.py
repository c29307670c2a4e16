"""Trainable classifiers for a researcher's own coding scheme (scikit-learn estimators)."""
