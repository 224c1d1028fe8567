"""Translations: which documents are one text in two languages, and the page that sets them
side by side."""

from __future__ import annotations

import random
import re
import time

import frontmatter
import pytest

from sco_archive.model import Document, Field, Origin, Paragraph, PartialDate, Severity
from sco_archive.read.curated import validate_curated
from sco_archive.write.parallel import (
    parallel_page,
    parallel_pages,
    parallel_uris,
    translation_context,
)
from sco_archive.write.speech_pages import SpeechPage, plan_pages
from sco_archive.write.translations import find_translations, infer_pairs

DAY = PartialDate(2019, 4, 24)


def document(
    source: str,
    language: str,
    *,
    title: str | None = None,
    date: PartialDate | None = DAY,
    speaker: str | None = "Vladimir Norov",
    venue: str | None = None,
    paragraphs: tuple[str, ...] = ("First.", "Second."),
    curated: dict[str, object] | None = None,
) -> Document:
    values = {"language": language, "date": date, "speaker": speaker, "venue": venue}
    fields = {k: Field(v, Origin.TEXT, "test") for k, v in values.items() if v is not None}
    for key, value in (curated or {}).items():
        fields[key] = Field(value, Origin.CURATED, f"sidecar {source[:-4]}.yml", 1.0, 3)
    title = title or f"Remarks {source}"
    return Document(source, title, [Paragraph(t, i + 3) for i, t in enumerate(paragraphs)], fields)


def pages_of(*documents: Document) -> list[SpeechPage]:
    pages, _ = plan_pages(list(documents))
    return pages


def translated(pages: list[SpeechPage]) -> dict[str, list[tuple[str, str | None]]]:
    """source → [(source of each translation, its guess)], as find_translations sees them."""
    found = find_translations(pages)
    return {
        page.document.source: [(t.page.document.source, t.guess) for t in found.of[page.src_uri]]
        for page in pages
        if page.src_uri in found.of
    }


# --- Curated: `translation_of` ------------------------------------------------------------


def test_a_curated_translation_links_both_documents_with_no_guess_on_either():
    en = document("en.txt", "en", date=None)
    ru = document("ru.txt", "ru", date=None, curated={"translation_of": ("en.txt",)})
    assert translated(pages_of(en, ru)) == {
        "en.txt": [("ru.txt", None)],
        "ru.txt": [("en.txt", None)],
    }


def test_translations_are_one_group_through_a_third_document():
    en = document("en.txt", "en", date=None)
    ru = document("ru.txt", "ru", date=None, curated={"translation_of": ("en.txt",)})
    zh = document("zh.txt", "zh", date=None, curated={"translation_of": ("ru",)})  # the stem
    found = translated(pages_of(zh, ru, en))
    assert found["en.txt"] == [("ru.txt", None), ("zh.txt", None)]  # English, Russian, Chinese
    assert found["zh.txt"] == [("en.txt", None), ("ru.txt", None)]


def test_a_document_is_named_by_its_source_file_its_stem_or_its_pages_slug():
    en = document("en.txt", "en", title="Remarks at the Council", date=PartialDate(2020, 6, 24))
    names = [
        "en.txt",
        "en",
        "2020-06-24-remarks-at-the-council",
        "2020/2020-06-24-remarks-at-the-council",
    ]
    for name in names:
        ru = document("ru.txt", "ru", date=None, curated={"translation_of": (name,)})
        assert translated(pages_of(en, ru))["ru.txt"] == [("en.txt", None)], name


def test_a_name_that_finds_no_document_is_a_warning_with_file_line_and_a_suggestion():
    en = document("002_e61eb7bfdfb8ae4c.txt", "en", date=None)
    ru = document(
        "ru.txt", "ru", date=None, curated={"translation_of": ("002_e61eb7bfdfb8ae4.txt",)}
    )
    (warning,) = find_translations(pages_of(en, ru)).diagnostics
    assert (warning.file, warning.line, warning.severity) == ("ru.yml", 3, Severity.WARNING)
    assert warning.code == "unknown-translation"
    assert "did you mean `002_e61eb7bfdfb8ae4c.txt`?" in warning.message
    assert translated(pages_of(en, ru)) == {}


