"""Speaker and role: named in the title or lead, resolved from an office, or absent in a report."""

from __future__ import annotations

import calendar

import pytest

from sco_archive.model import Origin, PartialDate
from tests.infer.helpers import infer, value

SG = "SCO Secretary-General"
LEAD = "Distinguished colleagues, ladies and gentlemen, it is an honour to speak to you today."


@pytest.mark.parametrize(
    ("title", "speaker", "role"),
    [
        (
            "Address by SCO Secretary-General Vladimir Norov at a press conference",
            "Vladimir Norov",
            SG,
        ),
        ("Vladimir Norov's remarks at the Moscow Conference", "Vladimir Norov", SG),
        ("SCO Secretary-General Vladimir Norov’s remarks at the conference", "Vladimir Norov", SG),
        ("Speech by SCO Secretary-General Rashid Alimov at the forum", "Rashid Alimov", SG),
        ("Remarks by SCO Secretary General Zhang Ming at the reception", "Zhang Ming", SG),
        (
            "Statement by SCO Secretary-General Nurlan Yermekbayev on the attack",
            "Nurlan Yermekbayev",
            SG,
        ),
        ("Interview of SCO Secretary-General Zhang Ming to Xinhua News Agency", "Zhang Ming", SG),
        ("SCO Secretary-General Zhang Ming met with the Ambassador of India", "Zhang Ming", SG),
        (
            "SCO Secretary-General Vladimir Norov attends Meeting of SCO Security Council "
            "Secretaries",
            "Vladimir Norov",
            SG,
        ),
        (
            "Speech by Chinese Foreign Minister Wang Yi at the SCO Council",
            "Wang Yi",
            "Chinese Foreign Minister",
        ),
        (
            "Director of the SCO RATS Executive Committee Ruslan Mirzayev took part in the "
            "conference",
            "Ruslan Mirzayev",
            "Director of the SCO RATS Executive Committee",
        ),
        (
            "Secretary-General of the Shanghai Cooperation Organisation Dmitry Mezentsev's article",
            "Dmitry Mezentsev",
            SG,
        ),
    ],
)
def test_speaker_named_in_the_title(title, speaker, role):
    fields = infer(title, LEAD)
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == (speaker, role)
    assert fields["speaker"].origin is Origin.TITLE


def test_known_holder_named_without_office_gets_the_role_from_knowledge():
    fields = infer("Vladimir Norov's remarks at the Moscow Conference", LEAD)
    # No date: the role comes from the table only because Norov held one office only.
    assert fields["speaker_role"].origin is Origin.KNOWLEDGE
    assert fields["speaker_role"].confidence < fields["speaker"].confidence


@pytest.mark.parametrize(
    ("title", "date", "speaker"),
    [
        (
            "SCO Secretary-General's statement at the OSCE Conference (24 June, 2020)",
            None,
            "Vladimir Norov",
        ),
        (
            "Statement by the SCO Secretary-General on the terrorist attack",
            PartialDate(2023, 3),
            "Zhang Ming",
        ),
        (
            "SCO Secretary-General's message on the SCO Day",
            PartialDate(2017, 6, 15),
            "Rashid Alimov",
        ),
        ("SCO Secretary-General attends the forum", PartialDate(2025, 2), "Nurlan Yermekbayev"),
    ],
)
def test_office_only_speaker_is_the_holder_on_the_documents_date(title, date, speaker):
    curated = {"date": date} if date else {}
    fields = infer(title, LEAD, curated=curated)
    assert value(fields, "speaker") == speaker
    assert fields["speaker"].origin is Origin.KNOWLEDGE
    assert value(fields, "speaker_role") == SG


def test_office_only_speaker_without_any_date_is_left_open():
    assert "speaker" not in infer("Statement by the SCO Secretary-General on the attack", LEAD)


def test_office_only_speaker_in_the_lead_of_a_news_item():
    fields = infer(
        "Meeting on cooperation held at the SCO Secretariat",
        "On 12 March 2023, the SCO Secretary-General held a meeting with the Ambassador of Iran.",
    )
    assert value(fields, "speaker") == "Zhang Ming"


