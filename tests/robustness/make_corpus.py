"""Writes tests/robustness/corpus/: run once by hand; the files are committed (all small).

`python tests/robustness/make_corpus.py` recreates them byte for byte; EXPECTED in
test_corpus.py says which diagnostic each one must produce.
"""

from __future__ import annotations

import base64
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent / "corpus"

RUSSIAN = (
    "Выступление Генерального секретаря ШОС на заседании Совета министров иностранных дел\n\n"
    "Уважаемые коллеги, дамы и господа!\n\n"
    "Шанхайская организация сотрудничества была основана 15 июня 2001 года в Шанхае. "
    "Сегодня мы обсуждаем вопросы безопасности, экономики и культурных связей.\n"
)
CHINESE = (
    "上海合作组织秘书长在外长理事会会议上的讲话\n\n"
    "女士们，先生们，朋友们！\n\n"
    "上海合作组织于2001年6月15日在上海成立。今天我们讨论安全、经济和人文合作问题。\n"
)
FRENCH = (
    "Déclaration du Secrétaire général à Genève\n\n"
    "Mesdames et messieurs, chers collègues, je suis très honoré d'être ici aujourd'hui.\n\n"
    "L'Organisation de coopération de Shanghai célèbre vingt années de coopération.\n"
)
PLAIN = (
    "Statement by the SCO Secretary-General on {what}\n\n"
    "The Secretary-General of the Shanghai Cooperation Organisation made a statement on {what}.\n\n"
    "Member states reaffirmed their commitment to dialogue and cooperation.\n"
)
HOSTILE = """Remarks <script>alert(1)</script> on {{ config.site_name }} & security

<script>alert("body")</script>

<img src=x onerror=alert(2)> and <a href="javascript:alert(3)">click</a> and javascript:alert(4)

# Not a heading
* not a list item
1) not a numbered item
| not | a | table |
|---|---|---|
[a link](javascript:alert(5)) and ![an image](x.png "onerror=alert(6)")
`code` and ```fenced``` and <!-- a comment --> visible
A paragraph with an attribute list {: .danger onclick="alert(7)" }
Jinja {{ 7*7 }} and {% raw %} and {# note #} stay as written.
Shortcuts: ==mark== ^^ins^^ ~~del~~ ++ctrl+alt++ :smile: !!! note "admonition" [TOC] --8<-- "x"
<style>body{display:none}</style> <iframe src="javascript:alert(8)"></iframe>
Entities &amp; &lt;script&gt; &#60;b&#62; stay as typed.
"""
HOSTILE_META = """---
title: 'Speech <script>alert("title")</script> <img src=x onerror=alert(9)>'
speaker: '<b onmouseover=alert(10)>Speaker</b> {{ 7*7 }}'
venue: '<a href="javascript:alert(11)">Venue</a>'
city: '"><script>alert(12)</script>'
date: 2019-05-05
kind: speech
notes: '<svg onload=alert(13)> [x](javascript:alert(14))'
---
The body of a document whose metadata is hostile.

It has two paragraphs.
"""
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
# Every byte mapped into 0x80-0xff: noise in no encoding at all.
_HIGH = bytes(0x80 | b for b in range(256))
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def files() -> dict[str, bytes]:
    return {
        "cp1251-russian.txt": ("Речь. " + RUSSIAN + "Благодарю за внимание.\n").encode("cp1251"),
        "latin1-french.txt": FRENCH.encode("latin-1"),
        "utf16-bom.txt": PLAIN.format(what="UTF-16").encode("utf-16"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + PLAIN.format(what="a BOM").encode(),
        "crlf.txt": PLAIN.format(what="Windows line ends").replace("\n", "\r\n").encode(),
        "lone-cr.txt": PLAIN.format(what="old Mac line ends").replace("\n", "\r").encode(),
        "empty.txt": b"",
        "whitespace-only.txt": b"  \n\t\n \r\n",
        "png-renamed.txt": PNG,
        "pdf-renamed.txt": PDF,
        "control-chars.txt": bytes(range(1, 9)) * 20,
        "undecidable.txt": b"Title\n\n" + random.Random(7).randbytes(300).translate(_HIGH),
        "dropped-image.png": PNG,
        "title-only.txt": b"Statement by the SCO Secretary-General\n",
        "broken-yaml.md": b"---\ntitle: [unclosed\ndate: 2019-01-01\n---\nBody text survives.\n",
        "wrong-types.md": (
            b"---\ndate: tomorrow\nspeaker: [1, 2]\n---\nA document with wrong types.\n"
        ),
        "orphan.yml": b"title: A sidecar without its document\n",
        "duplicate-a.txt": PLAIN.format(what="duplicates").encode(),
        "duplicate-b.txt": PLAIN.format(what="duplicates").replace("\n\n", "\n\n\n").encode(),
        "same-title-a.txt": b"Remarks at the Council\n\nThe first remarks of two.\n",
        "same-title-b.txt": b"Remarks at the Council\n\nThe second remarks, a different text.\n",
        ".DS_Store": b"\x00\x00\x00\x01Bud1\x00",
        "draft.txt~": b"an editor backup\n",
        ".draft.txt.swp": b"b0VIM 8.2\x00\x00",
        "hostile-text.txt": HOSTILE.encode(),
        "hostile-meta.md": HOSTILE_META.encode(),
        "russian.txt": RUSSIAN.encode(),
        "chinese.txt": CHINESE.encode(),
    }


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, data in files().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