def test_a_document_named_as_its_own_translation_is_a_warning():
    ru = document("ru.txt", "ru", curated={"translation_of": ("ru.txt",)})
    (warning,) = find_translations(pages_of(ru)).diagnostics
    assert warning.code == "unknown-translation" and "itself" in warning.message


@pytest.mark.parametrize(
    "value, expected",
    [("en.txt", ("en.txt",)), (["a.txt", "b.txt"], ("a.txt", "b.txt")), ("none", ("none",))],
)
def test_translation_of_is_one_name_or_a_list_of_names(value, expected):
    fields, problems = validate_curated({"translation_of": value}, {"translation_of": 2}, "x.yml")
    assert not problems and fields["translation_of"].value == expected


@pytest.mark.parametrize("value", [None, 3, [], ["a.txt", 4], {"a": 1}])
def test_a_translation_of_that_names_nothing_is_a_bad_value_with_its_line(value):
    fields, (problem,) = validate_curated({"translation_of": value}, {"translation_of": 2}, "x.yml")
    assert "translation_of" not in fields
    assert (problem.code, problem.line, problem.file) == ("bad-value", 2, "x.yml")


def test_a_misspelt_key_suggests_translation_of():
    _, (problem,) = validate_curated({"translation_off": "a.txt"}, {}, "x.yml")
    assert problem.code == "unknown-key" and "did you mean `translation_of`?" in problem.message


# --- Inferred -------------------------------------------------------------------------------


def test_same_day_same_speaker_another_language_is_a_guess_said_to_be_one():
    found = translated(pages_of(document("en.txt", "en"), document("ru.txt", "ru")))
    assert found == {
        "en.txt": [("ru.txt", "inferred from date and speaker")],
        "ru.txt": [("en.txt", "inferred from date and speaker")],
    }


def test_each_guess_is_listed_once_for_a_curator_to_confirm_or_reject():
    (note,) = find_translations(
        pages_of(document("en.txt", "en"), document("ru.txt", "ru"))
    ).diagnostics
    assert (note.file, note.severity, note.code) == ("ru.txt", Severity.INFO, "translation-guess")
    assert "translation_of: en.txt" in note.message and "not_translation_of: en.txt" in note.message


def test_with_no_speaker_the_same_venue_makes_the_guess():
    venue = "Meeting of Security Council Secretaries"
    en = document("en.txt", "en", speaker=None, venue=venue)
    ru = document("ru.txt", "ru", speaker=None, venue=venue)
    assert translated(pages_of(en, ru))["ru.txt"] == [("en.txt", "inferred from date and venue")]


@pytest.mark.parametrize(
    "other",
    [
        document("en2.txt", "en"),  # the same language: two documents, not a translation
        document("ru.txt", "ru", date=PartialDate(2019, 4, 25)),  # another day
        document("ru.txt", "ru", date=PartialDate(2019, 4)),  # a month is not a day
        document("ru.txt", "ru", speaker="Zhang Ming"),  # another speaker
        document("ru.txt", "ru", speaker=None),  # one has a speaker, the other none
        document("ru.txt", "ru", speaker=None, venue="Moscow Conference"),
    ],
)
def test_no_guess_without_the_same_day_and_speaker_in_another_language(other):
    assert translated(pages_of(document("en.txt", "en"), other)) == {}


def test_no_guess_when_a_language_has_two_candidates_that_day():
    en1, en2, ru = document("en1.txt", "en"), document("en2.txt", "en"), document("ru.txt", "ru")
    assert translated(pages_of(en1, en2, ru)) == {}


def test_not_translation_of_rejects_a_guess():
    rejected = document("ru.txt", "ru", curated={"not_translation_of": ("en.txt",)})
    assert translated(pages_of(document("en.txt", "en"), rejected)) == {}


def test_translation_of_none_rejects_every_guess_for_that_document_alone():
    alone = document("ru.txt", "ru", curated={"translation_of": ("none",)})
    found = translated(pages_of(document("en.txt", "en"), alone, document("zh.txt", "zh")))
    guess = "inferred from date and speaker"
    assert found == {"en.txt": [("zh.txt", guess)], "zh.txt": [("en.txt", guess)]}
    assert not find_translations(pages_of(alone)).diagnostics  # `none` names no document


