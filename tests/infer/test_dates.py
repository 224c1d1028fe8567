"""Dates: every way the texts write one, and which one is the document's date."""

from __future__ import annotations

import pytest

from sco_archive.infer.date_grammar import find_dates
from sco_archive.model import PartialDate
from tests.infer.helpers import infer, value

TITLE = "SCO Secretary-General Zhang Ming's speech at the forum"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("24 June, 2020", "2020-06-24"),
        ("24 June 2020", "2020-06-24"),
        ("June 24, 2020", "2020-06-24"),
        ("June 24 2020", "2020-06-24"),
        ("24th of June 2020", "2020-06-24"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("24.06.2020", "2020-06-24"),
        ("2020-06-24", "2020-06-24"),
        ("15 мая 2019 года", "2019-05-15"),
        ("2019年5月15日", "2019-05-15"),
        ("2019 年 5 月", "2019-05"),
        ("in June 2019", "2019-06"),
        ("December, 2019", "2019-12"),
    ],
)
def test_every_written_form_of_a_date_is_found(written, iso):
    found = [m.date.iso() for m in find_dates(f"It was {written} there.") if m.date]
    assert found == [iso]


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("21-22 May 2018", "2018-05-21", "2018-05-22"),
        ("8-9 June 2017", "2017-06-08", "2017-06-09"),
        ("8–9 June, 2017", "2017-06-08", "2017-06-09"),
        ("30 November - 1 December 2022", "2022-11-30", "2022-12-01"),
        ("June 8-9, 2017", "2017-06-08", "2017-06-09"),
        ("8 and 9 June 2017", "2017-06-08", "2017-06-09"),
    ],
)
def test_a_range_keeps_its_start_and_end(written, start, end):
    (mention,) = find_dates(written)
    assert (mention.date.iso(), mention.end_date.iso()) == (start, end)


@pytest.mark.parametrize("written", ["31 June 2020", "30.02.2020", "2020-13-01"])
def test_impossible_dates_are_not_dates(written):
    assert [m for m in find_dates(written) if m.date and m.day] == []


def test_a_backwards_range_is_not_a_range():
    assert [m.end_date for m in find_dates("22-21 May 2018")] == [None]


@pytest.mark.parametrize(
    ("title", "lead", "iso", "rule"),
    [
        (
            "Statement at the Conference (24 June, 2020)",
            "Dear colleagues,",
            "2020-06-24",
            "date-closes-title",
        ),
        ("Remarks at the meeting, 12 March 2023", "Colleagues,", "2023-03-12", "date-closes-title"),
        ("12 March 2023: remarks at the meeting", "Colleagues,", "2023-03-12", "date-in-title"),
        ("Press release (June 2019)", "The meeting agreed …", "2019-06", "date-closes-title"),
        (
            TITLE,
            "On 15 May 2019, in Bishkek, SCO Secretary-General Vladimir Norov took part in the "
            "meeting.",
            "2019-05-15",
            "event-date-in-lead",
        ),
        (
            TITLE,
            "The 14th Meeting took place in Bishkek on 15 May, 2019.",
            "2019-05-15",
            "event-date-in-lead",
        ),
        (
            TITLE,
            "On 12 March 2023, SCO Secretary-General Zhang Ming held a meeting with the "
            "Ambassador.",
            "2023-03-12",
            "event-date-in-lead",
        ),
        (
            TITLE,
            "(September 10, 2020, Moscow) The ministers met today.",
            "2020-09-10",
            "date-opens-lead",
        ),
        (TITLE, "24.06.2020", "2020-06-24", "date-only-line"),
        (
            TITLE,
            "2023-03-12 — Beijing. The Secretary-General met the press.",
            "2023-03-12",
            "date-opens-lead",
        ),
        (
            TITLE,
            "15 мая 2019 года в Бишкеке состоялось заседание.",
            "2019-05-15",
            "date-opens-lead",
        ),
        (TITLE, "2019年5月15日，上海合作组织秘书长出席会议。", "2019-05-15", "date-opens-lead"),
    ],
)
def test_the_documents_date_comes_from_title_then_lead(title, lead, iso, rule):
    date = infer(title, lead)["date"]
    assert (date.value.iso(), date.rule) == (iso, rule)
    assert date.confidence >= 0.5


