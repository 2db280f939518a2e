"""Podsite: transcripts in, a cross-linked MkDocs knowledge site out."""

__version__ = "0.1.0"
