"""Language from the script: English, Russian, Chinese."""

from __future__ import annotations

import pytest

from tests.infer.helpers import infer, value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The meeting of the Council was held in Bishkek and the parties agreed on the plan.",
            "en",
        ),
        (
            "Заседание Совета секретарей советов безопасности состоялось в Бишкеке 15 мая 2019 "
            "года.",
            "ru",
        ),
        ("上海合作组织成员国安全会议秘书第十四次会议在比什凯克举行。", "zh"),
    ],
)
def test_language_from_the_script(text, language):
    assert value(infer("", text), "language") == language


def test_too_little_text_has_no_language():
    assert "language" not in infer("", "OK")
