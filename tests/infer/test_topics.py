"""Topics: controlled vocabulary, assigned by counting keywords against each topic's threshold."""

from __future__ import annotations

from sco_archive.infer.topics import infer_topics
from sco_archive.knowledge import parse_knowledge
from tests.infer.helpers import infer, knowledge, paragraphs, value

VOCABULARY = parse_knowledge(
    {
        "topics": [
            {"slug": "drugs", "label": "Drugs", "keywords": ["drug", "narcotics"], "min_count": 2},
            {"slug": "afghanistan", "label": "Afghanistan", "keywords": ["Afghanistan"]},
            {"slug": "un", "label": "UN", "keywords": ["UN"], "min_count": 1},
        ]
    }
)


def topics(*texts: str):
    return infer_topics("Title", 1, paragraphs(*texts), VOCABULARY)


def test_a_topic_needs_its_minimum_count_of_keywords():
    assert topics("A drug seizure.") is None
    assert topics("A drug seizure.", "More narcotics.").value == ("drugs",)


def test_topics_come_in_vocabulary_order_with_the_first_triggering_snippet():
    found = topics("Afghanistan first.", "Then drug and drug again.")
    assert found.value == ("drugs", "afghanistan")
    assert "Afghanistan" in found.snippet and found.line == 3


def test_acronym_keywords_match_only_in_capitals():
    assert topics("un-der the sun, unknown un") is None
    assert topics("The UN Charter.").value == ("un",)


def test_keywords_match_whole_words_only():
    assert topics("drugstore drugstores") is None


def test_the_shipped_vocabulary_assigns_terrorism_to_a_counter_terrorism_text():
    fields = infer(
        "Statement on terrorism",
        "The SCO condemns terrorism and extremism in all forms; RATS coordinates the response.",
    )
    assert "terrorism-extremism" in value(fields, "topics")


def test_every_shipped_topic_has_a_label():
    assert all(topic.label for topic in knowledge().topics.values())
