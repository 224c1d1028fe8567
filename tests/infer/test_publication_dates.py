"""The date stage: a page's publication stamp is `published`, never the event's date while the
text gives one; a dateline is the day of filing, and "on Tuesday" under it the event's day."""

from __future__ import annotations

import pytest

from sco_archive.model import PartialDate
from tests.infer.helpers import infer, value


def test_a_stamp_above_the_lead_is_the_publication_and_the_lead_the_event():
    fields = infer(
        "SCO Secretary-General attends forum",
        "date 2017-09-22",
        "On 20 September 2017, SCO Secretary-General Rashid Alimov took part in a forum.",
    )
    assert value(fields, "published") == PartialDate(2017, 9, 22)
    assert value(fields, "date") == PartialDate(2017, 9, 20)
    considered = [c.described() for c in fields["date"].considered]
    assert "2017-09-22 (publication-stamp, line 3)" in considered


def test_a_stamp_that_opens_the_lead_gives_the_dateline_its_year():
    fields = infer(
        "",
        "date 2025-11-17 BISHKEK, Kyrgyzstan, November 17. The Chairman of the Cabinet has "
        "arrived in Moscow to take part in the meeting of the SCO Council of Heads of Government.",
    )
    assert value(fields, "published") == PartialDate(2025, 11, 17)
    assert value(fields, "date") == PartialDate(2025, 11, 17)
    assert fields["date"].rule == "dateline"


def test_a_marked_stamp_inside_a_block_of_page_furniture_is_found():
    fields = infer(
        "Ministry of Foreign Affairs",
        "SCO Summit Opens in Yekaterinburg Hu Jintao Attends the Summit "
        "Updated: June 16, 2009 15:57",
        "On June 16, 2009, the ninth summit of the SCO was held in Yekaterinburg, Russia, and "
        "the leaders of the member states attended it.",
    )
    assert value(fields, "published") == PartialDate(2009, 6, 16)
    assert value(fields, "date") == PartialDate(2009, 6, 16)
    assert fields["date"].rule != "publication-stamp"


def test_a_place_and_a_date_above_a_statement_are_its_date_not_a_stamp():
    fields = infer("Statement", "Beijing, 24 June 2020", "The SCO Secretariat strongly condemns …")
    assert value(fields, "date") == PartialDate(2020, 6, 24)
    assert "published" not in fields


def test_a_stamp_alone_dates_the_document_only_as_a_guess_with_a_note():
    fields = infer(
        "SCO cooperation deepens",
        "2019-02-08 10:14",
        "Member states of the SCO have much to gain from closer cooperation in many fields.",
    )
    assert value(fields, "date") == PartialDate(2019, 2, 8)
    assert fields["date"].rule == "publication-stamp" and fields["date"].confidence < 0.5
    assert "does not say when" in value(fields, "notes")


def test_a_weekday_under_a_dateline_is_the_day_of_the_event():
    # 12 June 2019 was a Wednesday; "on Monday" in the lead is 10 June.
    fields = infer(
        "Norov on the Bishkek summit",
        "BEIJING, June 12, 2019 (Xinhua) -- SCO Secretary-General Vladimir Norov said on Monday "
        "that the Bishkek summit would be a milestone.",
    )
    assert value(fields, "date") == PartialDate(2019, 6, 10)
    assert fields["date"].rule == "dateline-weekday"
    assert value(fields, "published") == PartialDate(2019, 6, 12)


def test_a_russian_dateline_may_abbreviate_the_month():
    fields = infer(
        "",
        "АСТАНА, 6 июн 2017 — Sputnik. Генеральный секретарь ШОС Рашид Алимов сообщил, что "
        "расширение не является целью организации.",
    )
    assert value(fields, "date") == PartialDate(2017, 6, 6)


