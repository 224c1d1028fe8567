"""Venue and city: the event spoken at and where it was, never a place mentioned in passing."""

from __future__ import annotations

import pytest

from sco_archive.infer.places import PRESS_CONFERENCE, VIDEO, infer_venue
from tests.infer.helpers import infer, knowledge, paragraphs, value

LEAD = "Distinguished colleagues, ladies and gentlemen, it is an honour to speak to you today."
CFM = "Meeting of the Council of Ministers of Foreign Affairs of SCO Member States"


@pytest.mark.parametrize(
    ("title", "venue"),
    [
        (
            "SCO Secretary-General's statement at the OSCE Annual Security Review Conference (24 "
            "June, 2020)",
            "OSCE Annual Security Review Conference",
        ),
        ("Speech by SCO Secretary-General Zhang Ming at a " + CFM, CFM),
        (
            "Address by SCO Secretary-General Vladimir Norov at a press conference",
            "press conference",
        ),
        (
            "Information report following the 14th Meeting of Security Council Secretaries of the "
            "Shanghai Cooperation Organisation Member States",
            "14th Meeting of Security Council Secretaries of SCO Member States",
        ),
        ("Remarks by Rashid Alimov at the SCO Business Forum in Astana", "SCO Business Forum"),
        ("Rashid Alimov's speech at the 2nd Media Forum on 12 June 2018", "2nd Media Forum"),
        (
            "SCO Secretary-General Zhang Ming takes part in the Boao Forum for Asia",
            "Boao Forum for Asia",
        ),
    ],
)
def test_venue_named_in_the_title(title, venue):
    assert value(infer(title, LEAD), "venue") == venue


def test_news_venue_from_the_lead_is_the_events_full_name():
    fields = infer(
        "SCO Secretary-General Vladimir Norov attends Meeting of SCO Security Council Secretaries",
        "On 15 May 2019, in Bishkek, SCO Secretary-General Vladimir Norov took part in the 14th "
        "Meeting of SCO member states' Security Council Secretaries, chaired by Kyrgyzstan.",
    )
    assert (
        value(fields, "venue")
        == "14th Meeting of Security Council Secretaries of SCO Member States"
    )


@pytest.mark.parametrize(
    ("title", "lead", "city"),
    [
        ("Remarks by Rashid Alimov at the SCO Business Forum in Astana", LEAD, "Astana"),
        ("Speech at the forum in Nur-Sultan", LEAD, "Astana"),
        ("Remarks at the Moscow Conference on International Security", LEAD, "Moscow"),
        ("Information report", "The meeting took place in Bishkek on 15 May, 2019.", "Bishkek"),
        (
            "News",
            "On 15 May 2019, in Bishkek, SCO Secretary-General Vladimir Norov took part.",
            "Bishkek",
        ),
        (
            "News",
            "(September 10, 2020, Moscow) The ministers met today in the Russian capital.",
            "Moscow",
        ),
        (
            "News",
            "BEIJING, June 10 (APP): The SCO Secretary-General said on Wednesday it grew.",
            "Beijing",
        ),
        (
            "News",
            "The meeting of the Council was held in Samarkand on 15 September 2022.",
            "Samarkand",
        ),
        ("Zhang Ming took part in the meeting via video conference", LEAD, VIDEO),
        (
            "News",
            "MOSCOW. KAZINFORM The Kazakh minister attended the meeting of the Council.",
            "Moscow",
        ),
        ("News", "Panaji, 5 May 2023", "Panaji"),
        (
            "News",
            "On 28 March 2018 he met academics during his official visit to Ulaanbaatar.",
            "Ulaanbaatar",
        ),
        (
            "News",
            "On 12 May 2021, the Council met via videoconference under Tajikistan's chair.",
            VIDEO,
        ),
    ],
)
def test_city_where_the_text_says_the_event_was(title, lead, city):
    assert value(infer(title, lead), "city") == city


