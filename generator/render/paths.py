"""Where each generated page lives in docs/ (MkDocs turns them into directory URLs)."""

from __future__ import annotations

import hashlib

HOME = "index.md"
EPISODES = "episodes/index.md"
TOPICS = "topics/index.md"
GLOSSARY = "glossary/index.md"
PEOPLE = "glossary/people.md"
ORGANISATIONS = "glossary/organisations.md"
TIMELINE = "timeline.md"
GRAPH = "graph.md"
KNOWLEDGE = "knowledge.json"
STYLESHEET = "assets/podsite.css"
MAX_NAME = 100  # file systems refuse names over 255 bytes; ids made from transcript words can be longer


def episode_page(episode_id: str) -> str:
    return f"episodes/{_name(episode_id)}/index.md"


def transcript_page(episode_id: str) -> str:
    return f"episodes/{_name(episode_id)}/transcript.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{_name(topic_id)}.md"


def term_page(term_id: str) -> str:
    return f"glossary/{_name(term_id)}.md"


def _name(ident: str) -> str:
    """An id as a file or folder name: a long one is cut, and told apart by a hash of all of it."""
    if len(ident) <= MAX_NAME:
        return ident
    return ident[:MAX_NAME - 9] + "-" + hashlib.sha1(ident.encode()).hexdigest()[:8]