def test_a_range_in_the_lead_gives_date_and_date_end():
    fields = infer(
        TITLE, "The SCO summit was held in Qingdao on 9-10 June 2018 under China's chair."
    )
    assert fields["date"].value == PartialDate(2018, 6, 9)
    assert fields["date_end"].value == PartialDate(2018, 6, 10)


@pytest.mark.parametrize(
    "lead",
    [
        "The parties noted the agreement signed in Qingdao on 10 June 2018 and its implementation.",
        "The next meeting of the Council will be held in Tashkent on 12 May 2020.",
        "Following the Bishkek summit in June 2019, the Organisation has grown stronger.",
        "Since 15 June 2001, the SCO has become a major organisation.",
        "The SCO was founded on 15 June 2001 in Shanghai.",
        "Dear colleagues, the Council adopted on 19 April 2019 a plan of action.",
    ],
)
def test_date_in_passing_is_not_the_document_date(lead):
    date = infer(TITLE, lead).get("date")
    assert date is None or date.confidence < 0.5


def test_date_in_passing_later_in_the_report_loses_to_the_lead_date():
    fields = infer(
        "Information report following the meeting",
        "The meeting took place in Bishkek on 15 May, 2019.",
        "The parties recalled the declaration signed in Qingdao on 10 June 2018.",
        "On 19 April 2019 the contact group met.",
    )
    assert fields["date"].value.iso() == "2019-05-15"


def test_dateline_takes_its_year_from_elsewhere_in_the_text():
    fields = infer(
        "SCO chief hails cooperation",
        "BEIJING, June 10 (APP): The SCO Secretary-General said on Wednesday that cooperation "
        "grew.",
        "He recalled results achieved since the summit in 2020.",
    )
    date = fields["date"]
    assert (date.value.iso(), date.rule) == ("2020-06-10", "dateline")


def test_dateline_without_any_year_in_the_text_gives_no_date():
    assert "date" not in infer("SCO chief speaks", "BEIJING, June 10 (APP): The chief spoke today.")


def test_weekday_reference_is_resolved_against_a_year_in_the_text():
    fields = infer(TITLE, "Colleagues,", "This Monday, June 8, we held talks; 2020 is a hard year.")
    date = fields["date"]
    assert (date.value.iso(), date.rule) == ("2020-06-08", "weekday-date")


def test_weekday_that_fits_no_year_in_the_text_gives_only_a_low_confidence_month():
    fields = infer(TITLE, "Colleagues,", "This Monday, June 9, we held talks; 2020 is a hard year.")
    date = fields["date"]
    assert date.value == PartialDate(2020, 6) and date.confidence < 0.5


@pytest.mark.parametrize(
    "target",
    [
        "a Strategy until 2035 was defined",
        "to double trade by 2030",
        "the 2030 Agenda",
        "Стратегия развития ШОС до 2035 года",
    ],
)
def test_a_year_a_plan_aims_at_is_no_hint_of_when_the_text_was_written(target):
    # Seen in the benchmark corpus: "this Monday, June 9" became June 2035.
    fields = infer(TITLE, "Colleagues,", f"This Monday, June 9, we held talks in 2019; {target}.")
    assert fields["date"].value == PartialDate(2019, 6)


def test_eve_of_the_sco_anniversary_gives_june_of_that_year():
    fields = infer(
        TITLE, "Today, on the eve of the 19th anniversary of SCO, I would like to speak."
    )
    assert fields["date"].value == PartialDate(2020, 6)


def test_signature_line_at_the_end_dates_a_statement():
    fields = infer(
        "Statement by the SCO Secretariat",
        "The SCO Secretariat strongly condemns the terrorist attack in the city and expresses "
        "its deep condolences to the families of the victims.",
        "Beijing, 24 March 2024",
    )
    assert fields["date"].value.iso() == "2024-03-24" and fields["date"].rule == "closing-date-line"


def test_a_text_without_a_date_has_none():
    assert "date" not in infer(
        "Remarks at the conference", "Mr Chairman, colleagues,", "Thank you."
    )