def test_a_chinese_news_service_dateline_takes_the_stamps_year():
    fields = infer(
        "",
        "发布时间:2024-11-24 15:47:45 来源: sp20241124",
        "中新网 北京10月17日电 (记者 张素)中国外交部发言人毛宁17日主持例行记者会。",
    )
    assert value(fields, "published") == PartialDate(2024, 11, 24)
    assert value(fields, "date") == PartialDate(2024, 10, 17)


def test_a_date_in_passing_in_the_first_paragraphs_is_not_taken_for_a_late_lead():
    fields = infer(
        "SCO news",
        "Home | News | Events",
        "Menu Search Subscribe Contact About Login Register Share Print Email Follow Like "
        "Comment Tweet",
        "2001年6月14日,上海五国元首在上海举行会晤。",
    )
    assert "date" not in fields or fields["date"].rule != "date-opens-paragraph"


def test_a_lead_after_a_stamp_in_the_same_block_opens_with_its_own_date():
    fields = infer(
        "上合组织秘书长接受专访",
        "来源:中国日报网 2019-01-01 10:17 2018年12月31日,在北京上海合作组织总部,秘书长接受专访。",
    )
    assert value(fields, "published") == PartialDate(2019, 1, 1)
    assert value(fields, "date") == PartialDate(2018, 12, 31)


def test_a_chinese_day_of_the_month_takes_the_stamps_month_or_the_one_before():
    same = infer(
        "",
        "2019年03月09日10:42 | 来源:新华网",
        "上合组织新任秘书长诺罗夫8日在北京接受新华社记者专访时说,上合组织将继续推动合作。",
    )
    before = infer(
        "",
        "2019年03月02日10:42 | 来源:新华网",
        "秘书长28日在北京接受新华社记者专访时说,上合组织将继续推动合作。",
    )
    assert value(same, "date") == PartialDate(2019, 3, 8)
    assert value(before, "date") == PartialDate(2019, 2, 28)
    assert same["date"].rule == "day-of-stamp-month"


def test_a_date_beside_the_sites_name_is_the_pages_stamp_not_the_events_date():
    fields = infer(
        "Secretary-General calls the SCO an essential forum, in message to Heads of State",
        "16 June 2009 Department of Public Information • News and Media Division • New York",
        "Following is the Secretary-General's message to the Council of Heads of State of the "
        "Shanghai Cooperation Organisation, delivered in Yekaterinburg, on 15 June:",
    )
    assert value(fields, "published") == PartialDate(2009, 6, 16)
    assert value(fields, "date") == PartialDate(2009, 6, 15)


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("Date of publication: 17 January 2023", PartialDate(2023, 1, 17)),
        ("понедельник, 26 марта 2012 г.", PartialDate(2012, 3, 26)),
        ("• 21 декабря 2021 в 14:00", PartialDate(2021, 12, 21)),
    ],
)
def test_a_publication_stamp_is_known_in_the_forms_pages_write_it(stamp, day):
    fields = infer("SCO Secretary-General meets the press", stamp, "The Secretary-General spoke.")
    assert value(fields, "published") == day


def test_a_dateline_below_a_subtitle_still_dates_the_page():
    fields = infer(
        "努尔加利耶夫正式就任上海合作组织秘书长",
        "关注",
        "上海合作组织秘书长就职典礼在北京举行,新任秘书长由哈萨克斯坦驻日本大使博拉特·努尔加利耶夫担任",
        "俄新网北京1月23日电 记者报道:上海合作组织秘书长就职典礼在北京举行。",
    )
    assert value(fields, "published") == PartialDate(2007, 1, 23)


@pytest.mark.parametrize(
    "line",
    [
        "Чжан Мин: странам ШОС комфортно сосуществовать друг с другом - РИА Новости, 05.01.2023",
        "Lavrov arrived in Uzbekistan on Wednesday evening after his tour. 05.01.2023, Sputnik",
    ],
)
def test_an_outlets_name_and_day_closing_a_line_is_the_pages_stamp(line):
    fields = infer("Чжан Мин: странам ШОС комфортно сосуществовать", line, "Текст интервью.")
    assert value(fields, "published") == PartialDate(2023, 1, 5)
