"""Page metadata is evidence beside the text: used where the text is silent, never over a
surer value of the text, and always shown with where it came from."""

from __future__ import annotations

from sco_archive.infer import infer_fields
from sco_archive.infer.embedded import page_fields
from sco_archive.knowledge import load_knowledge
from sco_archive.model import Origin, PageEvidence, Paragraph, PartialDate

TITLE = "SCO Secretary-General Vladimir Norov attends Meeting of SCO Security Council Secretaries"
TEXT = [
    Paragraph(
        "On 15 May 2019, in Bishkek, SCO Secretary-General Vladimir Norov took part in the "
        "14th Meeting of Security Council Secretaries of the SCO Member States.",
        3,
    )
]
PUBLISHED = PageEvidence(
    "published", "2019-05-16T10:00:00+06:00", "html-meta: article:published_time"
)


def _infer(*evidence: PageEvidence, paragraphs=TEXT):
    return infer_fields(TITLE, 1, paragraphs, load_knowledge(), page_evidence=evidence)


def test_a_page_date_fills_published_where_the_text_gives_none():
    assert "published" not in _infer()
    published = _infer(PUBLISHED)["published"]
    assert published.value == PartialDate(2019, 5, 16)
    assert (published.origin, published.rule) == (Origin.PAGE, "html-meta: article:published_time")


def test_page_evidence_is_never_stated_as_sure():
    fields = _infer(
        PUBLISHED, PageEvidence("source_url", "https://eng.sectsco.org/x", "html-meta: og:url")
    )
    assert all(f.confidence < 0.8 for f in fields.values() if f.origin is Origin.PAGE)


def test_the_page_never_overrides_the_date_of_the_event_the_text_states():
    fields = _infer(PUBLISHED)
    assert fields["date"].value == PartialDate(2019, 5, 15)
    assert fields["date"].origin is Origin.TEXT


def test_a_pages_language_tag_loses_to_the_texts_own_script_and_is_kept_as_runner_up():
    language = _infer(PageEvidence("language", "ru", "html-meta: <html lang>"))["language"]
    assert (language.value, language.origin) == ("en", Origin.TEXT)
    assert [(c.value, c.rule) for c in language.considered] == [("ru", "html-meta: <html lang>")]


def test_a_language_tag_speaks_where_the_text_is_too_short_to_tell():
    short = [Paragraph("SCO.", 3)]
    language = infer_fields(
        "",
        0,
        short,
        load_knowledge(),
        page_evidence=(PageEvidence("language", "zh-CN", "html-meta: <html lang>"),),
    )["language"]
    assert (language.value, language.rule) == ("zh", "html-meta: <html lang>")


def test_a_byline_never_replaces_the_speaker_the_text_names():
    byline = PageEvidence("byline", "Aigul Saparova", "html-meta: author")
    assert _infer(byline)["speaker"].value == "Vladimir Norov"  # the text names its speaker


def test_a_byline_names_the_speaker_of_an_article_whose_text_names_none():
    byline = PageEvidence("byline", "Aigul Saparova", "html-meta: author")
    assert dict(page_fields([byline], kind="news", speaker_named=False)) == {}
    ((key, speaker),) = page_fields([byline], kind="article", speaker_named=False)
    assert (key, speaker.value, speaker.rule) == ("speaker", "Aigul Saparova", "html-meta: author")
    assert speaker.confidence < 0.5  # a guess, shown as one
    assert dict(page_fields([byline], kind="article", speaker_named=True)) == {}
