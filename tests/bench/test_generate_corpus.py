"""The benchmark corpus generator: deterministic, sized right, in the shapes the loader meets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests import bench_scripts

N = 20


generate_corpus = bench_scripts.load("generate_corpus")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate_corpus.generate(tmp_path_factory.mktemp("corpus"), N, seed=1)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    # Russian and Chinese documents are a few per cent: 20 documents may hold none.
    return generate_corpus.generate(tmp_path_factory.mktemp("big"), 200, seed=1)


def test_same_seed_gives_identical_bytes(corpus: list[Path], tmp_path: Path) -> None:
    again = generate_corpus.generate(tmp_path, N, seed=1)
    assert [p.name for p in again] == [p.name for p in corpus]
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in corpus]


def test_another_seed_gives_other_documents(corpus: list[Path], tmp_path: Path) -> None:
    other = generate_corpus.generate(tmp_path, N, seed=2)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in corpus]


def test_n_files_are_written(corpus: list[Path]) -> None:
    assert len(corpus) == N
    assert len(list(corpus[0].parent.iterdir())) == N


def test_every_file_is_between_2_and_25_kb(big_corpus: list[Path]) -> None:
    sizes = [p.stat().st_size for p in big_corpus]
    assert min(sizes) >= 2_000
    assert max(sizes) <= 25 * 1024
    assert max(sizes) > 3 * min(sizes)  # a spread, not one size


def test_markdown_documents_have_front_matter_yaml_can_load(big_corpus: list[Path]) -> None:
    markdown = [p for p in big_corpus if p.suffix == ".md"]
    assert markdown
    for path in markdown:
        _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        assert {"title", "date", "venue", "city", "kind"} <= set(meta)


def test_some_documents_are_in_russian_and_some_in_chinese(big_corpus: list[Path]) -> None:
    texts = [p.read_text(encoding="utf-8") for p in big_corpus]
    assert any(re.search(r"[А-Яа-я]{5}", text) for text in texts)
    assert any(re.search(r"[\u4e00-\u9fff]{5}", text) for text in texts)


def test_plain_documents_use_the_founding_title_shapes(big_corpus: list[Path]) -> None:
    texts = [p.read_text(encoding="utf-8") for p in big_corpus if p.suffix == ".txt"]
    assert any(re.match(r"\n\n\*\*.+\n.+\n\(\d{1,2} \w+, \d{4}\)\*\*", t) for t in texts)
    assert any(t.split("\n\n")[0] == t.split("\n\n")[1] for t in texts)
    assert any("\u00a0" in t for t in texts)  # NO-BREAK SPACES survive from the seeds