@pytest.mark.parametrize(
    "lead",
    [
        "Today I would like to share the results achieved since the Bishkek summit in June 2019.",
        "The Bishkek Declaration reflects our consolidated positions on many issues.",
        "The programme adopted at the 2018 SCO Summit in Qingdao is being implemented.",
        "We held a series of presentations of sites in Beijing, Tashkent and Moscow.",
        "On 22 March 2024 we condemned the terrorist attack in Moscow in the strongest terms.",
    ],
)
def test_city_mentioned_in_passing_is_not_the_events_city(lead):
    fields = infer("Address by SCO Secretary-General Vladimir Norov at a press conference", lead)
    assert "city" not in fields


def test_an_event_at_the_sco_secretariat_is_in_beijing():
    fields = infer(
        "SCO Secretary-General Zhang Ming met with the Ambassador of India",
        "On 12 March 2023, SCO Secretary-General Zhang Ming held a meeting at the SCO Secretariat "
        "with the Ambassador of India.",
    )
    city = fields["city"]
    assert (city.value, city.origin.value) == ("Beijing", "knowledge")


def test_a_press_conference_is_its_own_venue():
    fields = infer("Press conference of SCO Secretary-General Rashid Alimov", "Good afternoon.")
    assert value(fields, "venue") == "press conference"


def test_venue_stops_before_the_format_of_the_meeting():
    fields = infer(
        "Speech by Zhang Ming at the Meeting of the SCO Council in the format of videoconference",
        "Colleagues,",
    )
    assert value(fields, "venue") == "Meeting of the SCO Council"
    assert value(fields, "city") == VIDEO


def test_a_press_release_on_a_meeting_has_that_meeting_as_venue():
    fields = infer("Press release on the meeting of the SCO Foreign Ministers Council", LEAD)
    assert value(fields, "venue") == "meeting of the SCO Foreign Ministers Council"


@pytest.mark.parametrize(
    ("title", "venue"),
    [
        (
            "Speech at the meeting of the SCO Council of Foreign Ministers on June 12, 2018",
            "meeting of the SCO Council of Foreign Ministers",
        ),
        ("Remarks at the SCO Forum in June 2019", "SCO Forum"),
        ("Speech at the Forum on Trade and Investment", "Forum on Trade and Investment"),
        ("Remarks at the summit, Samarkand, 16 September 2022", "summit"),
    ],
)
def test_venue_stops_at_the_date_but_keeps_its_own_on_and_of(title, venue):
    assert value(infer(title, LEAD), "venue") == venue


def test_the_city_of_the_event_beats_the_agencys_dateline():
    fields = infer(
        "SCO Secretary General calls for joint efforts on Afghanistan",
        "MOSCOW, July 14. /TASS/. SCO Secretary-General Vladimir Norov called on Wednesday for "
        "joint efforts, speaking at the meeting of the SCO Council of Foreign Ministers in "
        "Dushanbe.",
    )
    assert value(fields, "city") == "Dushanbe"
    assert value(fields, "venue") == "meeting of the SCO Council of Foreign Ministers"


def test_a_signature_line_gives_the_city_a_statement_was_issued_in():
    fields = infer(
        "Statement by the SCO Secretary-General on the attack",
        "The SCO Secretary-General strongly condemns the terrorist act in the metro.",
        "Beijing, 4 April 2017",
    )
    assert value(fields, "city") == "Beijing"


def test_a_city_that_will_host_something_is_in_passing():
    fields = infer(
        "Article by SCO Secretary-General Rashid Alimov",
        "Next week, on 8-9 June 2017, Astana will host the meeting of the Council of Heads of "
        "State of the SCO.",
    )
    assert "city" not in fields


def test_only_the_lead_places_an_event_not_a_later_paragraph():
    fields = infer(
        "Vladimir Norov took office as SCO Secretary-General",
        "On 1 January 2019, Vladimir Norov took office as Secretary-General of the SCO.",
        "He was appointed by the Council of Heads of State at its meeting in Qingdao on 10 June "
        "2018.",
    )
    assert "city" not in fields


