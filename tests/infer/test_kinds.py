"""Kind: the form the title names first, a news item's reporting verb, or the lead's voice."""

from __future__ import annotations

import pytest

from tests.infer.helpers import infer, value

LEAD = "The text of the document follows here, and it says a great deal about cooperation."
FIRST_PERSON = "I am glad to speak of our cooperation across the region, and of what we have built."


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        (
            "SCO Secretary-General's statement at the OSCE Annual Security Review Conference",
            "statement",
        ),
        ("Statement by the SCO Secretariat on the terrorist attack in Moscow", "statement"),
        ("Address by SCO Secretary-General Vladimir Norov at a press conference", "address"),
        ("SCO Secretary-General Vladimir Norov’s remarks at the Moscow Conference", "remarks"),
        ("Remarks by SCO Secretary-General Zhang Ming at the reception", "remarks"),
        ("Speech by SCO Secretary-General Rashid Alimov at the SCO Forum", "speech"),
        ("Keynote speech by Zhang Ming at the Boao Forum", "speech"),
        ("Information report following the 14th Meeting of Security Council Secretaries", "report"),
        (
            "SCO Secretary-General Vladimir Norov attends Meeting of SCO Security Council "
            "Secretaries",
            "news",
        ),
        ("SCO Secretary-General Zhang Ming met with the Ambassador of India", "news"),
        ("SCO Secretary-General took part in the Valdai Club session", "news"),
        ("SCO Secretary-General Zhang Ming holds talks with the Foreign Minister of Iran", "news"),
        ("Interview of SCO Secretary-General Zhang Ming to Xinhua News Agency", "interview"),
        ("SCO Secretary-General Vladimir Norov's interview with Rossiyskaya Gazeta", "interview"),
        (
            "Press release on the results of the meeting of the Council of Foreign Ministers",
            "press release",
        ),
        ("Press conference of SCO Secretary-General Rashid Alimov", "press conference"),
        (
            "Joint communiqué following the meeting of the Council of Heads of Government",
            "declaration",
        ),
        (
            "Declaration of the Council of Heads of State of the SCO on building a harmonious "
            "region",
            "declaration",
        ),
        ("Article by SCO Secretary-General Zhang Ming in People's Daily", "article"),
        ("SCO Secretary-General Zhang Ming gives interview to CGTN", "interview"),
        ("Briefing by SCO Secretary-General for the diplomatic corps", "press conference"),
        ("Review of SCO Secretary-General's speech at the 15th meeting", "news"),
    ],
)
def test_kind_from_the_title(title, kind):
    assert value(infer(title, LEAD), "kind") == kind


def test_the_form_named_first_wins_over_a_later_event_word():
    # "press conference" names the venue here; "Address" names the document.
    fields = infer("Address by SCO Secretary-General Vladimir Norov at a press conference", LEAD)
    assert fields["kind"].value == "address" and fields["kind"].confidence >= 0.5


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        (
            "On 12 March 2023, SCO Secretary-General Zhang Ming held a meeting with the "
            "Ambassador.",
            "news",
        ),
        ("Dear colleagues, ladies and gentlemen, I am glad to welcome you here today.", "speech"),
        (
            "Question: How do you assess the results of the summit? Answer: Very highly.",
            "interview",
        ),
    ],
)
def test_kind_from_the_lead_when_the_title_names_none(lead, kind):
    fields = infer("On the results of the year", lead)
    assert value(fields, "kind") == kind


def test_a_speech_recognised_only_by_its_salutation_is_a_guess():
    assert (
        infer("On the year", "Dear colleagues, I am glad to see you all.")["kind"].confidence < 0.5
    )


def test_no_signal_gives_no_kind():
    assert "kind" not in infer("On the results of the year", "I think that this is so.")


def test_a_report_in_the_third_person_is_news_but_only_as_a_guess():
    kind = infer("On the results of the year", LEAD)["kind"]
    assert (kind.value, kind.rule) == ("news", "third-person-report") and kind.confidence <= 0.5


@pytest.mark.parametrize(
    ("lead", "kind", "rule"),
    [
        ("Q: How do you see the SCO today?", "interview", "question-answer-turns"),
        ("Foreign Ministry Spokesperson Mao Ning held a regular press conference.",
         "press conference", "briefing-in-lead"),
        ("外交部发言人毛宁主持例行记者会。", "press conference", "briefing-in-lead"),
        ("Генеральный секретарь ШОС в интервью ТАСС рассказал о планах.", "interview",
         "told-an-outlet"),
        ("The Secretary-General told Xinhua in Beijing that the summit would succeed.",
         "interview", "told-an-outlet"),
        ("Уважаемые коллеги! Рад приветствовать вас.", "speech", "salutation"),
    ],
)  # fmt: skip
def test_the_form_of_the_text_names_its_kind(lead, kind, rule):
    found = infer("On the SCO", lead, "A: It is a strong organisation.")["kind"]
    assert (found.value, found.rule) == (kind, rule)


