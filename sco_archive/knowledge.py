"""Corpus knowledge (office holders, places, kinds, topics): loaded from YAML and validated."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from sco_archive.errors import ArchiveError
from sco_archive.model import PartialDate

DEFAULT_PATH = Path(__file__).parent / "data" / "knowledge.yaml"


class KnowledgeError(ArchiveError, ValueError):
    """The knowledge file is missing, not YAML, or has a key of the wrong shape."""


@dataclass(frozen=True)
class Holder:
    """One person's term in one office, first and last day inclusive, to the precision the
    knowledge file gives (a year, a month or a day); `until` None while still in office."""

    name: str
    role: str
    since: PartialDate
    until: PartialDate | None = None
    aliases: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        return self.since.year

    @property
    def end(self) -> int | None:
        return self.until.year if self.until is not None else None

    def held_on(self, date: PartialDate) -> bool:
        """In office on `date`, compared at the precision both have: a term that began in
        December 2022 holds on "2022" and on 30 December 2022, not on 19 April 2022."""
        return _at_or_after(date, self.since) and (
            self.until is None or _at_or_after(self.until, date)
        )

    @property
    def names(self) -> tuple[str, ...]:
        """The name, its aliases and their initialled forms ("V. Norov", "V.Norov")."""
        initialled = []
        for name in (self.name, *self.aliases):
            first, _, rest = name.partition(" ")
            if rest:
                initialled += [f"{first[0]}. {rest}", f"{first[0]}.{rest}"]
        return (self.name, *self.aliases, *initialled)


@dataclass(frozen=True)
class Office:
    role: str
    aliases: tuple[str, ...]
    holders: tuple[Holder, ...]

    def holder_on(self, date: PartialDate) -> Holder | None:
        found = [h for h in self.holders if h.held_on(date)]
        return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Landmark:
    """A building or body whose city is known: "at the SCO Secretariat" means Beijing."""

    name: str
    city: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Session:
    """One meeting of a recurring event: its number (the text's "24th"), year and host city;
    `city` None for a meeting held online, `named_for` the city it is still called after
    ("the New Delhi summit" of 2023 met by video, chaired from New Delhi)."""

    number: int | None
    year: int | None
    city: str | None
    named_for: str | None = None

    @property
    def called_after(self) -> str | None:
        return self.city or self.named_for


@dataclass(frozen=True)
class Event:
    """A recurring SCO meeting (a council, a forum), known by the ways texts name it."""

    name: str
    aliases: tuple[str, ...]
    sessions: tuple[Session, ...] = ()
    # Words that name one session by its host city: "the Qingdao summit", "саммит в Бишкеке",
    # "青岛峰会".
    by_city: tuple[str, ...] = ()

    def session(self, number: int) -> Session | None:
        found = [s for s in self.sessions if s.number == number]
        return found[0] if len(found) == 1 else None

    def session_in(self, year: int) -> Session | None:
        found = [s for s in self.sessions if s.year == year]
        return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class KindSignal:
    kind: str
    title: tuple[str, ...]
    lead: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    keywords: tuple[str, ...]
    min_count: int = 1


@dataclass(frozen=True)
class NameOrders:
    """Which names are written family name first ("Zhang Ming"), and which names are known at
    all: a name nobody knows is cited as written, never turned round on a guess."""

    family_first: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()

    def of(self, name: str) -> str | None:
        """`family-first`, `given-first`, or None for a name the knowledge file does not know."""
        folded = " ".join(name.split()).casefold()
        if folded in self.family_first:
            return "family-first"
        return "given-first" if folded in self.known else None


@dataclass(frozen=True)
class Knowledge:
    """Everything inference knows about the corpus that is not in a document's own text."""

    offices: tuple[Office, ...] = ()
    places: tuple[Place, ...] = ()
    kinds: tuple[KindSignal, ...] = ()
    topics: dict[str, Topic] | None = None  # slug → Topic, in vocabulary order
    source: str = ""
    landmarks: tuple[Landmark, ...] = ()
    events: tuple[Event, ...] = ()
    family_name_first: tuple[str, ...] = ()  # people whose names are written family name first

    @cached_property
    def name_orders(self) -> NameOrders:
        """How each person the file knows writes their name, for citing it."""
        family = {n.casefold() for n in self.family_name_first}
        for holder in self.holders:
            if holder.name.casefold() in family:
                family.update(n.casefold() for n in holder.names)
        known = {n.casefold() for h in self.holders for n in h.names}
        return NameOrders(frozenset(family), frozenset(known | family))

    def offices_of(self, name: str) -> list[Holder]:
        """Every term of office the person named (or an alias of them) held."""
        return list(self._holders_by_name.get(name.casefold(), ()))

    @cached_property
    def _holders_by_name(self) -> dict[str, list[Holder]]:
        """Each folded name or alias → the terms of office held under it, in offices' order: a
        browse page asks for every speaker (a scan of every office each time took 0.27 s)."""
        found: dict[str, list[Holder]] = {}
        for office in self.offices:
            for holder in office.holders:
                for name in dict.fromkeys(n.casefold() for n in holder.names):
                    found.setdefault(name, []).append(holder)
        return found

    def place(self, name: str) -> Place | None:
        return self._places_by_name.get(" ".join(name.split()).casefold())

    @cached_property
    def _places_by_name(self) -> dict[str, Place]:
        """Every spelling of every place, folded; the first place to claim one keeps it."""
        found: dict[str, Place] = {}
        for place in self.places:
            for name in place.names:
                found.setdefault(" ".join(name.split()).casefold(), place)
        return found

    @property
    def holders(self) -> tuple[Holder, ...]:
        return tuple(h for office in self.offices for h in office.holders)


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_knowledge(path: Path | None = None) -> Knowledge:
    """Read and validate a knowledge file (ours when `path` is None)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        # libyaml's safe loader where PyYAML has it: the same data, in a seventh of the time
        # (0.03 s against 0.22 s for ours, read on every build).
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except OSError as error:
        raise KnowledgeError(f"{path}: cannot read the knowledge file: {error}") from error
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: not valid YAML: {error}") from error
    return parse_knowledge(data, str(path))


def parse_knowledge(data: Any, source: str = "<knowledge>") -> Knowledge:
    """Validate already-parsed YAML; errors name the file and the key."""
    root = _mapping(data, source, "the top level")
    offices = tuple(
        _office(o, source, f"offices[{i}]") for i, o in enumerate(_list(root, "offices", source))
    )
    places = tuple(
        _place(p, source, f"places[{i}]") for i, p in enumerate(_list(root, "places", source))
    )
    kinds = tuple(
        _kind(k, source, f"kinds[{i}]") for i, k in enumerate(_list(root, "kinds", source))
    )
    topics: dict[str, Topic] = {}
    for i, t in enumerate(_list(root, "topics", source)):
        topic = _topic(t, source, f"topics[{i}]")
        if topic.slug in topics:
            raise KnowledgeError(f"{source}: topics[{i}].slug: duplicate topic {topic.slug!r}")
        topics[topic.slug] = topic
    landmarks = tuple(
        _landmark(m, source, f"landmarks[{i}]", places)
        for i, m in enumerate(_list(root, "landmarks", source))
    )
    events = tuple(
        _event(e, source, f"events[{i}]", places)
        for i, e in enumerate(_list(root, "events", source))
    )
    family_first = _texts(root, "family_name_first", source, "")
    return Knowledge(offices, places, kinds, topics, source, landmarks, events, family_first)


def _office(data: Any, source: str, key: str) -> Office:
    m = _mapping(data, source, key)
    role = _text(m, "role", source, key)
    holders = tuple(
        _holder(h, role, source, f"{key}.holders[{i}]")
        for i, h in enumerate(_list(m, "holders", source, key))
    )
    return Office(role, _texts(m, "aliases", source, key) or (role,), holders)


def _holder(data: Any, role: str, source: str, key: str) -> Holder:
    m = _mapping(data, source, key)
    since = _term_bound(m.get("start"), source, f"{key}.start")
    if since is None:
        raise KnowledgeError(f"{source}: {key}.start: expected a year, got None")
    until = _term_bound(m.get("end"), source, f"{key}.end")
    if until is not None and _key(until, 12, 31) < _key(since, 1, 1):
        raise KnowledgeError(f"{source}: {key}.end: expected a date ≥ start or null, got {until}")
    return Holder(
        _text(m, "name", source, key), role, since, until, _texts(m, "aliases", source, key)
    )


def _term_bound(value: Any, source: str, key: str) -> PartialDate | None:
    """A year (2022), a month ("2022-12") or a day (2022-12-30, which YAML reads as a date)."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse_iso(value)
        except ValueError:
            pass
    raise KnowledgeError(f"{source}: {key}: expected a year, YYYY-MM or YYYY-MM-DD, got {value!r}")


def _at_or_after(later: PartialDate, earlier: PartialDate) -> bool:
    """`later` is on or after `earlier`, at the precision both give."""
    shared = min(_DEPTH[later.precision], _DEPTH[earlier.precision])
    return _key(later)[:shared] >= _key(earlier)[:shared]


_DEPTH = {"year": 1, "month": 2, "day": 3}


def _key(date: PartialDate, month: int = 0, day: int = 0) -> tuple[int, int, int]:
    return (date.year, date.month or month, date.day or day)


def _place(data: Any, source: str, key: str) -> Place:
    m = _mapping(data, source, key)
    name = _text(m, "name", source, key)
    return Place(name, _text(m, "country", source, key), _texts(m, "aliases", source, key))


def _landmark(data: Any, source: str, key: str, places: tuple[Place, ...]) -> Landmark:
    m = _mapping(data, source, key)
    city = _text(m, "city", source, key)
    if places and city not in {p.name for p in places}:
        raise KnowledgeError(f"{source}: {key}.city: {city!r} is not a place in `places`")
    name = _text(m, "name", source, key)
    return Landmark(name, city, _texts(m, "aliases", source, key) or (name,))


def _event(data: Any, source: str, key: str, places: tuple[Place, ...]) -> Event:
    m = _mapping(data, source, key)
    name = _text(m, "name", source, key)
    sessions = tuple(
        _session(s, source, f"{key}.sessions[{i}]", places)
        for i, s in enumerate(_list(m, "sessions", source, key))
    )
    numbers = [s.number for s in sessions if s.number is not None]
    if len(numbers) != len(set(numbers)):
        raise KnowledgeError(f"{source}: {key}.sessions: a session number is given twice")
    aliases = _texts(m, "aliases", source, key) or (name,)
    return Event(name, aliases, sessions, _texts(m, "by_city", source, key))


def _session(data: Any, source: str, key: str, places: tuple[Place, ...]) -> Session:
    m = _mapping(data, source, key)
    number, year = _whole(m, "number", source, key), _whole(m, "year", source, key)
    if number is None and year is None:
        raise KnowledgeError(f"{source}: {key}: a session needs a number or a year")
    city, named_for = (_session_city(m, k, source, key, places) for k in ("city", "named_for"))
    return Session(number, year, city, named_for)


def _session_city(
    m: dict, name: str, source: str, key: str, places: tuple[Place, ...]
) -> str | None:
    city = m.get(name)
    if city is not None and (
        not isinstance(city, str) or (places and city not in {p.name for p in places})
    ):
        raise KnowledgeError(f"{source}: {key}.{name}: {city!r} is not a place in `places` or null")
    return city


def _whole(m: dict, name: str, source: str, parent: str) -> int | None:
    """An optional whole number ≥ 1 (a session's number, a year)."""
    value = m.get(name)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise KnowledgeError(f"{source}: {parent}.{name}: expected a whole number ≥ 1 or null")
    return value


def _kind(data: Any, source: str, key: str) -> KindSignal:
    m = _mapping(data, source, key)
    title = _texts(m, "title", source, key)
    return KindSignal(_text(m, "kind", source, key), title, _texts(m, "lead", source, key))


def _topic(data: Any, source: str, key: str) -> Topic:
    m = _mapping(data, source, key)
    count = m.get("min_count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise KnowledgeError(f"{source}: {key}.min_count: expected a whole number ≥ 1")
    keywords = _texts(m, "keywords", source, key)
    if not keywords:
        raise KnowledgeError(f"{source}: {key}.keywords: a topic needs at least one keyword")
    slug = _text(m, "slug", source, key)
    return Topic(slug, str(m.get("label") or slug), keywords, count)


def _mapping(data: Any, source: str, key: str) -> dict:
    if not isinstance(data, dict):
        raise KnowledgeError(f"{source}: {key}: expected a mapping, got {type(data).__name__}")
    return data


def _list(m: dict, name: str, source: str, parent: str = "") -> list:
    value = m.get(name, [])
    where = f"{parent}.{name}" if parent else name
    if value is None:
        return []
    if not isinstance(value, list):
        raise KnowledgeError(f"{source}: {where}: expected a list, got {type(value).__name__}")
    return value


def _text(m: dict, name: str, source: str, parent: str) -> str:
    value = m.get(name)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{source}: {parent}.{name}: expected non-empty text, got {value!r}")
    return " ".join(value.split())


def _texts(m: dict, name: str, source: str, parent: str) -> tuple[str, ...]:
    values = _list(m, name, source, parent)
    for i, v in enumerate(values):
        if not isinstance(v, str) or not v.strip():
            where = f"{parent}.{name}" if parent else name
            raise KnowledgeError(f"{source}: {where}[{i}]: expected text, got {v!r}")
    return tuple(" ".join(v.split()) for v in values)
