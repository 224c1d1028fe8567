"""One pass over a text for every name the knowledge file knows: which ones it may contain.

The gazetteer holds hundreds of people and places in three scripts. Searching a text once per
name's pattern made inference cost tens of milliseconds per document. Instead, an
Aho–Corasick automaton (ahocorasick-rs) finds in one pass which names' key words occur
(`text.key_word`: wherever a name's pattern matches, that word stands as written), and only
those names' patterns run. The answers are those of searching every pattern: a name whose key
word is absent cannot match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from ahocorasick_rs import AhoCorasick

from sco_archive.infer.text import key_word, norm
from sco_archive.knowledge import Event, Holder, KindSignal, Knowledge, Office, Place

T = TypeVar("T")


class NameIndex(Generic[T]):
    """Items, each known by several phrases; `named_in(text)` gives, in their order, the items
    one of whose phrases' key words occurs in the text."""

    def __init__(self, items: Sequence[T], phrases_of):
        self.items = tuple(items)
        by_key: dict[str, set[int]] = {}
        for index, item in enumerate(self.items):
            for phrase in phrases_of(item):
                if phrase.strip():
                    by_key.setdefault(key_word(phrase), set()).add(index)
        self._keys = sorted(by_key)
        self._items_of = [frozenset(by_key[k]) for k in self._keys]
        self._automaton = AhoCorasick(self._keys) if self._keys else None

    def named_in(self, text: str) -> list[T]:
        if self._automaton is None or not text:
            return []
        found: set[int] = set()
        for key in set(self._automaton.find_matches_as_indexes(norm(text).lower(), True)):
            found.update(self._items_of[key[0]])
        return [self.items[i] for i in sorted(found)]


class KnowledgeIndex:
    """The name indexes of one knowledge file."""

    def __init__(self, knowledge: Knowledge):
        self.holders: NameIndex[Holder] = NameIndex(knowledge.holders, lambda h: h.names)
        self.places: NameIndex[Place] = NameIndex(knowledge.places, lambda p: p.names)
        self.offices: NameIndex[Office] = NameIndex(knowledge.offices, _office_phrases)
        self.events: NameIndex[Event] = NameIndex(knowledge.events, lambda e: e.aliases)
        # (priority, signal, phrase) for every title phrase of every kind
        titles = [(i, s, phrase) for i, s in enumerate(knowledge.kinds) for phrase in s.title]
        self.kind_titles: NameIndex[tuple[int, KindSignal, str]] = NameIndex(
            titles, lambda item: (item[2],)
        )


def _office_phrases(office: Office) -> list[str]:
    # An office's pattern also matches "Secretary General" and the SCO's long name
    # (people._flexible): their key word must be one that stands as written in every form.
    phrases = []
    for alias in office.aliases:
        loose = alias.replace("Secretary-General", "Secretary General").replace("SCO", " ")
        phrases.append(loose if loose.strip() else alias)
    return phrases


B = TypeVar("B")


def per_knowledge(build: Callable[[Knowledge], B]) -> Callable[[Knowledge], B]:
    """`build(knowledge)`, made once per knowledge object: by identity, because hashing all of
    a knowledge file would cost more than the index saves."""
    kept: dict[int, tuple[Knowledge, B]] = {}

    def built(knowledge: Knowledge) -> B:
        found = kept.get(id(knowledge))
        if found is None or found[0] is not knowledge:
            if len(kept) > 8:
                kept.clear()
            found = kept[id(knowledge)] = (knowledge, build(knowledge))
        return found[1]

    return built


index_of = per_knowledge(KnowledgeIndex)


def holders_named(text: str, knowledge: Knowledge) -> list[Holder]:
    """The office holders whose names `text` may contain, in the knowledge file's order."""
    return index_of(knowledge).holders.named_in(text)


def places_named(text: str, knowledge: Knowledge) -> tuple[Place, ...]:
    return tuple(index_of(knowledge).places.named_in(text))


def events_named(text: str, knowledge: Knowledge) -> tuple[Event, ...]:
    """The recurring events whose names `text` may contain, in the knowledge file's order."""
    return tuple(index_of(knowledge).events.named_in(text))


def offices_named(text: str, knowledge: Knowledge) -> list[Office]:
    return index_of(knowledge).offices.named_in(text)


def kind_titles_named(text: str, knowledge: Knowledge) -> list[tuple[int, KindSignal, str]]:
    """(priority, signal, phrase) of the kinds' title phrases `text` may contain."""
    return index_of(knowledge).kind_titles.named_in(text)