def test_curly_quotes_and_no_break_spaces_do_not_hide_a_date():
    fields = infer(TITLE, "On\u00a015\u00a0May\u00a02019, in\u00a0Bishkek, the “Council” met.")
    assert fields["date"].value.iso() == "2019-05-15"
    assert "\u00a0" in fields["date"].snippet


@pytest.mark.parametrize(
    ("lead", "iso", "rule"),
    [
        (
            "Beijing, 12 March 2023 - SCO Secretary-General Zhang Ming met the press today.",
            "2023-03-12",
            "dateline",
        ),
        (
            "TASHKENT, Uzbekistan, March 12, 2023 (UzA) - The forum opened with many guests.",
            "2023-03-12",
            "dateline",
        ),
        (
            "We have gathered here today, on 16 September 2022, to sum up a great many results.",
            "2022-09-16",
            "today-date",
        ),
    ],
)
def test_datelines_and_today_in_the_lead(lead, iso, rule):
    date = infer(TITLE, lead)["date"]
    assert (date.value.iso(), date.rule) == (iso, rule)


@pytest.mark.parametrize(
    "title",
    [
        "Remarks before the UN Security Council, 12 March 2023",
        "Statement on the 20th anniversary of the SCO (15 June 2021)",
    ],
)
def test_a_title_date_is_the_documents_date_even_after_before_or_anniversary(title):
    assert infer(title, "Colleagues,")["date"].origin.value == "title"


def test_a_date_of_something_the_title_names_is_not_the_documents_date():
    assert "date" not in infer("On the Charter signed on 7 June 2002", "Colleagues,")


def test_yearless_event_date_takes_the_curated_year_as_a_guess():
    fields = infer(
        TITLE,
        "On 12 March, SCO Secretary-General Zhang Ming met the Ambassador of India.",
        curated={"date": PartialDate(2023)},
    )
    date = fields["date"]
    assert date.value == PartialDate(2023, 3, 12) and date.confidence < 0.5


def test_yearless_event_date_without_any_year_gives_no_date():
    assert "date" not in infer(TITLE, "On 12 March, SCO Secretary-General met the Ambassador.")


def test_two_dates_in_the_lead_sentence_leave_the_choice_uncertain():
    date = infer(TITLE, "Colleagues, on 15 March we opened the hall, and on 2 April 2023 the show.")
    assert date.get("date") is None or date["date"].confidence < 0.5


@pytest.mark.parametrize(
    "lead",
    [
        "On 15 June 2001, the Shanghai Cooperation Organisation was founded in Shanghai by six "
        "states.",
        "Twenty years ago, on 15 June 2001, the leaders signed the Declaration on the SCO.",
        "The forum marked the signing of the Charter on 7 June 2002 in Saint Petersburg.",
        "On 26 April 1996 the Shanghai Five was born, with a meeting of five leaders in Shanghai.",
    ],
)
def test_a_historic_date_in_the_lead_is_never_a_confident_document_date(lead):
    date = infer(TITLE, lead).get("date")
    assert date is None or date.confidence < 0.5


@pytest.mark.parametrize(
    ("lead", "confident"),
    [
        ("Today, on the eve of the 19th anniversary of SCO, I would like to speak.", True),
        ("On the occasion of the 20th anniversary of the SCO, I congratulate you.", True),
        ("Ahead of the 20th anniversary of the SCO, the Secretariat opened an exhibition.", False),
    ],
)
def test_an_anniversary_of_the_sco_dates_a_text_to_june_of_that_year(lead, confident):
    date = infer(TITLE, lead)["date"]
    assert date.value.precision == "month" and (date.confidence >= 0.5) == confident


def test_the_anniversary_of_the_secretariat_is_not_the_anniversary_of_the_sco():
    assert "date" not in infer(TITLE, "On the 20th anniversary of the SCO Secretariat, we met.")


def test_dateline_year_from_the_same_line_is_trusted_more_than_a_year_elsewhere():
    near = infer(
        TITLE, "BEIJING, March 2 (Agency - 2nd Mar, 2022) :: The Ambassador called on him."
    )
    far = infer(TITLE, "BEIJING, March 2 (APP): The Ambassador called on him.", "Since 2023, more.")
    assert near["date"].value.iso() == "2022-03-02" and near["date"].confidence >= 0.5
    assert far["date"].value.iso() == "2023-03-02" and far["date"].confidence < 0.5


