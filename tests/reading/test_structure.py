"""Structure: which lines are the title, and how the body splits into paragraphs."""

from __future__ import annotations

import pytest

from sco_archive.read.structure import split_structure


def texts(structure) -> list[str]:
    return [p.text for p in structure.paragraphs]


def test_a_bold_title_split_over_lines_after_blank_lines_is_joined():
    text = "\n\n**Statement at the OSCE\nAnnual Conference\n(24 June, 2020)**\n\nDear all,\n"
    shape = split_structure(text)
    assert shape.title == "Statement at the OSCE Annual Conference (24 June, 2020)"
    assert shape.title_line == 3
    assert texts(shape) == ["Dear all,"]
    assert shape.paragraphs[0].line == 7


def test_a_title_repeated_as_the_first_paragraph_is_shown_once():
    shape = split_structure("Remarks at X\n\nRemarks\u00a0at X\n\nFirst.\n")
    assert shape.title == "Remarks at X"
    assert shape.title_repeated
    assert texts(shape) == ["First."]


def test_numbered_paragraphs_keep_their_numbers():
    shape = split_structure("Title\n\n1. First point.\n\n2. Second point.\n3. Third.\n")
    assert texts(shape) == ["1. First point.", "2. Second point.", "3. Third."]


def test_each_line_of_web_copied_text_is_a_paragraph_of_its_own():
    shape = split_structure("Title\n\nOne sentence.\nAnother sentence, on its own line.\n")
    assert texts(shape) == ["One sentence.", "Another sentence, on its own line."]


def test_hard_wrapped_lines_are_joined_into_one_paragraph():
    body = (
        "The meeting of the Council was held in\n"
        "Bishkek and discussed the cooperation of\n"
        "the member states in many fields.\n"
    )
    shape = split_structure("Title\n\n" + body)
    assert texts(shape) == [" ".join(body.split())]


def test_a_markdown_heading_title_loses_its_hashes():
    assert split_structure("# The title\n\nText.\n").title == "The title"


def test_a_document_that_opens_with_prose_has_no_title_line():
    prose = ("The Council met. " * 20).strip()
    shape = split_structure(prose + "\n")
    assert shape.title == ""
    assert texts(shape) == [prose]


def test_paragraph_lines_count_from_the_body_start():
    shape = split_structure("Title\n\nText.\n", first_line=5)
    assert (shape.title_line, shape.paragraphs[0].line) == (5, 7)


# A page saved from the web: the headline is below its furniture, and the furniture is kept.


@pytest.mark.parametrize(
    "furniture",
    [
        "date 2019-06-11 16:04",
        "Главная страница>>В Китае>>Новости",
        "TODAY.AZ / World news",
        "Breaking News",
        "Currency rates from 12/03/2025",
        "$1 – 12931.94",
        "Media Center",
        "понедельник, 26 марта 2012 г.",
        "date 2023-05 https://sputnikglobe.com/20230505/lavrov.html",
        "SG/SM/19368",
        "WORLD> Asia-Pacific",
        "Home Embassy Info About China China & Greece Economy & Trade Consular Affairs",
        "Ministry of Foreign Affairs",
        "Consulate General of the People's Republic of China in Houston",
        "The People’s Republic of China",
        "SCO - Shanghai Cooperation Organisation",
        "Главная > Новости",
        "Dialogue July-September, 2006, Volume 8 No. 1",
        "本頁位置:首頁新聞中心國內新聞",
        "点击右上角微信好友",
        "国内刊号:50-9210/TB 国际刊号:1671-5586【官方】",
        "主办单位:重庆维普资讯有限公司",
        "请使用浏览器分享功能进行分享",
        "16 June 2009 Department of Public Information • News and Media Division • New York",
    ],
)
def test_a_headline_below_page_furniture_is_the_title_and_every_line_stays_in_order(furniture):
    headline = "SCO Secretary-General attends forum in Tashkent"
    text = f"{furniture}\n\n{headline}\n\nOn 5 May the forum opened."
    shape = split_structure(text)
    assert shape.title == "SCO Secretary-General attends forum in Tashkent"
    assert shape.title_line == 3
    assert [p.text for p in shape.paragraphs] == [furniture, headline, "On 5 May the forum opened."]


def test_a_stamp_on_the_line_just_above_does_not_make_the_headline_a_wrapped_line():
    text = " date 2019-06-11 16:04\nEx-Secretary General of SCO tells about the summit\n\nHe spoke."
    shape = split_structure(text)
    assert shape.title == "Ex-Secretary General of SCO tells about the summit"
    assert [p.text for p in shape.paragraphs][-1] == "He spoke."


def test_a_stamp_on_the_line_just_below_does_not_make_the_headline_a_wrapped_line():
    text = (
        "Ministry of Foreign Affairs\nThe People’s Republic of China\n"
        "SCO Summit Opens in Yekaterinburg Hu Jintao Attends the Summit\n"
        "Updated: June 16, 2009 15:57\n\nOn June 16, 2009, the summit was held."
    )
    assert (
        split_structure(text).title
        == "SCO Summit Opens in Yekaterinburg Hu Jintao Attends the Summit"
    )


def test_a_headline_that_begins_with_the_sites_name_is_no_furniture():
    text = "Ministry of Foreign Affairs Holds Briefing on the SCO Qingdao Summit\n\nThe briefing."
    shape = split_structure(text)
    assert shape.title == "Ministry of Foreign Affairs Holds Briefing on the SCO Qingdao Summit"
    assert shape.title_rule == "first-line"


