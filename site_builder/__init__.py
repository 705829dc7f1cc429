"""site-builder: news articles about a legal case -> reviewed YAML -> static explainer site."""

__version__ = "0.1.0"