def test_yearless_date_after_an_event_verb_takes_the_curated_year_as_a_guess():
    fields = infer(
        TITLE,
        "SCO Secretary-General Zhang Ming met the Ambassador of India on 12 March.",
        curated={"date": PartialDate(2023)},
    )
    assert fields["date"].value == PartialDate(2023, 3, 12) and fields["date"].confidence < 0.5


@pytest.mark.parametrize(
    ("filename", "iso"),
    [
        ("2019-05-15-norov.txt", "2019-05-15"),
        ("20190515_538722.txt", "2019-05-15"),
        ("000_a248d1fd639199f1.txt", None),
        ("2019-13-45.txt", None),
    ],
)
def test_the_file_name_dates_a_text_that_gives_no_date(filename, iso):
    date = infer("Remarks at the conference", "Mr Chairman, colleagues,", filename=filename).get(
        "date"
    )
    assert (date.value.iso() if date else None) == iso
    assert date is None or date.origin.value == "filename"


def test_a_date_in_the_text_beats_the_file_name():
    fields = infer(TITLE, "On 15 May 2019, in Bishkek, he spoke.", filename="2020-01-01.txt")
    assert fields["date"].value.iso() == "2019-05-15"


@pytest.mark.parametrize(
    ("lead", "iso"),
    [
        (
            "In June 2019, the SCO Secretary-General visited the Kyrgyz Republic for talks.",
            "2019-06",
        ),
        (
            "(June 2019) The Secretary-General answered questions from the journalists present.",
            "2019-06",
        ),
        ("The results achieved since the Bishkek summit in June 2019 are remarkable indeed.", None),
    ],
)
def test_a_month_alone_dates_a_text_only_when_it_opens_the_lead(lead, iso):
    date = infer(TITLE, lead).get("date")
    assert (date.value.iso() if date else None) == iso


def test_yearless_dateline_takes_the_year_on_which_the_weekday_fits_the_speakers_term():
    fields = infer(
        "SCO secretary-general hails China's contribution",
        "BEIJING, Dec. 3 (Xinhua) -- Secretary-General of the SCO Zhang Ming on Tuesday hailed "
        "China's contribution to regional security.",
    )
    date = fields["date"]
    assert date.value.iso() == "2024-12-03" and date.confidence < 0.5  # no year in the text


def test_yearless_dateline_is_confident_when_year_weekday_and_term_agree():
    fields = infer(
        "SCO to consider Iran's membership - Alimov",
        "MOSCOW, March 20. /TASS/. The SCO will consider Iran's application, SCO "
        "Secretary-General Rashid Alimov told TASS on Monday.",
        "He expects India and Pakistan to join at the Astana summit in June 2017.",
    )
    date = fields["date"]
    assert date.value.iso() == "2017-03-20" and date.confidence >= 0.5


def test_a_year_named_outside_the_speakers_term_is_not_the_datelines_year():
    fields = infer(
        "SCO chief speaks",
        "BEIJING, June 15 (APP): SCO Secretary-General Zhang Ming spoke at the reception.",
        "The SCO was founded in 2001; the Astana summit of 2017 admitted India.",
    )
    assert "date" not in fields or fields["date"].value.year not in (2001, 2017)


@pytest.mark.parametrize(
    ("lead", "iso"),
    [
        ("As the year 2017 comes to a close, I thank you for your support.", "2017"),
        (
            "This year the Shanghai Cooperation Organisation celebrates its 20th anniversary.",
            "2021",
        ),
    ],
)
def test_a_text_that_says_which_year_it_is_is_dated_to_that_year(lead, iso):
    date = infer("New Year greetings from the SCO Secretary-General", "Dear friends,", lead)["date"]
    assert (date.value.iso(), date.value.precision) == (iso, "year")


def test_a_future_range_in_a_news_lead_is_not_the_documents_date():
    fields = infer(
        "Bishkek to host SCO Heads of Government meeting in October",
        "Bishkek, September 12 /Kabar/. The meeting of the SCO Council of Heads of Government "
        "will be held in Bishkek on October 25-26, 2023, Foreign Minister of Kyrgyzstan Jeenbek "
        "Kulubaev said at a briefing on Tuesday.",
    )
    assert fields["date"].value.iso() == "2023-09-12" and "date_end" not in fields