@pytest.mark.parametrize(
    ("title", "lead", "venue"),
    [
        (
            "SCO Day celebrated at the SCO Secretariat",
            "On 15 June 2023, a ceremony marking the SCO Day was held at the SCO Secretariat.",
            "ceremony marking the SCO Day",
        ),
        (
            "SCO Secretary-General Zhang Ming attends reception",
            "On 14 June 2024, SCO Secretary-General Zhang Ming attended a reception at the SCO "
            "Secretariat marking the 23rd anniversary of the SCO.",
            "reception marking the 23rd anniversary of the SCO",
        ),
        (
            "Address to the participants of the International Conference on Regional Security",
            LEAD,
            "International Conference on Regional Security",
        ),
        ("SCO Secretary-General delivers lecture at Peking University", LEAD, "Peking University"),
    ],
)
def test_venue_is_the_event_not_the_building_or_the_audience(title, lead, venue):
    assert value(infer(title, lead), "venue") == venue


@pytest.mark.parametrize(
    ("title", "lead", "venue"),
    [
        (
            "SCO Secretary-General holds briefing for diplomatic corps",
            LEAD,
            "briefing for diplomatic corps",
        ),
        (
            "News",
            "On 17 January 2020, SCO Secretary-General Vladimir Norov held a press conference at "
            "the SCO Secretariat on the results of the year.",
            "press conference",
        ),
        (
            "SCO Secretary-General Zhang Ming held a meeting with the Ambassador of Iran",
            "On 2 March 2023, SCO Secretary-General Zhang Ming held a meeting with the Ambassador.",
            None,
        ),
    ],
)
def test_an_event_someone_holds_is_the_venue_but_a_meeting_with_someone_is_not(title, lead, venue):
    assert value(infer(title, lead), "venue") == venue


@pytest.mark.parametrize(
    ("title", "lead", "venue"),
    [
        (
            "News",
            "Tashkent is hosting, Tuesday, a two-day meeting of the Council of the Heads of "
            "Government (CHG) of the Shanghai Cooperation Organisation (SCO) member states.",
            "meeting of the Council of the Heads of Government (CHG) of SCO Member States",
        ),
        (
            "News",
            "On 5 April 2018, the thirty-second meeting of the Council of the Regional "
            "Anti-Terrorist Structure of the SCO was held in Tashkent.",
            "thirty-second meeting of the Council of the Regional Anti-Terrorist Structure of "
            "the SCO",
        ),
        (
            "Новости",
            "Президент выступил на заседании Совета глав государств-членов ШОС.",
            "заседание Совета глав государств-членов ШОС",
        ),
        (
            "新闻",
            "9月12日,上海合作组织成员国元首理事会第八次会议在杜尚别举行。",
            "上海合作组织成员国元首理事会第八次会议",
        ),
    ],
)
def test_a_known_council_the_text_makes_its_occasion_is_the_venue(title, lead, venue):
    assert value(infer(title, lead), "venue") == venue


@pytest.mark.parametrize(
    "lead",
    [
        "The decisions of the Council of Heads of State were implemented in full.",
        "The Prime Minister will attend the SCO summit in Astana next week.",
        "Президент будет присутствовать на саммите ШОС в Екатеринбурге.",
    ],
)
def test_a_council_named_in_passing_or_still_to_attend_is_not_the_venue(lead):
    assert "venue" not in infer("Article by the SCO Secretary-General", lead)


@pytest.mark.parametrize(
    ("title", "lead", "venue"),
    [
        ("2025年1月6日外交部发言人主持例行记者会", LEAD, "例行记者会"),
        ("新闻", "2月5日,新任秘书长的就职招待会在京举行。", "就职招待会"),
        ("新闻", "外交部舉行中外媒體吹風(fēng)會(huì)。", "中外媒體吹風會"),
        ("新聞", "上合組織秘書長張德廣28日在京舉行離任招待會。", "離任招待會"),
    ],
)
def test_chinese_names_the_event_someone_holds_or_that_was_held(title, lead, venue):
    assert value(infer(title, lead), "venue") == venue


def test_a_council_named_in_traditional_characters_is_known_and_kept_as_written():
    lead = "上海合作組織成員國元首理事會第八次會議28日在塔吉克斯坦首都杜尚別舉行。"
    fields = infer("新聞", lead)
    assert fields["venue"].value == "上海合作組織成員國元首理事會第八次會議"
    assert fields["city"].value == "Dushanbe"


