"""factcheck: find contradicting money and date claims across news articles."""

__version__ = "0.1.0"
