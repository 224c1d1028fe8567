"""The search tests' documents: Markdown with front matter, so no test depends on inference."""

from __future__ import annotations


def document(title: str, date: str, speaker: str, kind: str, city: str, body: str, **more) -> str:
    """A Markdown document with front matter: metadata without depending on inference."""
    meta = {"title": title, "date": date, "speaker": speaker, "kind": kind, "city": city, **more}
    lines = [f"{key}: {value}" for key, value in meta.items()]
    # The body opens with the title, as published documents do; the paragraphs follow (p1 …).
    return "---\n" + "\n".join(lines) + f"\n---\n\n{title}\n\n" + body.strip() + "\n"


# Two documents say "Spider Web"; a third has both words, apart; the rest neither.
# Three, of 2019, 2020 and 2021, say "Belt and Road". The report of 2018 is long, so that its
# excerpts are cut: "customs" is in its first words, "caravanserai" in the middle, "railways" last.
DOCUMENTS = {
    "norov-2019.md": document(
        "Remarks on regional security",
        "2019-04-24",
        "Vladimir Norov",
        "remarks",
        "Moscow",
        """
Dear colleagues, regional cooperation is our common task.

The so-called Spider Web of illicit networks reaches across borders.

We thank the hosts of this conference for their cooperation.

We support the Belt and Road projects that join our countries.
""",
        language="en",
    ),
    "alimov-2017.md": document(
        "Statement on the fight against drugs",
        "2017-01-10",
        "Rashid Alimov",
        "statement",
        "Beijing",
        """
The member states discussed cooperation against drug trafficking.

Operation Spider Web dismantled a smuggling ring last year.
""",
        language="en",
    ),
    "zhang-2021.md": document(
        "Address to the youth forum",
        "2021-06-15",
        "Zhang Ming",
        "address",
        "Dushanbe",
        """
Young people weave a web of friendship; no spider could spin a finer one.

Cooperation between our universities grows every year.

The Belt and Road brings students from many countries together.
""",
        language="en",
    ),
    "norov-2020-ru.md": document(
        "Интервью Генерального секретаря ШОС",
        "2020-03-01",
        "Vladimir Norov",
        "interview",
        "Tashkent",
        """
Сотрудничество государств-членов в области образования продолжает развиваться.

Мы уделяем особое внимание молодёжи.

Проекты Belt and Road связывают наши страны.
""",
        language="ru",
    ),
    "report-2018.md": document(
        "Annual report of the Secretariat",
        "2018-12-20",
        "Rashid Alimov",
        "report",
        "Beijing",
        """
The Secretariat prepared documents for cooperation in trade and transport. Its staff met the
customs services of every member state, drafted the rules of procedure for two new bodies,
translated the annual budget into both working languages and sent the delegations a calendar
of the meetings planned for the coming year.

The heads of delegation visited the old caravanserai that the city has restored.

The report closes with the figures of the year: the number of meetings held, the documents
signed at each of them, the staff employed by the Secretariat at the end of the year, the
expenses of every department, the visits received from other organisations, and the
railways and roads whose studies were completed.
""",
        language="en",
    ),
    # A second document of 2019 (in the same index shard as the first), and one without a date.
    "secretariat-2019.md": document(
        "Note on the Secretariat's work plan",
        "2019-11-05",
        "Sohail Khan",
        "note",
        "Beijing",
        """
The work plan foresees cooperation with observer states.
""",
        language="en",
    ),
    "undated-memo.md": (
        "---\ntitle: Memorandum on archives\nspeaker: Sohail Khan\nkind: note\n"
        "city: Beijing\nlanguage: en\n---\n\nMemorandum on archives\n\n"
        "Archives keep the memory of our cooperation.\n"
    ),
}
PHRASE_TITLES = {"Remarks on regional security", "Statement on the fight against drugs"}