def test_the_city_of_a_numbered_meeting_comes_from_the_knowledge_file():
    fields = infer(
        "Remarks by the Secretary-General at the ninth summit of the Council of Heads of Member "
        "States of the SCO",
        LEAD,
    )
    city = fields["city"]
    assert (city.value, city.origin.value) == ("Yekaterinburg", "knowledge")


@pytest.mark.parametrize(
    ("lead", "city"),
    [
        (
            "BISHKEK, Kyrgyzstan, November 17. The Prime Minister has arrived in Moscow to take "
            "part in the meeting of the SCO Council of Heads of Government.",
            "Moscow",
        ),
        (
            "New Delhi: The Prime Minister on Friday attended the annual summit of the SCO in "
            "Samarkand.",
            "Samarkand",
        ),
        ("Islamabad: The Prime Minister said on Wednesday that the SCO had grown.", "Islamabad"),
        ("Leaders met in the Tajik capital of Dushanbe on Thursday for a summit.", "Dushanbe"),
        ("16 августа в кыргызской столице Бишкеке состоялось заседание Совета.", "Bishkek"),
        ("上海合作組織峰會二十八日在塔吉克斯坦首都杜尚別舉行。", "Dushanbe"),
    ],
)
def test_the_events_city_beats_a_dateline_and_is_found_in_three_scripts(lead, city):
    assert value(infer("News", lead), "city") == city


def test_a_dateline_below_the_subtitle_gives_the_city():
    fields = infer(
        "SCO helps solving disputes",
        "The organisation should contribute to a more stable and trustworthy environment, its "
        "Secretary-General said.",
        "UFA, July 10. /TASS/. The SCO contributes to solving issues among its members, the "
        "Secretary-General said on Friday.",
    )
    assert value(fields, "city") == "Ufa"


@pytest.mark.parametrize(
    "lead",
    [
        "The summit will take place on June 15-16; it is scheduled for June in the Russian Urals "
        "city of Yekaterinburg.",
        "中方将于今年秋天在天津举行峰会。",
        "上合组织成员国坚决谴责29日在伏尔加格勒发生的恐怖袭击。",
    ],
)
def test_a_city_of_what_is_still_to_come_or_of_an_attack_is_in_passing(lead):
    assert "city" not in infer("Statement", lead)


def test_a_press_conference_kind_read_from_the_text_alone_does_not_make_one_the_venue():
    venue = infer_venue(
        "China to make the summit a success, FM says",
        1,
        paragraphs("Question: Can you comment on the summit?"),
        knowledge(),
        kind=PRESS_CONFERENCE,
    )
    assert venue is None


def test_the_hosts_of_an_event_are_people_not_an_act_of_hosting():
    fields = infer(
        "Remarks on regional security",
        "Dear colleagues, regional cooperation is our common task.",
        "We thank the hosts of this conference for their cooperation.",
    )
    assert "venue" not in fields


@pytest.mark.parametrize(
    ("lead", "venue"),
    [
        (
            "The 7th meeting of the Council of Heads of State of the SCO concluded Thursday "
            "after issuing a joint communique on regional issues.",
            "7th meeting of the Council of Heads of State of the SCO",
        ),
        (
            "7-е заседание Совета глав государств-членов ШОС завершилось принятием декларации.",
            "7-е заседание Совета глав государств-членов ШОС",
        ),
    ],
)
def test_a_meeting_the_lead_says_concluded_is_the_venue(lead, venue):
    fields = infer("SCO summit meeting issues joint communique", lead)
    assert value(fields, "venue") == venue


@pytest.mark.parametrize(
    ("lead", "city"),
    [
        (
            "О спорах в ШОС рассказал генсек организации, сообщает специальный корреспондент "
            "Tengrinews.kz из Уфы.",
            "Ufa",
        ),
        ("Sputnik comes live from Tashkent, where the minister is holding a briefing.", "Tashkent"),
    ],
)
def test_where_the_reporter_reports_from_is_the_city_when_nothing_else_says(lead, city):
    assert value(infer("SCO Secretary-General on disputes among the members", lead), "city") == city