def test_a_name_and_colon_title_alone_says_nothing_of_the_kind():
    # "Rashid Alimov: …" heads interviews, articles and news alike: as evidence of an
    # interview it was right 0 of 8 times on real documents (bench/metadata_eval.py).
    fields = infer("Rashid Alimov: The SCO is a model of a new type of relations", FIRST_PERSON)
    assert value(fields, "kind") is None


def test_words_inside_quotes_in_a_title_are_not_signals():
    fields = infer("Vladimir Norov: “The SCO attends to every member”", FIRST_PERSON)
    assert value(fields, "kind") != "news"


@pytest.mark.parametrize(
    "lead",
    [
        "MOSCOW, March 20. /TASS/. The SCO will consider the application, Alimov said.",
        "BEIJING, Jan. 15 (Xinhua) -- The SCO will grow, its Secretary-General said here.",
        "Bishkek, September 12 /Kabar/. The meeting will be held in Bishkek in October.",
    ],
)
def test_a_news_agency_dateline_makes_a_news_item(lead):
    assert value(infer("SCO to consider Iran's membership - Alimov", lead), "kind") == "news"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("SCO Secretary-General's congratulations on Nowruz", "address"),
        ("Vladimir Norov took office as SCO Secretary-General", "news"),
        ("Пресс-конференция Генерального секретаря ШОС", "press conference"),
        ("上海合作组织秘书长声明", "statement"),
    ],
)
def test_kind_from_more_title_wordings(title, kind):
    assert value(infer(title, LEAD), "kind") == kind


def test_a_byline_under_a_title_that_names_no_form_makes_an_article_as_a_guess():
    kind = infer("The SCO at twenty: looking ahead", "By Vladimir Norov", LEAD)["kind"]
    assert kind.value == "article" and kind.confidence < 0.5


def test_the_other_kinds_the_evidence_proposed_are_kept_as_runners_up():
    kind = infer("Statement of the SCO Secretariat", "Q: Is this an interview?", "A: No.")["kind"]
    assert kind.value == "statement"
    assert [(c.value, c.rule) for c in kind.considered] == [("interview", "question-answer-turns")]


def test_a_question_answered_in_the_next_paragraph_makes_an_interview_as_a_guess():
    fields = infer(
        "Uzbek diplomat takes over as SCO Secretary-General",
        "Vladimir Norov is the new Secretary-General of the organisation, VOA reports.",
        "What are your priorities for the coming three years?",
        "Our priority is to strengthen trust among the member states and to widen cooperation.",
    )
    kind = fields["kind"]
    assert kind.value == "interview" and kind.rule == "question-answered"
    assert kind.confidence < 0.8


def test_a_long_rhetorical_question_or_questions_in_a_row_are_no_interview():
    rhetorical = "Who could have imagined twenty years ago " + "what this organisation " * 20 + "?"
    fields = infer("", "Dear colleagues,", rhetorical, "We met in Shanghai then.")
    assert value(fields, "kind") != "interview"
    fields = infer("", "Dear colleagues,", "Why?", "What next?", "And then?")
    assert value(fields, "kind") != "interview"


@pytest.mark.parametrize(
    ("title", "lead", "kind"),
    [
        (
            "Secretary-General Calls for Stronger Ties with the SCO",
            "Following is the text of UN Secretary-General António Guterres' video message at "
            "the twentieth meeting of the Council of Heads of State of the SCO, held today:",
            "address",
        ),
        (
            "Close Partnership Fosters Regional Peace, Secretary-General Stresses",
            "Following are UN Secretary-General António Guterres' remarks at the special event, "
            "in New York today:",
            "remarks",
        ),
        (
            "Upholding Lasting Peace, Promoting Common Prosperity",
            "— Remarks by Chinese President Hu Jintao at the 12th Meeting of the Council of "
            "Heads of Member States of the Shanghai Cooperation Organization",
            "remarks",
        ),
    ],
)
def test_a_line_that_announces_the_text_below_it_gives_its_kind(title, lead, kind):
    # Over the news verb of a press release's headline ("Calls", "Stresses"): the line says
    # what the text is.
    assert value(infer(title, lead), "kind") == kind


