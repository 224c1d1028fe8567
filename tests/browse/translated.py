"""TEST FIXTURE: the sample project with a Russian and a Chinese rendering of the Moscow remarks.

The two renderings below were written for these tests from the English seed
`speeches/002_e61eb7bfdfb8ae4c.txt` (its first paragraphs only); they are not published SCO
texts and must never be shipped in `speeches/`. The Russian one has no key and is inferred to
be a translation (same day, same speaker); the Chinese one says so (`translation_of:`).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from sco_archive.build.run import Project, build
from tests.browse.sample import make_sample_project

ENGLISH = "002_e61eb7bfdfb8ae4c.txt"
MOSCOW_SLUG = "2019-04-24-sco-secretary-general-vladimir-norovs-remarks-at-the-moscow-conference"
ENGLISH_PAGE = f"speeches/2019/{MOSCOW_SLUG}/"

RUSSIAN_TITLE = (
    "Выступление Генерального секретаря ШОС Владимира Норова "
    "на Московской конференции по международной безопасности"
)
RUSSIAN = f"""{RUSSIAN_TITLE}

Господин председатель, уважаемые коллеги, дамы и господа,

1. Прежде всего хотел бы поблагодарить Министерство обороны России за приглашение принять \
участие в этой конференции, значимость которой определяется её представительностью и \
глобальной повесткой.

2. Сегодня мир сталкивается с ростом нестабильности; существует угроза нового витка гонки \
вооружений; в ряде регионов обостряются конфликты.

Угроза, которую представляют международные террористические и экстремистские организации для \
мира и стабильности на обширном евразийском пространстве, продолжает расти, о чём \
свидетельствуют террористические атаки в Шри-Ланке.

Кроме того, предпринимаются попытки разжечь религиозный конфликт.

В то же время мы наблюдаем эрозию системы международных отношений и подрыв роли ООН как \
универсальной многосторонней организации, поддерживающей международный мир и безопасность.

3. Шанхайская организация сотрудничества, приобретая черты трансконтинентальной организации, \
строго придерживается целей и принципов Устава ООН и выступает за укрепление ключевой роли \
Совета Безопасности как главного органа, несущего ответственность за поддержание \
международного мира и безопасности.

4. В борьбе с международным терроризмом всем странам необходимо активизировать усилия по \
созданию единого антитеррористического фронта под центральной координацией ООН.
"""
RUSSIAN_PARAGRAPHS = 8

CHINESE_TITLE = "上海合作组织秘书长弗拉基米尔·诺罗夫在莫斯科国际安全会议上的讲话"
CHINESE = f"""{CHINESE_TITLE}

主席先生，各位同事，女士们，先生们：

1. 首先，我要感谢俄罗斯国防部邀请我参加本次会议。这次会议的代表性和全球议程决定了它的重要意义。

2. 当今世界不稳定性上升，新一轮军备竞赛的威胁已经出现，多个地区的冲突不断升级。

斯里兰卡发生的恐怖袭击表明，国际恐怖主义和极端主义组织对广阔欧亚空间和平与稳定构成的威胁持续增长。

此外，有人企图挑起宗教冲突。

与此同时，我们看到国际关系体系遭到侵蚀，联合国作为维护国际和平与安全的普遍性多边组织的作用受到削弱。
"""
CHINESE_PARAGRAPHS = 6

_MOSCOW = {"date": "2019-04-24", "city": "Moscow", "kind": "remarks"}
SIDECARS = {
    # No key: inferred from the day and the speaker the text names (Владимира Норова).
    "008_norov_moscow_ru": {**_MOSCOW, "topics": ["terrorism-extremism"]},
    # Confirmed by a curator, by the English document's source file.
    "009_norov_moscow_zh": {**_MOSCOW, "translation_of": ENGLISH},
}


def make_translated_project(root: Path) -> Project:
    """The sample project (tests/browse/sample.py) and the two renderings beside its seeds."""
    project = make_sample_project(root)
    speeches = root / "speeches"
    (speeches / "008_norov_moscow_ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (speeches / "009_norov_moscow_zh.txt").write_text(CHINESE, encoding="utf-8")
    for stem, values in SIDECARS.items():
        text = yaml.safe_dump(values, allow_unicode=True, sort_keys=False)
        (speeches / f"{stem}.yml").write_text(text, encoding="utf-8")
    return project


def build_translated(root: Path) -> Path:
    result = build(make_translated_project(root))
    assert not result.errors, [d.format() for d in result.errors]
    return result.site_dir