def test_a_line_that_ends_in_a_comma_goes_on_and_is_no_headline():
    text = (
        "Breaking News\n\nDelivering an important speech at the summit, Hu Jintao noted that the "
        "situation is changing,\n\nhe said."
    )
    assert split_structure(text).title_rule == "first-line"


def test_a_section_and_stamp_glued_to_the_headline_are_left_out_of_the_title():
    text = (
        "Currency rates from 12/03/2025\n\nUzbekistan 17/08/2007 Presidents hail SCO summit\n\nThe"
    )
    shape = split_structure(text + " presidents spoke.")
    assert shape.title == "Presidents hail SCO summit"
    assert "Uzbekistan 17/08/2007 Presidents hail SCO summit" in [p.text for p in shape.paragraphs]


def test_a_first_line_that_is_a_headline_is_still_the_title():
    shape = split_structure("Statement by the SCO Secretariat «on the attack»\n\nThe SCO condemns.")
    assert shape.title == "Statement by the SCO Secretariat «on the attack»"


def test_furniture_above_a_long_lead_keeps_the_first_line_as_title_for_a_curator_to_fix():
    lead = (
        "On April 5, 2018, the meeting of the RATS Council was held in Tashkent. It discussed "
        "cooperation against terrorism, separatism and extremism in the region and beyond it. "
        "The participants agreed on the next steps of the programme of cooperation."
    )
    shape = split_structure(f"Breaking News\n\n{lead}")
    assert shape.title == "Breaking News"
    assert shape.paragraphs[0].text == lead


def test_what_shares_the_headlines_paragraph_is_still_read_for_metadata(tmp_path):
    # The headline is read once, as the title; the stamp below it on the same paragraph still
    # dates the page.
    from sco_archive.knowledge import load_knowledge
    from sco_archive.loader import load_document

    text = (
        "Ministry of Foreign Affairs\n\nSCO Summit Opens in Yekaterinburg\n"
        "Updated: June 16, 2009 15:57\n\nThe leaders met and spoke of the crisis at length.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    document = load_document(tmp_path / "a.txt", tmp_path, load_knowledge())
    assert document.title == "SCO Summit Opens in Yekaterinburg"
    assert document.value("published").iso() == "2009-06-16"


@pytest.mark.parametrize(
    "text",
    [
        "Communique\n\nJOINT COMMUNIQUÉ OF THE COUNCIL OF THE HEADS OF\n\n"
        "THE MEMBER STATES OF THE SCO\n\nThe meeting was held.",
        "JOINT COMMUNIQUÉ OF THE COUNCIL OF THE HEADS OF\nTHE MEMBER STATES OF THE SCO\n\n"
        "The meeting was held.",
    ],
)
def test_a_headline_wrapped_before_its_end_runs_on_to_the_next_line(text):
    shape = split_structure(text)
    assert (
        shape.title
        == "JOINT COMMUNIQUÉ OF THE COUNCIL OF THE HEADS OF THE MEMBER STATES OF THE SCO"
    )
    # Every word stays on the page: in the title, or where it stands.
    words = " ".join([shape.title, *(p.text for p in shape.paragraphs)]).split()
    assert "MEMBER" in words and "held." in words


def test_a_headline_that_ends_in_a_full_word_does_not_take_the_next_line():
    shape = split_structure("SCO summit opens in Astana\nThe leaders arrived\n\nText.")
    assert shape.title == "SCO summit opens in Astana"


@pytest.mark.parametrize(
    "salutation", ["尊敬的各位同事：", "Dear colleagues:", "Уважаемые коллеги!"]
)
def test_a_salutation_below_the_furniture_is_the_speech_not_its_headline(salutation):
    shape = split_structure(f"Breaking News\n\n{salutation}\n\nIt is an honour to be here today.")
    assert shape.title != salutation


def test_a_markdown_heading_among_furniture_lines_is_the_headline():
    text = (
        "![cover_image](https://mmbiz.qpic.cn/cover.jpeg)\n"
        "# 上合组织秘书长:支持巴方将恐怖分子绳之以法\n"
        "[ 长安街知事 ](javascript:void\\(0\\);)\n\n"
        "据新华社消息,上海合作组织秘书长张明接受新华社记者采访。"
    )
    shape = split_structure(text)
    assert shape.title == "上合组织秘书长:支持巴方将恐怖分子绳之以法"
    assert shape.paragraphs[0].text.startswith("![cover_image]")  # every line stays


def test_an_author_and_update_line_below_a_headline_does_not_make_it_a_wrapped_paragraph():
    text = (
        "国内刊号:50-9210/TB 国际刊号:1671-5586【官方】\n主管单位:科技部西南信息中心\n"
        "把握时代潮流 加强团结合作 共创美好未来\n--\n作者:admin   更新时间:2022-09-17\n\n"
        "尊敬的米尔济约耶夫总统,"
    )
    assert split_structure(text).title == "把握时代潮流 加强团结合作 共创美好未来"


def test_a_headline_on_the_stamps_line_is_the_title_and_the_line_stays():
    text = " date 2018-04-06 Tashkent hosts regular RATS SCO meeting\n\nOn April 5, 2018, it met."
    shape = split_structure(text)
    assert shape.title == "Tashkent hosts regular RATS SCO meeting"
    assert shape.paragraphs[0].text.strip().startswith("date 2018-04-06")


def test_a_lead_on_the_stamps_line_is_no_title():
    text = " date 2020-09-04 Addressing the meeting on Friday, the minister stressed the rules.\n"
    assert split_structure(text + "\nHe spoke again.").title != (
        "Addressing the meeting on Friday, the minister stressed the rules."
    )