def test_a_kind_word_in_the_middle_of_a_line_announces_nothing():
    fields = infer("Summit news", "The leaders heard remarks by the host and adopted a plan.")
    assert fields.get("kind") is None or fields["kind"].rule != "kind-opens-line"


def test_a_kind_word_after_a_dash_that_opens_the_title_counts():
    title = "—Speech by Hu Jintao, President of China, at the 7th Meeting of the Council"
    assert value(infer(title, "It is a great pleasure to join you."), "kind") == "speech"


def test_a_chinese_kind_word_that_names_a_person_is_no_kind():
    # 发言人 is a spokesperson, not a 发言 (speech): the title names a press conference.
    title = "2025年1月6日外交部发言人郭嘉昆主持例行记者会"
    assert value(infer(title, "记者:请问。"), "kind") == "press conference"


@pytest.mark.parametrize(
    "title",
    [
        "SCO summit meeting issues joint communique",
        'Министры обороны "Шанхайской шестерки" подписали коммюнике',
        "Heads of State sign the Astana Declaration",
    ],
)
def test_a_title_reporting_a_declaration_signed_or_issued_is_news_with_no_speaker(title):
    fields = infer(title, "President Hu Jintao attended the one-day meeting in Shanghai.")
    assert value(fields, "kind") == "news"
    assert value(fields, "speaker") is None


def test_a_declaration_that_heads_its_own_text_stays_a_declaration():
    fields = infer("Joint Communiqué of the Meeting of the Council of Heads of Government", LEAD)
    assert value(fields, "kind") == "declaration"


@pytest.mark.parametrize(
    "title",
    [
        "Remarks and answers to media questions by Foreign Minister Sergey Lavrov",
        "Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова",
    ],
)
def test_a_speech_followed_by_answers_to_media_questions_is_a_press_conference(title):
    assert value(infer(title, LEAD), "kind") == "press conference"


def test_remarks_given_at_a_briefing_are_remarks_not_a_press_conference():
    title = "Remarks by Ambassador Fu Cong at the UN Security Council Briefing on Cooperation"
    assert value(infer(title, LEAD), "kind") == "remarks"


@pytest.mark.parametrize(
    "lead",
    [
        "Об этом министр заявил, отвечая на вопросы журналиста ВГТРК Павла Зарубина.",
        "Генеральный секретарь Рашид Алимов отвечает на вопросы читателей портала.",
    ],
)
def test_answering_one_journalists_or_readers_questions_is_an_interview(lead):
    fields = infer("Лавров: участники встреч ШОС нацелены на отстаивание интересов", lead)
    assert value(fields, "kind") == "interview"


def test_a_kind_word_glossed_with_its_reading_is_still_read():
    glossed = "5月28日,外交部举行中外媒体吹风(fēng)会(huì)。王毅介绍了峰会。"
    fields = infer("上合组织,你知道多少?", glossed)
    assert value(fields, "kind") == "press conference"


def test_the_form_of_a_text_is_read_past_a_page_full_of_furniture():
    furniture = ["首页>专题>上合青岛峰会", "2018年06月06日 14:13 | 来源:中国新闻网", "分享到:"]
    headline = "(上合青岛峰会)上合组织秘书长阿利莫夫:青岛峰会向世界展示新型国际关系典范的意义所在"
    lead = "“我们在见证新型国际关系的形成”,上海合作组织秘书长阿利莫夫近日接受中新社记者采访时表示。"
    fields = infer("上合组织秘书长阿利莫夫:青岛峰会展示典范", *furniture, headline, headline,
                   "作者 肖欣 张尼", lead)  # fmt: skip
    assert value(fields, "kind") == "interview"


def test_a_lead_taken_for_the_title_is_read_as_the_lead():
    title = (
        "On the eve of the ninth SCO summit in Yekaterinburg, Bolat Nurgaliyev told Xinhua that "
        "leaders would discuss regional and global issues,"
    )
    fields = infer(title, "Against the backdrop of the crisis, members should act, he said.")
    assert value(fields, "kind") == "interview"


@pytest.mark.parametrize(
    "title",
    [
        "SCO Secretary-General Rashid Alimov sent a message of greetings to Sergey Lavrov",
        "Генеральный секретарь ШОС направил поздравление Президенту Кыргызстана",
    ],
)
def test_a_message_the_title_says_was_sent_is_an_address(title):
    assert value(infer(title, "Dear Mr Minister, please accept my congratulations."), "kind") == (
        "address"
    )