def test_an_attack_date_in_a_statement_is_not_its_date():
    fields = infer(
        "Statement by the SCO Secretary-General on the terrorist attack at Kabul University",
        "The SCO Secretary-General strongly condemns the terrorist attack carried out on "
        "2 November 2020 at Kabul University, which killed dozens of students.",
    )
    assert "date" not in fields or fields["date"].confidence < 0.5
    assert "city" not in fields


@pytest.mark.parametrize(
    "lead",
    [
        "Following the summit held in Samarkand on 16 September 2022 the Secretary-General "
        "gave an interview to the press.",
        "Ahead of the meeting scheduled in Astana on 4 July 2024 the ministers met the press.",
    ],
)
def test_a_date_in_a_following_or_ahead_of_clause_is_in_passing(lead):
    date = infer(TITLE, lead).get("date")
    assert date is None or date.confidence < 0.5


def test_a_date_of_an_upcoming_event_in_the_title_is_not_the_documents_date():
    date = infer("Press conference ahead of the 4 July 2024 summit", "Good afternoon.").get("date")
    assert date is None or date.confidence < 0.5


def test_a_year_after_the_dateline_is_history_not_the_datelines_year():
    fields = infer(
        "SCO chief lauds Pakistan",
        "BEIJING, June 10 (APP): Pakistan, which joined the SCO in 2017, plays a role, the "
        "Secretary-General said.",
    )
    assert fields["date"].confidence < 0.5


def test_a_numbered_meeting_fixes_the_year_of_a_date_that_opens_the_lead():
    fields = infer(
        "",
        "16 августа в Бишкеке состоялось 7-е заседание Совета глав государств-членов "
        "Шанхайской организации сотрудничества.",
    )
    assert fields["date"].value.iso() == "2007-08-16"


def test_the_terms_of_everyone_a_text_names_together_fix_the_year_of_a_dateline():
    # Lin Jian has been spokesman since 2024: with Zhang Ming (2022–2024), only 2024 is left.
    lead = "新华社北京3月2日电 外交部发言人林剑2日介绍了上海合作组织秘书长张明的访问。"
    assert infer("", lead)["date"].value.iso() == "2024-03-02"


def test_a_term_known_to_the_day_fixes_the_year_a_term_known_to_the_year_leaves_open():
    # Qin Gang was Foreign Minister from 30 December 2022 to 25 July 2023: on 19 April that is
    # 2023, although by years alone his term and Zhang Ming's share 2022 and 2023.
    lead = "新华社北京4月19日电 外长秦刚19日在北京会见上海合作组织秘书长张明。"
    assert infer("", lead)["date"].value.iso() == "2023-04-19"
    # Wang Yi was Foreign Minister on 10 May 2022 and 2024, not 2023: two years, so none.
    lead = "新华社北京5月10日电 外长王毅10日在北京会见上海合作组织秘书长张明。"
    assert "date" not in infer("", lead)


def test_a_first_line_that_is_a_sentence_of_news_is_dated_as_the_lead():
    # No headline: the loader takes the first line as the title, but its dateline still dates it.
    fields = infer(
        "新华社北京4月19日电 外长秦刚19日在北京会见上海合作组织秘书长张明。",
        "秦刚表示,中方愿同各方加强合作。",
    )
    assert fields["date"].value.iso() == "2023-04-19"


def test_traditional_characters_name_the_people_the_knowledge_file_writes_in_simplified():
    lead = "新華社北京4月19日電 外長秦剛19日在北京會見上海合作組織秘書長張明。"
    fields = infer("", lead)
    assert fields["date"].value.iso() == "2023-04-19"
    assert fields["speaker"].value == "Qin Gang"


def test_a_predecessor_named_in_passing_leaves_the_year_open_rather_than_wrong():
    fields = infer(
        "",
        "BEIJING, March 2 (Xinhua) -- SCO Secretary-General Zhang Ming met the ambassador. "
        "He recalled the work of his predecessor Rashid Alimov.",
    )
    assert "date" not in fields