@pytest.mark.parametrize(
    "title",
    [
        "Information report following the 14th Meeting of Security Council Secretaries",
        "Press release on the results of the meeting of the Council of Foreign Ministers",
        "Bishkek Declaration of the Council of Heads of State of the SCO",
        "Joint communiqué following the meeting of the Council of Heads of Government",
    ],
)
def test_a_report_about_a_meeting_has_no_speaker(title):
    fields = infer(
        title, "SCO Secretary-General Vladimir Norov took part in the meeting on 15 May 2019."
    )
    assert "speaker" not in fields and "speaker_role" not in fields


def test_news_item_names_the_person_whose_words_it_reports():
    fields = infer(
        "Meeting of SCO Security Council Secretaries held in Bishkek",
        "On 15 May 2019, in Bishkek, SCO Secretary-General Vladimir Norov took part in the "
        "meeting.",
        "After the event, Mr Norov said that cooperation grew.",
    )
    assert value(fields, "speaker") == "Vladimir Norov"
    assert fields["speaker"].origin is Origin.TEXT


def test_news_title_subject_is_the_speaker_not_the_person_met():
    fields = infer("Chinese Foreign Minister Wang Yi meets SCO Secretary-General Zhang Ming", LEAD)
    assert value(fields, "speaker") == "Wang Yi"


def test_a_person_mentioned_in_a_speech_is_not_its_speaker():
    fields = infer(
        "Remarks at the conference",
        "Mr Chairman, colleagues, I would like to thank President Sooronbay Jeenbekov for the "
        "invitation.",
    )
    assert "speaker" not in fields


def test_initialled_name_of_a_known_holder_is_recognised():
    fields = infer("Remarks of SCO Secretary-General V.Norov at the forum", LEAD)
    assert value(fields, "speaker") == "Vladimir Norov"


def test_office_only_speaker_in_an_undated_text_is_guessed_from_the_latest_date_it_names():
    fields = infer(
        "Speech by the SCO Secretary-General at the forum",
        LEAD,
        "We opened the new hall on 15 March 2023 and the exhibition on 2 April 2023.",
        "The next forum will be held on 1 June 2026.",
    )
    speaker = fields["speaker"]
    assert speaker.value == "Zhang Ming" and speaker.confidence < 0.5


@pytest.mark.parametrize(
    "lead",
    [
        "Dear Secretary-General Zhang Ming, dear colleagues, it is an honour to be here.",
        "Your Excellency Secretary-General Vladimir Norov, ladies and gentlemen,",
        "I thank SCO Secretary-General Zhang Ming for his kind invitation to this forum.",
    ],
)
def test_the_person_greeted_or_thanked_in_a_speech_is_not_its_speaker(lead):
    fields = infer("Speech at the SCO Forum", lead, "Thank you for your attention to these words.")
    assert "speaker" not in fields


def test_an_unlisted_official_with_a_hyphenated_role_is_named_with_that_role():
    fields = infer("SCO Deputy Secretary-General Sohail Khan meets with students", LEAD)
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == (
        "Sohail Khan",
        "SCO Deputy Secretary-General",
    )


def test_an_honorific_is_not_a_role_and_the_appositive_is():
    fields = infer(
        "Speech by H.E. Mr. Aziz Rahimov, Minister of Culture of the Republic of Uzbekistan, at "
        "the SCO Summit",
        LEAD,
    )
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == (
        "Aziz Rahimov",
        "Minister of Culture of the Republic of Uzbekistan",
    )


def test_a_curated_speaker_the_text_does_not_name_gets_the_role_from_the_office_table():
    fields = infer(
        "Remarks at the conference",
        LEAD,
        curated={"speaker": "Vladimir Norov", "date": PartialDate(2019, 4, 24)},
    )
    assert "speaker" not in fields
    role = fields["speaker_role"]
    assert (role.value, role.origin) == ("SCO Secretary-General", Origin.KNOWLEDGE)


def test_a_curated_speaker_other_than_the_named_one_does_not_inherit_that_ones_role():
    fields = infer(
        "Speech by Chinese Foreign Minister Wang Yi at the SCO Council",
        LEAD,
        curated={"speaker": "Somebody Else"},
    )
    assert value(fields, "speaker") == "Wang Yi" and "speaker_role" not in fields


def test_a_guessed_date_names_an_office_holder_only_as_a_guess():
    fields = infer(
        "SCO Secretary-General's statement on cooperation",
        "BEIJING, June 10 (APP): The SCO Secretary-General said on Wednesday that it grew.",
        "He recalled results achieved since 2017 and in 2020.",
    )
    assert fields["date"].confidence < 0.5
    assert fields["speaker"].confidence < 0.5


