"""Where each generated page lives in docs/ (MkDocs turns them into directory URLs)."""

from __future__ import annotations

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


def episode_page(episode_id: str) -> str:
    return f"episodes/{episode_id}/index.md"


def transcript_page(episode_id: str) -> str:
    return f"episodes/{episode_id}/transcript.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def term_page(term_id: str) -> str:
    return f"glossary/{term_id}.md"