def test_a_year_in_a_name_or_a_span_of_years_is_no_hint_of_when_the_text_was_written():
    fields = infer(
        "",
        "Вчера, 15 марта в Ташкенте состоялось заседание совета РАТС ШОС.",
        "Принято решение провести в 2019 году учение «Солидарность-2019-2021».",
    )
    assert fields["date"].value.iso() == "2019-03-15"


def test_a_full_date_later_in_the_lead_beats_a_date_whose_year_is_only_guessed():
    fields = infer(
        "",
        "On 5 June, in 2016, the delegation arrived.",
        "The SCO Secretary-General spoke on 9 June 2019 at the forum in Bishkek.",
    )
    assert fields["date"].value.iso() == "2019-06-09"


@pytest.mark.parametrize(
    ("lead", "iso"),
    [
        # Alimov was Secretary-General 2016–2018; the Qingdao summit was in 2018.
        (
            "新华社北京12月28日电 王毅28日会见即将离任的上海合作组织秘书长阿利莫夫,"
            "回顾了青岛峰会。",
            "2018-12-28",
        ),
        # The SCO met in Ufa only in 2015.
        (
            "UFA, July 10 (Xinhua) -- Russian President Vladimir Putin opened the Ufa summit.",
            "2015-07-10",
        ),
        ("14 сентября генсек ШОС Владимир Норов рассказал о саммите ШОС в Душанбе.", "2021-09-14"),
    ],
)
def test_a_summit_named_by_its_host_city_gives_the_years_it_met_there(lead, iso):
    assert infer("", lead)["date"].value.iso() == iso


def test_last_years_summit_was_a_year_before_the_text():
    # Zhang Ming (2022–2024) and "last year's Samarkand summit" (2022): 2023.
    lead = "新华社北京5月10日电 上海合作组织秘书长张明表示,去年撒马尔罕峰会取得了丰硕成果。"
    assert infer("", lead)["date"].value.iso() == "2023-05-10"


def test_a_chinese_range_of_days_dates_the_first_day_and_ends_on_the_last():
    fields = infer("", "2006年7月24-27日,公安部代表团参加了在塔什干召开的会议。")
    assert fields["date"].value.iso() == "2006-07-24"
    assert fields["date_end"].value.iso() == "2006-07-27"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二〇〇六年五月十五日", "2006-05-15"),
        ("二〇二五年九月一日", "2025-09-01"),
    ],
)
def test_a_date_in_chinese_numerals_is_read(text, iso):
    (mention,) = find_dates(text)
    assert mention.date.iso() == iso


def test_a_dateline_in_chinese_numerals_after_a_photo_caption_dates_the_text():
    # The lead below a photo and its caption; the eighth summit, in Dushanbe, was in 2008.
    caption = (
        "上海合作组织峰会二十八日在塔吉克斯坦首都杜尚别举行,各国元首出席会议。"
        "图为六国元首集体合影。中新社发 齐彬 摄"
    )
    lead = (
        "中新社杜尚别八月二十八日电(记者 齐彬)"
        "上海合作组织成员国元首理事会第八次会议二十八日在杜尚别举行。"
    )
    fields = infer("", caption, "|", lead, "胡锦涛发表了重要讲话。", "成员国元首签署了文件。")
    assert fields["date"].value.iso() == "2008-08-28"


def test_the_day_a_chinese_lead_gives_alone_after_the_dateline_is_the_events():
    lead = (
        "新华社塔什干3月16日电(记者蔡国栋)"
        "上合组织地区反恐怖机构理事会15日在塔什干宣布,将举行联合演习。"
    )
    fields = infer("", lead + "2019年是上合组织重要的一年。")
    assert fields["date"].value.iso() == "2019-03-15"
    assert fields["date"].rule == "dateline-day"


