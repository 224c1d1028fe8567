"""Whole small documents in the phrasings of SCO texts: every field a careful reader records."""

from __future__ import annotations

import pytest

from tests.infer.helpers import infer, value

SG = "SCO Secretary-General"
KEYS = ("date", "speaker", "speaker_role", "venue", "city", "kind")

CASES = {
    "interview_titled_with_the_speakers_name_and_a_colon": (
        [
            "Rashid Alimov: SCO agenda is an agenda for region-wide development",
            "The Shanghai Cooperation Organisation (SCO) has turned into a widely respected "
            "community "
            "of states. SCO Secretary-General Rashid Alimov discusses the secrets of the SCO's "
            "success "
            "in an interview with TASS.",
            "Question: The SCO is quickly gaining international weight. What is the reason?",
            "Rashid Alimov: I would say these approaches were incorrect in the first place.",
        ],
        (None, "Rashid Alimov", SG, None, None, "interview"),
    ),
    "news_with_a_quote_in_the_title_and_a_visit_city": (
        [
            "Rashid Alimov: “Mongolia is an inalienable and important partner for the SCO.” SCO "
            "Secretary-General meets with Mongolian experts and scientists",
            "On 28 March 2018, SCO Secretary-General Rashid Alimov held a meeting with Mongolian "
            "academics and government experts at Mongolian State University as part of his "
            "official "
            "visit to Ulaanbaatar.",
            "He told his audience about the SCO's activities.",
        ],
        ("2018-03-28", "Rashid Alimov", SG, None, "Ulaanbaatar", "news"),
    ),
    "agency_dateline_with_the_year_in_brackets": (
        [
            "Ambassador Haque calls on SCO Secretary General",
            "BEIJING, March 2 (UrduPoint / Pakistan Point News - 2nd Mar, 2022 ) ::Pakistan's "
            "Ambassador to China, Moin ul Haque called on Secretary General, Shanghai Cooperation "
            "Organization (SCO), Zhang Ming here on Wednesday.",
        ],
        # The one the title and lead put first calls on the SG (LABELLING.md, "speaker").
        ("2022-03-02", "Moin ul Haque", "Pakistan's Ambassador to China", None, "Beijing", "news"),
    ),
    "tass_dateline": (
        [
            "Secretary General says SCO becoming key Eurasian institution",
            "ASTANA, June 9. /TASS/. The Shanghai Cooperation Organization (SCO) is becoming the "
            "key "
            "institution in Eurasia, SCO Secretary General Rashid Alimov said at the SCO summit in "
            "Astana on Friday.",
            "He recalled the decisions of 2017.",
        ],
        # "said at the SCO summit": the summit is the occasion of his words.
        ("2017-06-09", "Rashid Alimov", SG, "SCO summit", "Astana", "news"),
    ),
    "speech_at_a_ministerial_meeting_with_a_title_date_and_city": (
        [
            "Speech by SCO Secretary-General Zhang Ming at the Meeting of the Council of "
            "Ministers of "
            "Foreign Affairs of SCO Member States (Goa, 5 May 2023)",
            "Distinguished Chair, distinguished ministers,",
            "I thank the Indian side for the warm hospitality.",
        ],
        (
            "2023-05-05",
            "Zhang Ming",
            SG,
            "Meeting of the Council of Ministers of Foreign Affairs of SCO Member States",
            "Goa",
            "speech",
        ),
    ),
    "office_only_statement_dated_at_the_end": (
        [
            "Statement by the SCO Secretary-General on the terrorist attack",
            "The SCO Secretary-General strongly condemns the terrorist attack that claimed many "
            "lives "
            "and expresses deep condolences to the families of the victims.",
            "Beijing, 23 March 2024",
        ],
        ("2024-03-23", "Zhang Ming", SG, None, "Beijing", "statement"),
    ),
    "press_release_on_a_meeting_names_no_speaker": (
        [
            "Press release on the results of the meeting of the Council of Heads of State of the "
            "SCO",
            "On 4 July 2024, the meeting of the Council of Heads of State of the Shanghai "
            "Cooperation "
            "Organisation was held in Astana, chaired by Kazakhstan.",
        ],
        (
            "2024-07-04",
            None,
            None,
            "meeting of the Council of Heads of State of the SCO",
            "Astana",
            "press release",
        ),
    ),
    "online_meeting_via_videoconference": (
        [
            "SCO Secretary-General Vladimir Norov took part in the Meeting of the SCO Council of "
            "Foreign Ministers",
            "On 13 May 2020, SCO Secretary-General Vladimir Norov took part in the extraordinary "
            "meeting of the SCO Council of Foreign Ministers held via videoconference.",
        ],
        (
            "2020-05-13",
            "Vladimir Norov",
            SG,
            "extraordinary meeting of the SCO Council of Foreign Ministers",
            "video conference",
            "news",
        ),
    ),
    "range_of_a_summit_in_the_title": (
        [
            "Remarks by SCO Secretary-General Rashid Alimov at the SCO Summit in Qingdao, 9-10 "
            "June "
            "2018",
            "Your Excellencies, distinguished heads of state,",
        ],
        ("2018-06-09", "Rashid Alimov", SG, "SCO Summit", "Qingdao", "remarks"),
    ),
    "review_of_a_speech_is_a_news_item": (
        [
            "Review of SCO Secretary-General's speech at the 15th meeting of Security Council "
            "Secretaries of SCO Member States",
            "SCO Secretary-General Vladimir Norov took part in the 15th meeting of Security "
            "Council "
            "Secretaries of SCO Member States, which was held on 15 September, 2020 via "
            "videoconference.",
            "In his video address, Mr Norov said that the SCO made a timely emphasis on security.",
        ],
        (
            "2020-09-15",
            "Vladimir Norov",
            SG,
            "15th meeting of Security Council Secretaries of SCO Member States",
            "video conference",
            "news",
        ),
    ),
    "speech_opening_with_a_place_and_date_line": (
        [
            "SCO Secretary-General Zhang Ming's remarks at the SCO Foreign Ministers Council "
            "Meeting",
            "Panaji, 5 May 2023",
            "Minister of External Affairs of India, foreign ministers of the SCO member states,",
            "It is a great honour for me to take part in a meeting of the Council of Foreign "
            "Ministers of the SCO member states.",
        ],
        (
            "2023-05-05",
            "Zhang Ming",
            SG,
            "SCO Foreign Ministers Council Meeting",
            "Panaji",
            "remarks",
        ),
    ),
    "statement_about_an_attack_elsewhere_is_not_placed_there": (
        [
            "Statement by SCO Secretary-General in connection with the terrorist attack in Moscow",
            "The SCO Secretary-General strongly condemns the terrorist attack in the concert hall "
            "in Krasnogorsk near Moscow on 22 March 2024.",
        ],
        (None, "Zhang Ming", SG, None, None, "statement"),  # the speaker a guess (no date)
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_typical_document_is_read_as_an_archivist_would(name):
    texts, expected = CASES[name]
    fields = infer(*texts)
    date = value(fields, "date")
    got = (date.iso() if date else None, *(value(fields, k) for k in KEYS[1:]))
    assert got == expected


def test_a_russian_news_item_is_read_where_the_lexicon_knows_its_words():
    fields = infer(
        "Генеральный секретарь ШОС Владимир Норов принял участие в заседании",
        "Заседание секретарей советов безопасности состоялось в Бишкеке 15 мая 2019 года.",
    )
    date = value(fields, "date")
    assert (date.iso(), *(value(fields, k) for k in ("speaker", "kind", "language"))) == (
        "2019-05-15",
        "Vladimir Norov",
        "news",
        "ru",
    )
