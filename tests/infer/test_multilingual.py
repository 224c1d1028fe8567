"""Russian and Chinese texts: declined names, year-less datelines, cities in their own script."""

from __future__ import annotations

import pytest

from tests.infer.helpers import infer, value

SG = "SCO Secretary-General"


@pytest.mark.parametrize(
    "title",
    [
        "Пресс-конференция Генерального секретаря ШОС Чжан Мина",
        "Интервью Генерального секретаря ШОС Чжан Мина агентству ТАСС",
    ],
)
def test_a_declined_russian_name_is_the_speaker(title):
    fields = infer(title, "Вопрос: Каковы итоги года?")
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == ("Zhang Ming", SG)


def test_an_office_and_a_surname_name_the_holder():
    fields = infer("Генсек ШОС Норов призвал расширить сотрудничество", "Текст сообщения.")
    assert value(fields, "speaker") == "Vladimir Norov"


def test_a_russian_dateline_takes_its_year_from_the_weekday_and_the_speakers_term():
    fields = infer(
        "Генсек ШОС Норов призвал расширить сотрудничество",
        "МОСКВА, 16 мая. /ТАСС/. Генеральный секретарь ШОС Владимир Норов заявил об этом в "
        "четверг на совещании в Москве.",
        "Стратегия ШОС на 2018-2023 годы реализуется.",
    )
    date = fields["date"]
    assert date.value.iso() == "2019-05-16" and date.confidence < 0.5  # the year is inferred
    assert (value(fields, "city"), value(fields, "kind")) == ("Moscow", "news")


def test_a_chinese_xinhua_dateline_is_dated_by_the_anniversary_it_names():
    fields = infer(
        "上合组织秘书长：上合组织将继续为地区和平稳定作出贡献",
        "新华社北京6月15日电（记者李明）上海合作组织秘书长张明15日在北京表示，上合组织将继续作出贡献。",
        "张明是在上合组织成立22周年招待会上作出上述表示的。上合组织成立于2001年6月15日。",
    )
    assert fields["date"].value.iso() == "2023-06-15"
    assert value(fields, "speaker") == "Zhang Ming"
    assert (value(fields, "city"), value(fields, "kind")) == ("Beijing", "news")


def test_the_chinese_founding_date_of_the_sco_is_in_passing():
    fields = infer("上合组织秘书长张明出席招待会", "上合组织成立于2001年6月15日。")
    assert "date" not in fields or fields["date"].confidence < 0.5


def test_shanghai_in_the_name_of_the_sco_is_not_a_city():
    assert "city" not in infer("上海合作组织秘书长声明", "秘书长表示深切慰问。")
    assert "city" not in infer("Shanghai Cooperation Organisation statement", "It condemns it.")


def test_a_chinese_news_title_names_subject_and_kind():
    fields = infer(
        "上合组织秘书长张明会见印度驻华大使",
        "2023年3月15日，上海合作组织秘书长张明在上合组织秘书处会见印度驻华大使。",
    )
    assert fields["date"].value.iso() == "2023-03-15"
    assert [value(fields, k) for k in ("speaker", "kind", "city")] == [
        "Zhang Ming",
        "news",
        "Beijing",
    ]


def test_a_declined_russian_city_is_the_city():
    fields = infer(
        "Генеральный секретарь ШОС принял участие в конференции",
        "15 июля 2021 года в Ташкенте Генеральный секретарь ШОС Владимир Норов принял участие в "
        "конференции.",
    )
    assert value(fields, "city") == "Tashkent"


def test_a_russian_signature_line_gives_date_and_city_and_the_holder_on_that_date():
    fields = infer(
        "Заявление Генерального секретаря ШОС",
        "Генеральный секретарь ШОС решительно осуждает террористический акт и выражает "
        "соболезнования семьям погибших.",
        "Пекин, 23 марта 2024 года",
    )
    assert fields["date"].value.iso() == "2024-03-23"
    assert [value(fields, k) for k in ("speaker", "city", "kind")] == [
        "Zhang Ming",
        "Beijing",
        "statement",
    ]
