"""Generate a deterministic corpus of raw SCO-style documents for benchmarks and load tests.

    python bench/generate_corpus.py OUT_DIR -n 1000 --seed 1

Sentences come from the repository's own founding documents (`speeches/*.txt`, NO-BREAK
SPACES and curly quotes included); names, cities and dates are swapped in. The same seed and N
give byte-identical files.
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SPEECHES = REPO / "speeches"
MIN_BYTES = 2_100  # the spread asked for is 2–25 KB; keep clear of both edges
MAX_BYTES = 24_800
NBSP = "\u00a0"

SECRETARIES_GENERAL = (  # (name, first year, last year) — public record
    ("Zhang Deguang", 2004, 2006),
    ("Bolat Nurgaliyev", 2007, 2009),
    ("Muratbek Imanaliyev", 2010, 2012),
    ("Dmitry Mezentsev", 2013, 2015),
    ("Rashid Alimov", 2016, 2018),
    ("Vladimir Norov", 2019, 2021),
    ("Zhang Ming", 2022, 2024),
    ("Nurlan Yermekbayev", 2025, 2026),
)
FIRST_NAMES = (
    "Aibek", "Alisher", "Anvar", "Arman", "Askar", "Bakhtiyar", "Chen", "Daniyar", "Elena",
    "Farhod", "Gulnara", "Igor", "Jamshid", "Kairat", "Li", "Madina", "Nodir", "Olga", "Pavel",
    "Rahul", "Sanjar", "Sergei", "Timur", "Wang", "Yerlan", "Zarina", "Imran", "Priya",
)  # fmt: skip
LAST_NAMES = (
    "Abdullaev", "Bekov", "Chen", "Dzhaksybekov", "Ermekov", "Fayzullaev", "Ivanov", "Karimov",
    "Liu", "Mamytov", "Nazarov", "Orlov", "Petrov", "Rakhimov", "Sadykov", "Tokayev", "Umarov",
    "Wang", "Yusupov", "Zhou", "Khan", "Sharma", "Qureshi", "Rahmonov",
)  # fmt: skip
ROLES = (
    "Minister of Foreign Affairs", "Deputy Foreign Minister", "Ambassador",
    "Permanent Representative", "Director of the RATS Executive Committee",
    "Deputy Secretary-General", "Minister of Defence", "Security Council Secretary",
    "Special Envoy",
)  # fmt: skip
CITIES = (
    "Beijing", "Moscow", "Bishkek", "Tashkent", "Astana", "Dushanbe", "New Delhi", "Islamabad",
    "Qingdao", "Samarkand", "Ufa", "Shanghai", "Almaty", "Cholpon-Ata", "Tianjin", "Sochi",
    "Minsk", "Tehran", "Yekaterinburg", "Chongqing",
)  # fmt: skip
EVENTS = (
    "Moscow Conference on International Security",
    "OSCE Annual Security Review Conference",
    "Meeting of Security Council Secretaries",
    "Council of Ministers of Foreign Affairs",
    "SCO Heads of State Council",
    "SCO Heads of Government Council",
    "SCO Business Forum",
    "International Forum on Regional Connectivity",
    "Meeting of the RATS Council",
    "SCO Youth Council",
    "Eurasian Economic Forum",
    "SCO Forum on Media Cooperation",
    "Conference on Countering Terrorism and Extremism",
)
ORDINALS = ("1st", "2nd", "3rd", *(f"{n}th" for n in range(4, 25)))
KINDS = ("statement", "remarks", "address", "speech", "report", "news", "interview", "message")

# Whole documents in Russian and Chinese: a few per cent, as on the SCO's own site.
RUSSIAN = (
    "Шанхайская организация сотрудничества последовательно выступает за укрепление мира.",
    "Государства-члены ШОС подтвердили приверженность принципам «Шанхайского духа».",
    "Генеральный секретарь ШОС принял участие в заседании Совета министров иностранных дел.",
    "Стороны обменялись мнениями по актуальным вопросам региональной безопасности.",
    "Особое внимание было уделено противодействию терроризму, сепаратизму и экстремизму.",
    "Участники отметили важность развития торгово-экономического сотрудничества.",
    "Была подчеркнута необходимость расширения культурно-гуманитарных связей.",
    "Встреча прошла в традиционно дружественной и конструктивной атмосфере.",
    "Секретариат ШОС готов и далее содействовать реализации принятых решений.",
    "Региональная антитеррористическая структура ШОС находится в Ташкенте.",
    "Мы высоко ценим вклад председательствующей стороны в подготовку встречи.",
    "Стороны договорились продолжить практическое взаимодействие в рамках Организации.",
)
CHINESE = (
    "上海合作组织始终致力于维护地区和平与稳定。",
    "成员国重申恪守“上海精神”的各项原则。",
    "上合组织秘书长出席了外交部长理事会会议。",
    "双方就地区安全形势等共同关心的问题交换了意见。",
    "会议特别关注打击恐怖主义、分裂主义和极端主义。",
    "与会各方强调深化经贸合作的重要性。",
    "各方同意进一步扩大人文交流与合作。",
    "会议在传统友好和建设性的气氛中举行。",
    "上合组织秘书处愿继续推动落实各项决议。",
    "上合组织地区反恐怖机构执行委员会设在塔什干。",
    "我们高度评价主席国为筹备会议所做的贡献。",
    "双方同意在本组织框架内继续开展务实合作。",
)
RU_TITLES = ("Выступление Генерального секретаря ШОС", "Заявление Секретариата ШОС")
ZH_TITLES = ("上合组织秘书长讲话", "上合组织秘书处声明")
RU_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
)  # fmt: skip

SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z“\"])")
NUMBERING = re.compile(r"^\d+\.\s+")
# Names and places in the founding documents that would pin every document to 2019–2020.
SWAPS = re.compile(r"Vladimir Norov|Norov|Bishkek|Moscow|Qingdao|Beijing|Tashkent|Kyrgyzstan")


@dataclass(frozen=True)
class Doc:
    """What one generated document says about itself, before it is rendered."""

    year: int
    month: int
    day: int
    speaker: str | None
    role: str
    city: str
    event: str
    kind: str


def load_sentences(folder: Path = SPEECHES) -> list[str]:
    """Every usable sentence of the founding documents, in a stable order."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no *.txt in {folder}: the generator samples their sentences")
    sentences: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for paragraph in re.split(r"\n\s*\n", text):
            flat = NUMBERING.sub("", paragraph.strip().replace("\n", " "))
            sentences += [s for s in SENTENCE_END.split(flat) if 40 <= len(s) <= 450]
    return sentences