def test_the_datelines_city_is_where_the_news_was_filed_not_where_the_summit_met():
    # Jiang Yu, spokeswoman 2006–2012, speaks in Beijing of the summit held in Shanghai: the
    # summits in Shanghai were in 2001 and 2006, so 2006, not the Beijing summit of 2012.
    lead = (
        "中新网北京六月十五日电 (记者 孙宇挺)中国外交部发言人姜瑜今天在例行记者会上表示,"
        "本次上合组织峰会取得了圆满的成功。"
    )
    later = "她说,今天上午,上海合作组织成立五周年纪念峰会在该组织发源地上海举行。"
    assert infer("", lead, later)["date"].value.iso() == "2006-06-15"


def test_a_xinhuanet_dateline_below_a_photo_caption_dates_the_text():
    # The eighth meeting of the Council of Heads of Government was in 2009.
    caption = "上海合作组织成员国政府首脑理事会第八次会议在北京人民大会堂举行。新华社记者谢环驰摄"
    lead = "新华网北京10月14日电(记者刘东凯)上海合作组织成员国政府首脑理事会第八次会议在北京举行。"
    fields = infer(caption, lead, "温家宝主持会议。", "各国总理出席会议。")
    assert fields["date"].value.iso() == "2009-10-14"


def test_a_news_sites_dateline_ends_in_xun_as_an_agencys_ends_in_dian():
    # 中国网7月15日讯: China.org.cn, 15 July. With Zhang Ming Secretary-General (2022–2024), Qin
    # Gang was Foreign Minister on 15 July only in 2023.
    lead = "中国网7月15日讯 (记者白璐)外长秦刚会见了上海合作组织秘书长张明。"
    assert infer("", lead)["date"].value.iso() == "2023-07-15"


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("The conference is held in Tashkent on November 20-21.", 11, 20),
        ("20-21 ноября в Ташкенте пройдет конференция.", 11, 20),
        ("11月20日至21日在塔什干举行会议。", 11, 20),
    ],
)
def test_a_year_less_range_of_days_is_found_and_dated_by_its_first_day(text, month, day):
    (mention,) = find_dates(text)
    assert (mention.year, mention.month, mention.day) == (None, month, day)


def test_a_time_of_day_before_a_leads_opening_date_still_opens_it():
    # Zhang Ming was Secretary-General 2022–2024 and Qin Gang Foreign Minister from 30 December
    # 2022 to 25 July 2023: on 4 May that is 2023.
    lead = "Утром 4 мая министр иностранных дел Китая Цинь Ган встретился с генсеком ШОС Чжан Мином"
    assert infer("", lead)["date"].value.iso() == "2023-05-04"


@pytest.mark.parametrize(
    "lead",
    [
        "6月17日,上合组织地区反恐怖机构(以下简称地区反恐怖机构)成立十周年纪念活动在乌兹别克斯坦"
        "塔什干市举行。2004年6月,地区反恐怖机构在塔什干正式成立。",
        "On 17 June, the 10th anniversary of the RATS was marked in Tashkent. The RATS was "
        "established in 2004.",
    ],
)
def test_the_anniversary_of_a_body_founded_in_a_year_the_text_gives_dates_the_text(lead):
    assert infer("", lead)["date"].value.iso() == "2014-06-17"


def test_an_archive_records_date_field_dates_the_text_its_place_field_places_it():
    fields = infer(
        "Joint Communiqué of the Council of Heads of Government",
        "[Place] Astana [Date] October 30, 2008 [Source] Shanghai Cooperation Organization",
        "The heads of government discussed trade and the economy at length and with care.",
    )
    assert value(fields, "date") == PartialDate(2008, 10, 30)
    assert fields["date"].rule == "record-date-field"
    assert value(fields, "city") == "Astana"


def test_today_and_a_year_less_day_take_the_year_of_the_numbered_meeting():
    lead = (
        "Following is the text of the Secretary-General's message to the Eighth Meeting of the "
        "Council of Heads of State of the Shanghai Cooperation Organization, delivered in "
        "Dushanbe, today, 28 August:"
    )
    later = "I greet the Council of Heads of State of the Shanghai Cooperation Organization."
    fields = infer("Message to the SCO summit", lead, later)
    assert value(fields, "date") == PartialDate(2008, 8, 28)


def test_a_summit_held_online_is_still_dated_by_the_city_it_is_called_after():
    fields = infer(
        "6月30日,上海合作组织秘书长张明会见了到访的斯里兰卡外长阿里·萨布里。",
        "张明秘书长向对方介绍了上合组织当前工作、合作前景,以及新德里峰会等活动相关情况。",
    )
    assert value(fields, "date") == PartialDate(2023, 6, 30)