@pytest.mark.parametrize(
    ("lead", "date", "speaker"),
    [
        ("After the event, Mr Norov said that cooperation had grown.", None, "Vladimir Norov"),
        (
            "Mr. Zhang stressed the role of the SCO in the region.",
            PartialDate(2023, 5),
            "Zhang Ming",
        ),
        ("Mr. Zhang stressed the role of the SCO in the region.", None, None),  # two Zhangs
    ],
)
def test_a_news_item_naming_an_office_holder_by_surname(lead, date, speaker):
    curated = {"date": date} if date else {}
    fields = infer("Meeting of the Council held in Bishkek", lead, curated=curated)
    assert value(fields, "speaker") == speaker


@pytest.mark.parametrize(
    ("date", "speaker"),
    [
        (PartialDate(2018, 12, 31), "Rashid Alimov"),
        (PartialDate(2019, 1, 2), "Vladimir Norov"),
        (PartialDate(2021, 12, 28), "Vladimir Norov"),
        (PartialDate(2022, 1, 7), "Zhang Ming"),
        (PartialDate(2024, 12, 31), "Zhang Ming"),
        (PartialDate(2025, 1, 7), "Nurlan Yermekbayev"),
    ],
)
def test_office_only_speaker_across_a_handover_is_the_holder_on_the_title_date(date, speaker):
    written = f"{date.day} {calendar.month_name[date.month]} {date.year}"
    fields = infer(f"SCO Secretary-General's statement on the situation ({written})", LEAD)
    assert value(fields, "speaker") == speaker


def test_the_unlisted_official_a_news_lead_opens_with_is_its_speaker():
    fields = infer(
        "Kyrgyz Foreign Minister meets with SCO Secretary-General",
        "Bishkek, April 18 /Kabar/. Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek "
        "Kulubaev met with the Secretary-General of the SCO Zhang Ming on Tuesday.",
    )
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == (
        "Jeenbek Kulubaev",
        "Minister of Foreign Affairs of the Kyrgyz Republic",
    )


def test_the_official_a_news_item_quotes_is_its_speaker():
    fields = infer(
        "Bishkek to host SCO Heads of Government meeting in October",
        "Bishkek, September 12 /Kabar/. The meeting will be held in Bishkek in October, Foreign "
        "Minister of Kyrgyzstan Jeenbek Kulubaev said at a briefing on Tuesday.",
    )
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == (
        "Jeenbek Kulubaev",
        "Foreign Minister of Kyrgyzstan",
    )


def test_a_role_with_a_country_is_not_part_of_the_name():
    fields = infer("President of Tajikistan Emomali Rahmon receives SCO Secretary-General", LEAD)
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == (
        "Emomali Rahmon",
        "President of Tajikistan",
    )


@pytest.mark.parametrize(
    "byline", ["By Vladimir Norov", "Vladimir Norov, SCO Secretary-General", "Vladimir Norov"]
)
def test_a_byline_naming_an_office_holder_names_the_speaker(byline):
    fields = infer("The SCO at twenty: looking ahead", byline, "Dear readers, the SCO has grown.")
    assert (value(fields, "speaker"), value(fields, "speaker_role")) == ("Vladimir Norov", SG)


def test_a_news_agencys_byline_names_reporters_not_the_speaker():
    fields = infer("SCO chief says cooperation grows", "by Xinhua writers Zhang Hao, Liu Lu", LEAD)
    assert "speaker" not in fields


@pytest.mark.parametrize(
    "title",
    [
        "Address of the SCO Secretary-General R.K. Alimov at the ceremony",
        "SCO Secretary-General Mr. Rashid Kutbiddinovich Alimov took part in the forum",
        "Генеральный секретарь ШОС Рашид Кутбиддинович Алимов выступил на форуме",
    ],
)
def test_a_holder_named_with_a_patronymic_or_two_initials_is_recognised(title):
    assert value(infer(title, LEAD), "speaker") == "Rashid Alimov"


@pytest.mark.parametrize(
    "title",
    [
        "Your Excellency Prime Minister Muhammad Shehbaz Sharif,",
        "His Excellency Mr. Ilham Aliyev, President of the Republic of Azerbaijan",
        "Deputy Prime Minister, Minister of Foreign Affairs of the Republic of Kazakhstan Murat "
        "Nurtleu,",
    ],
)
def test_a_salutation_or_an_addressee_line_names_the_listener(title):
    fields = infer(title, "It is a great honour for me to attend this meeting today.")
    assert "speaker" not in fields