def pick_doc(rng: random.Random) -> Doc:
    """Date, speaker, place and occasion, consistent with who held office when."""
    year = rng.randint(2001, 2026)
    month = rng.randint(1, 10 if year == 2026 else 12)  # nothing after the archive's "now"
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    kind = rng.choice(KINDS)
    role = rng.choice(ROLES)
    speaker: str | None = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    secretary = [name for name, first, last in SECRETARIES_GENERAL if first <= year <= last]
    if secretary and rng.random() < 0.5:
        speaker, role = secretary[0], "SCO Secretary-General"
    if kind in ("report", "news") and rng.random() < 0.6:
        speaker = None  # reports name no speaker at all
    event = rng.choice(EVENTS)
    if event.startswith("Meeting") and rng.random() < 0.7:
        event = f"{rng.choice(ORDINALS)} {event}"
    return Doc(year, month, day, speaker, role, rng.choice(CITIES), event, kind)


def written_date(doc: Doc, rng: random.Random) -> str:
    """The date as the documents write it: `24 June, 2020`, `June 24, 2020`, `24 June 2020`."""
    month = calendar.month_name[doc.month]
    return rng.choice(
        (
            f"{doc.day} {month}, {doc.year}",
            f"{month} {doc.day}, {doc.year}",
            f"{doc.day} {month} {doc.year}",
        )
    )