def test_a_russian_ordinal_in_the_prepositional_case_numbers_the_meeting():
    lead = (
        "В первой половине дня 1 сентября на 25-ом заседании Совета глав государств-членов "
        "Шанхайской организации сотрудничества Председатель Китая выступил с речью."
    )
    assert value(infer("Речь Председателя Китая", lead), "date") == PartialDate(2025, 9, 1)


@pytest.mark.parametrize(
    "title",
    [
        "Dialogue July-September, 2006, Volume 8 No. 1: the SCO, a critical analysis",
        "其中,1月对大陆和香港出口年降,为2009年5月以来最深跌幅。",
    ],
)
def test_a_month_inside_a_title_is_no_date_of_the_document(title):
    assert value(infer(title, "The organisation has grown since its founding."), "date") is None


def test_a_declaration_is_dated_by_the_meeting_its_preamble_ends_on():
    fields = infer(
        "Dushanbe Declaration on the twentieth anniversary of the SCO",
        "On the occasion of the 20th anniversary of the Shanghai Cooperation Organisation, the "
        "SCO Member States, highly assessing the SCO's positive role in the region;",
        "reviewing the Organisation's achievements attained during its operation;",
        "based on the results of the meeting of the SCO Heads of State Council held in Dushanbe "
        "on 17 September 2021, hereby state the following:",
        "1. Establishment, development, basic principles",
    )
    assert value(fields, "date") == PartialDate(2021, 9, 17)
    assert fields["date"].rule == "declared-at-meeting"


def test_a_russian_attribution_after_the_first_sentence_dates_what_was_said():
    lead = (
        "Главы государств — членов ШОС на саммите в Душанбе, который состоится 16-17 сентября, "
        "примут решения по расширению состава ШОС. Об этом заявил 14 сентября генеральный "
        "секретарь организации Владимир Норов."
    )
    fields = infer("Генсек ШОС: саммит в Душанбе примет решения о расширении", lead)
    assert value(fields, "date") == PartialDate(2021, 9, 14)


def test_a_year_less_day_takes_the_year_of_its_own_sentence_not_the_next():
    fields = infer(
        "Congratulatory message on the occasion of the SCO Day",
        "On 15 June, the Secretary-General met the ambassadors. Eighteen years ago, on 15 June "
        "2001, the Shanghai Cooperation Organisation was founded.",
        "This year, the Bishkek summit will take place on 13-14 June 2019.",
    )
    assert value(fields, "date") != PartialDate(2001, 6, 15)


def test_the_day_of_a_yearly_observance_dates_a_message_only_as_a_guess():
    fields = infer(
        "Congratulatory message on the occasion of the SCO Day",
        "On 15 June, we celebrate the SCO Day. Eighteen years ago, on 15 June 2001, the "
        "Shanghai Cooperation Organisation was founded.",
        "This year, the Bishkek summit will take place on 13-14 June 2019.",
    )
    assert fields["date"].rule == "yearless-observance-date"


@pytest.mark.parametrize(
    ("title", "lead", "day"),
    [
        (  # the outgoing Secretary-General: the last year of his term (2016-2018)
            "王毅会见即将离任的上合组织秘书长",
            "新华社北京12月28日电 国务委员兼外长王毅28日在中南海会见"
            "即将离任的上海合作组织秘书长阿利莫夫。下任秘书长诺罗夫将于明年接任。",
            PartialDate(2018, 12, 28),
        ),
        (  # the new one takes office: the first year of his (2007-2009), not the minister's
            "努尔加利耶夫正式就任上海合作组织秘书长",
            "俄新网北京1月23日电 上海合作组织秘书长就职典礼在北京举行。"
            "这一消息是中国外交部长李肇星在就职典礼上宣布的。前任秘书长张德广于2006年底卸任。",
            PartialDate(2007, 1, 23),
        ),
    ],
)
def test_a_change_of_office_dates_a_year_less_day_by_the_term_it_opens_or_closes(title, lead, day):
    assert value(infer(title, lead), "date") == day