@pytest.mark.parametrize(
    "title",
    [
        "Upholding Lasting Peace, Promoting Common Prosperity",
        "SCO kicks off Eight Wonders Exhibition in Beijing",
        "Media Center Media Center",
    ],
)
def test_capitalised_words_without_a_role_are_not_a_person(title):
    assert "speaker" not in infer(title, LEAD)


def test_a_subtitle_naming_the_speaker_of_remarks():
    fields = infer(
        "Upholding Lasting Peace, Promoting Common Prosperity",
        "— Remarks by Chinese President Hu Jintao at the 12th Meeting of the Council of Heads "
        "of Member States of the Shanghai Cooperation Organization",
        "As the SCO enters its second decade, we are gathered here.",
    )
    assert value(fields, "speaker") == "Hu Jintao"


def test_a_person_the_title_is_about_is_not_its_speaker():
    fields = infer(
        "The Foreign Ministry holds a briefing for the media on the attendance of President Xi "
        "Jinping at the SCO summit",
        LEAD,
    )
    assert value(fields, "speaker") != "Xi Jinping"


@pytest.mark.parametrize(
    "lead",
    [
        "It is being chaired by Foreign Minister of China Wang Yi and is being attended by the "
        "Foreign Ministers of all member states.",
        "The meeting, attended by prominent figures like Chinese Premier Li Qiang and Russian "
        "Prime Minister Mikhail Mishustin, focused on security.",
        "Islamabad: Prime Minister of Pakistan Nawaz Sharif will attend the 17th SCO summit in "
        "Astana, the Foreign Ministry said on Wednesday.",
    ],
)
def test_a_person_a_news_lead_only_mentions_is_not_its_speaker(lead):
    fields = infer("Meeting of the SCO Council of Foreign Ministers underway", lead)
    assert "speaker" not in fields


def test_an_announcement_in_the_title_is_not_the_named_persons_words():
    fields = infer(
        "Prime Minister Shehbaz Sharif will represent Pakistan at the upcoming SCO Summit",
        "The summit is expected to bring together over 20 heads of state.",
    )
    assert "speaker" not in fields


@pytest.mark.parametrize(
    "turns",
    [
        ("Question: What does the SCO do?", "Vladimir Norov: The SCO coordinates the effort."),
        ("Question: What does the SCO do?", "Secretary-General Zhang Ming: It coordinates."),
        ("记者问：上合组织有何评论？", "毛宁：上合组织各方达成了重要共识。"),
    ],
)
def test_the_office_holder_who_answers_in_a_transcript_is_the_speaker(turns):
    fields = infer("Interview on cooperation", *turns, curated={"date": PartialDate(2022, 11)})
    assert value(fields, "speaker") in ("Vladimir Norov", "Zhang Ming", "Mao Ning")
    assert fields["speaker"].rule == "speaker-takes-turns"


def test_a_letter_is_signed_at_its_foot():
    fields = infer(
        "Congratulations on Independence Day",
        "Your Excellency,",
        "Please accept my heartfelt congratulations on the occasion of Independence Day.",
        "Respectfully,",
        "Nurlan Yermekbayev",
        "Secretary-General of the Shanghai Cooperation Organization",
    )
    assert value(fields, "speaker") == "Nurlan Yermekbayev"
    assert fields["speaker"].rule == "speaker-signs"


def test_a_holder_written_in_traditional_chinese_is_recognised():
    fields = infer(
        "上合組織首任秘書長張德廣舉行離任招待會",
        "新華社北京12月28日電 上海合作組織首任秘書長張德廣28日在京舉行離任招待會。",
    )
    assert value(fields, "speaker") == "Zhang Deguang"


def test_a_russian_attribution_after_the_verb_names_the_speaker():
    fields = infer(
        "Генсек ШОС назвал РФ локомотивом сотрудничества",
        "МОСКВА, 22 января. /ТАСС/. Россия является локомотивом партнерства в ШОС. Об этом "
        "заявил генеральный секретарь ШОС Нурлан Ермекбаев на встрече с Константином Косачевым.",
    )
    assert value(fields, "speaker") == "Nurlan Yermekbayev"