def title_for(doc: Doc, rng: random.Random) -> str:
    """A headline in one of the founding documents' shapes."""
    who = doc.speaker or "SCO Secretary-General"
    full = f"{doc.role} {who}" if doc.speaker and doc.role not in who else who
    templates = {
        "statement": [f"{full}’s statement at the {doc.event}", "SCO Secretary-General's "
                      f"statement at the {doc.event}"],
        "remarks": [f"{full}’s remarks at the {doc.event}"],
        "address": [f"Address by {full} at the {doc.event}", f"Address by {full} at a press "
                    "conference"],
        "speech": [f"Speech by {full} at the {doc.event} in {doc.city}"],
        "report": [f"Information report following the {doc.event} of the Shanghai Cooperation "
                   "Organisation Member States"],
        "news": [f"{full} attends {doc.event}", f"SCO delegation takes part in {doc.event}"],
        "interview": [f"Interview of {full} to the media on the eve of the {doc.event}"],
        "message": [f"Congratulatory message of {full} on the occasion of the {doc.event}"],
    }  # fmt: skip
    return rng.choice(templates[doc.kind])


def swap_names(sentence: str, doc: Doc, rng: random.Random) -> str:
    """Put this document's speaker and some SCO city where the founding texts had theirs."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in ("Vladimir Norov", "Norov"):
            name = doc.speaker or f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            return name if word != "Norov" else name.split()[-1]
        if word == "Kyrgyzstan":
            return rng.choice(("Kazakhstan", "Uzbekistan", "Tajikistan", "Kyrgyzstan", "India"))
        return doc.city if rng.random() < 0.5 else rng.choice(CITIES)

    return SWAPS.sub(swap, sentence)


def paragraphs(doc: Doc, sentences: list[str], rng: random.Random, budget: int) -> list[str]:
    """Body paragraphs of 1–4 sampled sentences until about `budget` bytes."""
    out: list[str] = []
    used = 0
    while used < budget:
        paragraph = " ".join(
            swap_names(rng.choice(sentences), doc, rng) for _ in range(rng.randint(1, 4))
        )
        size = len(paragraph.encode()) + 2
        if used + size > budget + 600:  # a long paragraph would overshoot: try a shorter one
            if size < 400:
                break
            continue
        out.append(paragraph)
        used += size
    return out


def opening(doc: Doc, rng: random.Random) -> str:
    """A first paragraph that dates and places the document, as the reports do."""
    date = f"{doc.day} {calendar.month_name[doc.month]} {doc.year}"
    who = doc.speaker or "Representatives of the SCO member states"
    if rng.random() < 0.5:
        return f"On {date}, in {doc.city}, {who} took part in the {doc.event}."
    return f"The {doc.event} took place in {doc.city} on {written_date(doc, rng)}."


def salutation(rng: random.Random) -> str:
    return rng.choice(
        (
            "Dear ladies and gentlemen,",
            "Mr Chairman, colleagues, ladies and gentlemen,",
            "Excellencies, dear friends,",
            "Dear colleagues,",
        )
    )


def numbered(body: list[str]) -> list[str]:
    """Number some paragraphs `1.`, `2.` … as remarks often are (not every one, as in 002)."""
    count = 0
    out = []
    for index, paragraph in enumerate(body):
        if index % 3 != 2:
            count += 1
            paragraph = f"{count}. {paragraph}"
        out.append(paragraph)
    return out


def render_txt(doc: Doc, sentences: list[str], rng: random.Random, target: int) -> str:
    """A raw .txt document in one of the shapes of the founding documents."""
    title = title_for(doc, rng)
    shape = rng.choices(("bold", "repeated", "plain"), weights=(3, 4, 3))[0]
    head: list[str] = []
    if shape == "bold":
        words = title.split(" ")
        cut = max(1, len(words) * 2 // 3)
        date = f"{doc.day} {calendar.month_name[doc.month]}, {doc.year}"
        # Two blank lines before the bold title, as in 000.
        head = [f"\n\n**{' '.join(words[:cut])}\n{' '.join(words[cut:])}\n({date})**"]
    elif shape == "repeated":
        head = [title, title, opening(doc, rng)]
    else:
        head = [title + "\n"]  # two blank lines after the title, as in 001
        if rng.random() < 0.5:
            head.append(opening(doc, rng))
    if doc.kind in ("statement", "remarks", "address", "speech"):
        head.append(salutation(rng))
    budget = target - len("\n\n".join(head).encode())
    body = paragraphs(doc, sentences, rng, budget)
    if doc.kind == "remarks" or rng.random() < 0.15:
        body = numbered(body)
    return "\n\n".join(head + body) + "\n"


def render_md(doc: Doc, sentences: list[str], rng: random.Random, target: int) -> str:
    """A .md document with curated YAML front matter (the archive's own format)."""
    meta = {
        "title": title_for(doc, rng),
        "date": datetime.date(doc.year, doc.month, doc.day),  # YAML writes a bare 2020-06-24
        "speaker": doc.speaker,
        "venue": doc.event,
        "city": doc.city,
        "kind": doc.kind,
    }
    if meta["speaker"] is None:
        del meta["speaker"]
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    head = f"---\n{front}---\n\n"
    body = paragraphs(doc, sentences, rng, target - len(head.encode()))
    return head + "\n\n".join(body) + "\n"


def render_foreign(doc: Doc, rng: random.Random, target: int, russian: bool) -> str:
    """A whole document in Russian or Chinese, dated the way those texts date themselves."""
    pool = RUSSIAN if russian else CHINESE
    if russian:
        title = rng.choice(RU_TITLES)
        date = f"{doc.day} {RU_MONTHS[doc.month - 1]} {doc.year} года"
    else:
        title = rng.choice(ZH_TITLES)
        date = f"{doc.year}年{doc.month}月{doc.day}日"
    joiner = " " if russian else ""
    parts = [title, "", date]
    used = len("\n\n".join(parts).encode())
    while used < target:
        paragraph = joiner.join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
        parts.append(paragraph)
        used += len(paragraph.encode()) + 2
    return "\n\n".join(parts) + "\n"


def render(doc: Doc, sentences: list[str], rng: random.Random) -> tuple[str, str]:
    """(suffix, text) of one document; sizes spread log-uniformly over 2–25 KB."""
    target = int(MIN_BYTES * (MAX_BYTES * 0.93 / MIN_BYTES) ** rng.random())
    roll = rng.random()
    if roll < 0.02:
        return ".txt", render_foreign(doc, rng, target, russian=True)
    if roll < 0.04:
        return ".txt", render_foreign(doc, rng, target, russian=False)
    if roll < 0.14:
        return ".md", render_md(doc, sentences, rng, target)
    return ".txt", render_txt(doc, sentences, rng, target)


def fit(text: str) -> bytes:
    """UTF-8 bytes within the size bounds: cut at a paragraph, or pad with a closing line."""
    data = text.encode()
    while len(data) > MAX_BYTES:
        text = text[: text.rstrip("\n").rfind("\n\n")] + "\n"
        data = text.encode()
    while len(data) < MIN_BYTES:
        text += "\nThank you for your attention.\n"
        data = text.encode()
    return data


def generate(out_dir: Path, n: int, seed: int) -> list[Path]:
    """Write `n` documents into `out_dir` (created if missing); one seed, one set of bytes."""
    rng = random.Random(seed)
    sentences = load_sentences()
    out_dir.mkdir(parents=True, exist_ok=True)
    width = max(3, len(str(n - 1)))
    paths: list[Path] = []
    previous: Doc | None = None
    for index in range(n):
        doc = pick_doc(rng)
        if previous is not None and rng.random() < 0.05:
            # Two documents about one event on one day: a report and a news item, as 003/004.
            doc = Doc(**{**previous.__dict__, "kind": rng.choice(("report", "news"))})
        suffix, text = render(doc, sentences, rng)
        path = out_dir / f"{index:0{width}d}_{rng.getrandbits(64):016x}{suffix}"
        path.write_bytes(fit(text))
        paths.append(path)
        previous = doc
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the documents into")
    parser.add_argument("-n", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    paths = generate(args.out_dir, args.n, args.seed)
    total = sum(path.stat().st_size for path in paths)
    print(f"Wrote {len(paths)} documents ({total / 1e6:.1f} MB) to {args.out_dir}")


if __name__ == "__main__":
    main()
