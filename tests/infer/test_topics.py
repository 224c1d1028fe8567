"""Topics: the few a document is about, by keyword density, with the matched words as evidence."""

from __future__ import annotations

import pytest

from sco_archive.infer.topics import MAX_TOPICS, infer_topics
from sco_archive.knowledge import parse_knowledge
from tests.infer.helpers import SEEDS, infer, knowledge, paragraphs, split_seed, value

VOCABULARY = parse_knowledge(
    {
        "topics": [
            {"slug": "drugs", "label": "Drugs", "keywords": ["drug", "narcotics"], "min_count": 2},
            {"slug": "afghanistan", "label": "Afghanistan", "keywords": ["Afghanistan"]},
            {"slug": "un", "label": "UN", "keywords": ["UN"], "min_count": 1},
        ]
    }
)
FILLER = "The member states discussed the agenda of the coming year in detail. " * 10  # 120 words


def topics(*texts: str, title: str = "Title"):
    return infer_topics(title, 1, paragraphs(*texts), VOCABULARY)


def test_a_topic_needs_its_minimum_count_of_keywords():
    assert topics("A drug seizure.") is None
    assert topics("A drug seizure.", "More narcotics.").value == ("drugs",)


def test_topics_come_in_vocabulary_order_and_the_snippet_is_the_matched_words():
    found = topics("Afghanistan first.", "Then drug and drug again.")
    assert found.value == ("drugs", "afghanistan")
    assert found.snippet == "drugs: drug ×2; afghanistan: Afghanistan ×1"
    assert found.line == 5  # the first keyword of the densest topic


def test_one_mention_in_passing_deep_in_a_long_text_is_not_a_topic():
    body = [FILLER] * 6 + ["It also touched on Afghanistan and the UN once each."]
    assert topics("Colleagues,", "Thank you.", *body) is None


def test_a_keyword_in_the_title_counts_more_than_one_in_the_body():
    body = ["Colleagues,", "Thank you.", FILLER, FILLER, "The situation in Afghanistan."]
    assert topics(*body) is None
    assert topics(*body, title="Statement on Afghanistan").value == ("afghanistan",)


def test_a_long_text_needs_many_mentions_relative_to_its_length():
    few = ["Colleagues,", "Thank you.", *[FILLER] * 8, "drug narcotics drug"]
    many = ["Colleagues,", "Thank you.", *[FILLER + " drug narcotics" for _ in range(8)]]
    assert topics(*few) is None
    assert topics(*many).value == ("drugs",)


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


def test_a_700_word_statement_gets_only_the_topics_it_is_about():
    title, line, found = split_seed(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    field = infer_topics(title, line, found, knowledge())
    assert field.value == (
        "terrorism-extremism",
        "drugs",
        "international-organisations",
        "security",
    )
    assert "terrorist ×6" in field.snippet and "OSCE ×5" in field.snippet


def test_no_document_gets_more_than_the_maximum_number_of_topics():
    text = "terrorism drugs Afghanistan pandemic economy transport energy culture UN security"
    assert len(value(infer(text, text, text), "topics")) == MAX_TOPICS


def test_every_shipped_topic_has_a_label():
    assert all(topic.label for topic in knowledge().topics.values())


@pytest.mark.parametrize(
    ("title", "lead", "slug"),
    [
        ("Генсек ШОС о борьбе с терроризмом",
         "Генеральный секретарь ШОС заявил, что борьба с терроризмом и экстремизмом остаётся "
         "главной задачей РАТС ШОС.", "terrorism-extremism"),
        ("上合组织秘书长谈反恐合作",
         "上合组织秘书长表示，各成员国将继续加强反恐合作，共同打击恐怖主义、分裂主义和极端主义。",
         "terrorism-extremism"),
        ("Генсек ШОС об Афганистане", "Ситуация в Афганистане обсуждалась на встрече.",
         "afghanistan"),
    ],
)  # fmt: skip
def test_topics_are_found_in_russian_and_chinese_texts(title, lead, slug):
    topics = infer(title, lead).get("topics")
    assert topics is not None and slug in topics.value