def test_a_title_quoting_a_holder_by_surname():
    fields = infer(
        "Путин: все больше государств стремятся сотрудничать с ШОС",
        LEAD,
        curated={"date": PartialDate(2024, 7, 4)},
    )
    assert value(fields, "speaker") == "Vladimir Putin"


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Interview", "DUSHANBE, September 2. /TASS/. Rashid Alimov, a former secretary general "
         "of the SCO, said the organisation has grown."),
        ("Interview", "Former Secretary General of the Shanghai Cooperation Organization Muratbek "
         "Imanaliev told a video conference what to expect."),
        ("上海合作组织在全球安全体系中发挥重要作用——访上合组织前秘书长努尔加利耶夫",
         "他说,上合组织发展很快。"),
    ],
)  # fmt: skip
def test_a_person_the_text_calls_a_former_holder_has_the_former_role(title, lead):
    assert value(infer(title, lead), "speaker_role") == "former SCO Secretary-General"


def test_a_holder_named_on_a_date_after_their_term_is_a_former_holder():
    fields = infer("Zhang Deguang: the SCO has grown", "On 23 June 2011 Zhang Deguang said so.")
    assert fields["speaker"].value == "Zhang Deguang"
    assert fields["speaker_role"].value == "former SCO Secretary-General"


def test_the_former_soviet_republics_make_no_one_a_former_holder():
    lead = "Secretary-General Zhang Ming met envoys of the former Soviet republics on 5 May 2023."
    assert value(infer("News", lead), "speaker_role") == "SCO Secretary-General"


def test_a_deputy_is_not_the_holder_of_the_office_his_title_contains():
    lead = (
        "Deputy secretary-general of the SCO Sohail Khan speaks during an interview in Urumqi, "
        "on May 22, 2025."
    )
    assert value(infer("Media forum to open", lead), "speaker") != "Nurlan Yermekbayev"


def test_two_holders_named_at_once_are_not_one_speaker():
    fields = infer(
        "SCO, UN Secretary-Generals held a meeting",
        "On 28 September, 2019 the SCO Secretary-General took part in a meeting at the United "
        "Nations Headquarters with UN Secretary-General Antonio Guterres.",
    )
    assert value(fields, "speaker") != "António Guterres"


def test_the_line_that_announces_a_text_names_its_author_not_who_delivered_it():
    lead = (
        "Following is the text of UN Secretary-General Ban Ki-moon’s message to the Eighth "
        "Meeting of the Council of Heads of State of the SCO, delivered by Miroslav Jenča, "
        "Special Representative of the Secretary-General, in Dushanbe, today, 28 August:"
    )
    fields = infer("SECRETARY-GENERAL EXPRESSES CONFIDENCE IN THE SCO", "| |||", lead)
    assert value(fields, "speaker") == "Ban Ki-moon"


@pytest.mark.parametrize(
    ("lead", "role"),
    [
        (
            "Шанхайской организации сотрудничества важно сохранять внеблоковый статус. Об этом "
            "заявил и. о. министра иностранных дел Узбекистана Владимир Норов.",
            "acting Foreign Minister of Uzbekistan",
        ),
        (
            "Главы государств ШОС на саммите в Душанбе примут решения. Об этомзаявил 14 сентября "
            "генеральный секретарь организации Владимир Норов.",
            None,
        ),
    ],
)
def test_a_russian_attribution_names_the_speaker_after_a_date_or_an_acting_title(lead, role):
    fields = infer("Норов рассказал о ШОС", lead)
    assert value(fields, "speaker") == "Vladimir Norov"
    if role:
        assert value(fields, "speaker_role") == role


@pytest.mark.parametrize(
    "title",
    [
        "Russian Foreign Minister Sergei Lavrov and his Chinese counterpart, Wang Yi, hold a news "
        "conference",
        "Сергей Лавров и его китайский коллега Ван И провели пресс-конференцию",
    ],
)
def test_two_who_act_together_are_not_one_speaker(title):
    assert value(infer(title, "They answered questions."), "speaker") is None


def test_a_russian_report_of_a_meeting_of_one_with_another_is_the_first_ones():
    lead = (
        "6 июля 2021 года в г. Ташкенте в штаб-квартире Исполкома РАТС ШОС состоялась встреча "
        "Генерального секретаря ШОС Владимира Норова с Директором Исполкома РАТС ШОС."
    )
    fields = infer("Встреча в Исполкоме РАТС ШОС", lead)
    assert value(fields, "speaker") == "Vladimir Norov"