def test_no_guess_in_a_language_a_curator_already_gave_a_translation_in():
    en = document("en.txt", "en")
    ru = document("ru.txt", "ru", curated={"translation_of": ("en.txt",)})
    ru_news = document("ru-news.txt", "ru", speaker="Vladimir Norov", date=DAY)
    found = translated(pages_of(en, ru, ru_news))
    assert found["en.txt"] == [("ru.txt", None)]  # not also the news item, guessed
    assert "ru-news.txt" not in found


def test_guesses_do_not_depend_on_the_order_documents_were_loaded_in():
    documents = [document(f"{i}-{lang}.txt", lang, date=PartialDate(2019, 1, 1 + i % 28))
                 for i in range(60) for lang in ("en", "ru", "zh")]  # fmt: skip
    first = translated(pages_of(*documents))
    random.Random(7).shuffle(documents)
    assert translated(pages_of(*documents)) == first


def test_guessing_at_ten_thousand_documents_takes_a_pass_over_days_not_over_pairs():
    def day(n: int) -> PartialDate:
        return PartialDate(1990 + n // 336, 1 + n // 28 % 12, 1 + n % 28)

    # Pairs (2n, 2n + 1): one day and one speaker each, in English and in Russian.
    documents = [
        document(f"{i:05d}.txt", ("en", "ru")[i % 2], date=day(i // 2), speaker=f"S {i // 2}")
        for i in range(10_000)
    ]
    pages = pages_of(*documents)
    start = time.process_time()
    pairs = infer_pairs(pages, {}, set(), set())
    assert time.process_time() - start < 2.0  # all pairs would be 50 million comparisons
    assert len(pairs) == 5_000


# --- The parallel page ------------------------------------------------------------------------


def parallel(en: Document, ru: Document) -> tuple[SpeechPage, SpeechPage, str, str]:
    a, b = pages_of(en, ru)
    pairs = find_translations([a, b]).pairs()
    ((first, second, guess),) = pairs
    uri = parallel_uris(pairs)[(first.src_uri, second.src_uri)]
    return first, second, uri, parallel_page(first, second, guess, uri)


_ROW = re.compile(r'<div class="parallel-row" id="(p\d+)">\n(.*?)\n</div>\n', re.S)
_CELL = re.compile(r'lang="(\w+)" data-label="[^"]*">(?:<p><a[^>]*>(\d+)</a>)?')


def rows(text: str) -> list[tuple[str, list[str]]]:
    """Each row's id and, per cell, its language and paragraph number ("" if empty)."""
    return [
        (row_id, [f"{lang}:{number}" for lang, number in _CELL.findall(cells)])
        for row_id, cells in _ROW.findall(text)
    ]


def test_the_parallel_page_pairs_paragraphs_by_number_and_lets_the_longer_stand_alone():
    en = document("en.txt", "en", paragraphs=("One.", "Two.", "Three."))
    ru = document("ru.txt", "ru", paragraphs=("Один.", "Два."))
    *_, text = parallel(en, ru)
    assert rows(text) == [
        ("p1", ["en:1", "ru:1"]),
        ("p2", ["en:2", "ru:2"]),
        ("p3", ["en:3", "ru:"]),
    ]
    assert "The English text has 3 paragraphs and the Russian 2" in text
    assert "paragraph 3 of the English text stand alone" in text


def test_texts_of_the_same_length_are_said_to_match_number_for_number():
    *_, text = parallel(document("en.txt", "en"), document("ru.txt", "ru", paragraphs=("А.", "Б.")))
    assert "Both texts have 2 paragraphs" in text


def test_each_column_has_its_language_its_title_and_links_to_its_page_and_paragraphs():
    en = document("en.txt", "en", title="Remarks at the Council")
    ru = document("ru.txt", "ru", title="Выступление на Совете")
    a, b, uri, text = parallel(en, ru)
    assert (
        uri == f"parallel/{a.src_uri.rsplit('/', 1)[1][:-3]}--{b.src_uri.rsplit('/', 1)[1][:-3]}.md"
    )
    head = text.split('<div class="parallel-row" id="p1">')[0]
    assert re.search(
        r'lang="en"><h2><a href="\.\./\.\./speeches/2019/[^"]+/">Remarks at the Council</a></h2>',
        head,
    )
    assert re.search(
        r'lang="ru"><h2><a href="\.\./\.\./speeches/2019/[^"]+/">Выступление на Совете</a></h2>',
        head,
    )
    assert f'href="../../{b.url}#p2"' in text and f'href="../../{a.url}#p2"' in text
    meta = frontmatter.loads(text).metadata
    assert meta["template"] == "parallel.html" and "navigation" in meta["hide"]


def test_a_guessed_pair_says_on_its_page_that_it_is_a_guess():
    *_, text = parallel(document("en.txt", "en"), document("ru.txt", "ru"))
    assert "**probably** the same text, inferred from date and speaker" in text
    confirmed = document("ru.txt", "ru", date=None, curated={"translation_of": ("en.txt",)})
    *_, text = parallel(document("en.txt", "en", date=None), confirmed)
    assert "probably" not in text


def test_text_from_a_document_is_data_never_markup_on_the_parallel_page():
    hostile = "<script>alert(1)</script> & </div> **bold** [link](x)"
    en = document("en.txt", "en", title="<b>Title</b>", paragraphs=(hostile,))
    ru = document("ru.txt", "ru", paragraphs=("Текст.",))
    *_, text = parallel(en, ru)
    body = frontmatter.loads(text).content
    assert "<script>" not in body and "<b>" not in body and "</div> **" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/div&gt;" in body


def test_a_speech_page_names_each_translation_in_its_own_language_with_its_parallel_page():
    en, ru, zh = (document(f"{x}.txt", x) for x in ("en", "ru", "zh"))
    pages = pages_of(en, ru, zh)
    translations = find_translations(pages)
    uris = parallel_uris(translations.pairs())
    english = next(p for p in pages if p.document is en)
    also = translation_context(english, translations, uris)
    assert [(t["language"], t["name"], t["english"]) for t in also] == [
        ("ru", "Русский", "Russian"),
        ("zh", "中文", "Chinese"),
    ]
    assert all(t["parallel"].startswith("parallel/") and t["parallel"].endswith("/") for t in also)
    assert all(t["guess"] == "inferred from date and speaker" for t in also)
    assert set(parallel_pages(translations)) == {u for u in uris.values()}
    assert len(uris) == 3  # en–ru, en–zh, ru–zh


def test_parallel_pages_are_the_same_whatever_the_order_of_the_documents():
    documents = [document(f"{x}.txt", x) for x in ("en", "ru", "zh")]
    first = parallel_pages(find_translations(pages_of(*documents)))
    documents.reverse()
    assert parallel_pages(find_translations(pages_of(*documents))) == first


def test_a_translation_whose_language_is_not_known_is_shown_in_the_sites_language():
    en = document("en.txt", "en", date=None)
    unknown = document("x.txt", "", date=None, curated={"translation_of": ("en.txt",)})
    pages = pages_of(en, unknown)
    translations = find_translations(pages)
    uris = parallel_uris(translations.pairs())
    (entry,) = translation_context(pages[0], translations, uris)
    assert (entry["language"], entry["name"]) == ("en", "English")


def test_a_front_matter_warning_and_a_guess_on_one_document_are_reported_in_order():
    # Both name the .md file itself: one with the key's line, the other with none.
    md = document("ru.md", "ru", curated={"translation_of": ("nowhere.txt",)})
    md.fields["translation_of"] = Field(("nowhere.txt",), Origin.CURATED, "front matter", 1.0, 2)
    zh = document("zh.txt", "zh")
    found = find_translations(pages_of(document("en.txt", "en"), md, zh)).diagnostics
    assert [(d.file, d.line, d.code) for d in found] == [
        ("ru.md", None, "translation-guess"),  # paired with English, as a guess
        ("ru.md", 2, "unknown-translation"),
        ("zh.txt", None, "translation-guess"),
        ("zh.txt", None, "translation-guess"),
    ]
