"""The Scene: geobrief's one contract between extraction, rendering, the app and files.

A Scene holds the documents read, the places and actors found in them, the
relations between those actors, and an optional briefing storyline. Every
place and relation keeps the text spans that support it. The model imports
neither folium nor streamlit, and round-trips losslessly through JSON.

Examples
--------
>>> doc = Document(id="d1", title="demo", text="Turkey sells drones to Ukraine.")
>>> tr = Place(id="TR", name="Turkey", kind="country", iso="TR", lat=39.0, lon=35.0,
...            mentions=(Span("d1", 0, 6, "Turkey"),), reason="name Turkey")
>>> scene = Scene(documents=(doc,), places=(tr,))
>>> Scene.from_json(scene.to_json()) == scene
True
"""

from __future__ import annotations

import json
import math
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cached_property
from typing import Any, Literal, get_args

from geo import limits, strict_json

SCHEMA_VERSION = 1

PlaceKind = Literal["country", "city", "sea", "strait", "region", "disputed", "admin1", "bloc", "other", "group"]
RelationKind = Literal["alliance", "transfer", "support", "conflict", "influence"]
Status = Literal["delivered", "ordered", "planned", "frozen", "unknown"]
DateOrigin = Literal["column", "text", ""]

PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
RELATION_KINDS: tuple[str, ...] = get_args(RelationKind)
STATUSES: tuple[str, ...] = get_args(Status)
DATE_ORIGINS: tuple[str, ...] = get_args(DateOrigin)
DIRECTED_KINDS = frozenset({"transfer", "support", "conflict"})


class SceneError(ValueError):
    """A scene file or dict that cannot be loaded; the message says what is wrong."""


@dataclass(frozen=True)
class Document:
    """One article: its id, a title for people, and its full text as read."""

    id: str
    title: str
    text: str
    source: str | None = None
    #: the article's date (ISO ``YYYY-MM-DD``), when known; set in corpus mode
    date: str | None = None
    #: where ``date`` came from: ``"column"`` (the input's ``date`` field), ``"text"`` (the
    #: article's dateline or first date) or ``""`` (no date)
    dated_by: DateOrigin = ""


@dataclass(frozen=True)
class Span:
    """A stretch of one document's text: a mention or an evidence sentence.

    ``start``/``end`` are character offsets into ``Document.text``.
    """

    doc: str
    start: int
    end: int
    text: str


Mention = Span


@dataclass(frozen=True)
class Place:
    """A place or actor the text talks about.

    ``shape`` names the gazetteer feature that holds its outline (None for
    points). ``reason`` says why the text was resolved so, e.g.
    ``"alias Kiev→Kyiv"`` or ``"demonym Azeri"``. ``members`` lists the
    ISO alpha-2 codes of a region's or bloc's countries.
    """

    id: str
    name: str
    kind: PlaceKind
    iso: str | None
    lat: float
    lon: float
    mentions: tuple[Span, ...] = ()
    reason: str = ""
    shape: str | None = None
    area_km2: float = 0.0
    members: tuple[str, ...] = ()
    role: str = ""
    #: in a corpus Scene, how many documents mention the place (0 elsewhere)
    documents: int = 0


@dataclass(frozen=True)
class DateCount:
    """How many documents of a corpus support a relation on one day."""

    date: str
    documents: int


@dataclass(frozen=True)
class StatusSpan:
    """One status a transfer was reported in: from when, until when, in how many documents."""

    status: Status
    first_date: str | None
    last_date: str | None
    documents: int


@dataclass(frozen=True)
class Support:
    """How much of a corpus backs one aggregated relation (see :mod:`geo.aggregate`).

    ``Relation.evidence`` holds the sentences of the most recent statements
    (at most ``Corpus.quotes_per_relation``); ``other_documents`` names every
    other supporting document, most recent first. ``by_date`` counts the
    dated supporting documents per day, ``undated`` the others. ``history``
    lists a transfer's statuses in the order they were first reported.
    """

    documents: int
    statements: int
    first_date: str | None = None
    last_date: str | None = None
    by_date: tuple[DateCount, ...] = ()
    undated: int = 0
    other_documents: tuple[str, ...] = ()
    history: tuple[StatusSpan, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A relation between actors, with the evidence that supports it.

    ``source``/``target`` are place ids. Influence relations leave
    ``target`` as None and list the sphere's members in ``members``.
    Transfers carry ``item``, ``quantity``, ``status`` and ``date``.
    ``source_actor``/``target_actor`` name the non-state side (an id of
    ``Scene.actors``, such as ``group:rsf``) when the text names one; the
    endpoint is then the country where that side fights.
    """

    id: str
    kind: RelationKind
    source: str
    target: str | None = None
    members: tuple[str, ...] = ()
    label: str = ""
    item: str | None = None
    quantity: int | None = None
    status: Status = "unknown"
    date: str | None = None
    evidence: tuple[Span, ...] = ()
    cue: str = ""
    confidence: float = 1.0
    source_actor: str | None = None
    target_actor: str | None = None
    #: in a corpus Scene, the documents and statements behind this relation (None elsewhere)
    support: Support | None = None

    def endpoints(self) -> tuple[str, ...]:
        """Every place id this relation touches, source first."""
        if self.kind == "influence":
            return (self.source, *self.members)
        return (self.source,) if self.target is None else (self.source, self.target)


@dataclass(frozen=True)
class Step:
    """One step of a briefing: a caption and quote, framed on some places and relations."""

    id: str
    title: str
    caption: str
    place_ids: tuple[str, ...] = ()
    relation_ids: tuple[str, ...] = ()
    quote: Span | None = None


@dataclass(frozen=True)
class Corpus:
    """What a corpus Scene was made from (``geobrief corpus``); None on ordinary Scenes.

    A corpus Scene keeps only the documents its quotes come from, without
    their text; the counts here describe the whole corpus read:
    ``documents`` extracted, ``skipped`` (unreadable or failed, with the
    first messages in ``skips``), how many were dated by their ``date``
    field or by their text or not at all, how many fell outside
    ``since``/``until``, ``dates_ignored`` (a ``date`` field that was no
    date: the text dated those), ``places_left_out`` (places mentioned but
    outside the kept ones; see ``geo.aggregate.MAX_PLACES``), relations past
    what a Scene file may hold (``relations_left_out``, the least supported)
    and the cap on quoted statements per relation.
    """

    documents: int
    skipped: int = 0
    skips: tuple[str, ...] = ()
    dated_by_column: int = 0
    dated_by_text: int = 0
    undated: int = 0
    outside_dates: int = 0
    since: str | None = None
    until: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    quotes_per_relation: int = 0
    places_left_out: int = 0
    dates_ignored: int = 0
    relations_left_out: int = 0


@dataclass(frozen=True)
class Scene:
    """Documents, places, relations, an optional storyline, and the non-state sides (``actors``).

    ``actors`` are armed groups and factions (kind ``"group"``) that relations
    name through ``source_actor``/``target_actor``; each keeps the ISO code of
    the country where it fights.
    """

    documents: tuple[Document, ...] = ()
    places: tuple[Place, ...] = ()
    relations: tuple[Relation, ...] = ()
    story: tuple[Step, ...] = ()
    schema_version: int = field(default=SCHEMA_VERSION)
    actors: tuple[Place, ...] = ()
    #: set on corpus Scenes only
    corpus: Corpus | None = None

    # -- look-ups -----------------------------------------------------------
    @cached_property
    def _by_id(self) -> tuple[dict[str, Place], dict[str, Relation], dict[str, Document], dict[str, Place]]:
        # built on first look-up (the Scene is frozen): a look-up per arc was a scan per arc
        def first(items: tuple[Any, ...]) -> dict[str, Any]:
            return {item.id: item for item in reversed(items)}  # the first of a repeated id wins

        return first(self.places), first(self.relations), first(self.documents), first(self.actors)

    def place(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        return self._by_id[0].get(place_id)

    def actor(self, actor_id: str) -> Place | None:
        """The non-state actor with this id, or None."""
        return self._by_id[3].get(actor_id)

    def endpoint(self, rel: Relation, end: str) -> Place | None:
        """Where an arc's end is drawn: the relation's non-state side when known, else its place.

        ``end`` is ``"source"`` or ``"target"``.
        """
        actor_id = rel.source_actor if end == "source" else rel.target_actor
        actor = self.actor(actor_id) if actor_id else None
        return actor or self.place(rel.source if end == "source" else rel.target or "")

    def relation(self, relation_id: str) -> Relation | None:
        """The relation with this id, or None."""
        return self._by_id[1].get(relation_id)

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        return self._by_id[2].get(doc_id)

    def replace(self, **changes: Any) -> Scene:
        """A copy with some fields changed (the Scene is frozen)."""
        return replace(self, **changes)

    # -- JSON ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; a superset of the eval SCHEMA.md format.

        Influence relations also carry ``target`` as the member list, as the
        eval schema asks.
        """
        out = {
            "schema_version": self.schema_version,
            "documents": [_plain(d) for d in self.documents],
            "places": [_plain(p) for p in self.places],
            "relations": [_relation_dict(r) for r in self.relations],
            "story": [_plain(s) for s in self.story],
            "actors": [_plain(a) for a in self.actors],
        }
        if self.corpus is not None:
            out["corpus"] = _plain(self.corpus)
        return out

    def to_json(self, indent: int | None = 1) -> str:
        """Serialise to JSON text (stable key order, UTF-8 characters kept, never NaN)."""
        return strict_json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> Scene:
        """Build a Scene from a dict, checking every field.

        Raises
        ------
        SceneError
            When the data is not a geobrief scene, is from a newer version,
            or has a missing or mistyped field; the message names the field.
        """
        if not isinstance(data, dict):
            raise SceneError("not a geobrief scene: the top level must be a JSON object")
        if "schema_version" not in data:
            raise SceneError("not a geobrief scene: it has no 'schema_version'")
        version = data["schema_version"]
        if not isinstance(version, int) or isinstance(version, bool):
            raise SceneError(f"'schema_version' must be an integer, not {version!r}")
        if version > SCHEMA_VERSION:
            raise SceneError(
                f"this scene was written by a newer geobrief (schema {version}); "
                f"this one reads schema {SCHEMA_VERSION} and older"
            )
        if version < 1:
            raise SceneError(f"unknown schema_version {version}")
        _check_size(data)
        docs = tuple(_build_document(d, f"documents[{i}]") for i, d in enumerate(_list(data, "documents")))
        places = tuple(_build_place(p, f"places[{i}]") for i, p in enumerate(_list(data, "places")))
        rels = tuple(_build_relation(r, f"relations[{i}]") for i, r in enumerate(_list(data, "relations")))
        story = tuple(_build_step(s, f"story[{i}]") for i, s in enumerate(_list(data, "story")))
        actors = tuple(_build_place(a, f"actors[{i}]") for i, a in enumerate(_list(data, "actors")))
        corpus = data.get("corpus")
        corpus = None if corpus is None else _build(Corpus, corpus, "corpus", skips=_strings(corpus, "skips", "corpus"))
        scene = cls(documents=docs, places=places, relations=rels, story=story, actors=actors, corpus=corpus)
        _check_references(scene)
        return scene

    @classmethod
    def from_json(cls, text: str | bytes) -> Scene:
        """Parse JSON text into a Scene; raises SceneError with a clear message."""
        try:
            data = strict_json.loads(text)
        except json.JSONDecodeError as exc:
            raise SceneError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
        except strict_json.JSONLimitError as exc:
            raise SceneError(f"not a geobrief scene: {exc}") from exc
        return cls.from_dict(data)


# -- serialisation helpers ------------------------------------------------------


# Fields added after schema 1's first files: left out of the JSON while they hold their
# default, so Scenes without them serialise (and hash) byte for byte as before.
_OPTIONAL: dict[type, frozenset[str]] = {
    Document: frozenset({"date", "dated_by"}),
    Place: frozenset({"documents"}),
    Relation: frozenset({"support"}),
}


def _plain(obj: Any) -> Any:
    if hasattr(obj, "__dataclass_fields__"):
        optional = _OPTIONAL.get(type(obj), frozenset())
        return {
            f.name: _plain(getattr(obj, f.name))
            for f in fields(obj)
            if not (f.name in optional and getattr(obj, f.name) == f.default)
        }
    if isinstance(obj, tuple | list):
        return [_plain(x) for x in obj]
    return obj


def _relation_dict(rel: Relation) -> dict[str, Any]:
    out = _plain(rel)
    if rel.kind == "influence":
        out["target"] = list(rel.members)
    return out


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise SceneError(f"'{key}' must be a list, not {type(value).__name__}")
    return value


_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "str | None": (str, type(None)),
    "int": (int,),
    "int | None": (int, type(None)),
    "float": (int, float),
}


_COORD_LIMITS = {"lat": 90, "lon": 180}
# other numbers and their ranges (a float must also be finite)
_RANGES: dict[str, tuple[float, float]] = {
    "confidence": (0.0, 1.0),
    "area_km2": (0.0, limits.MAX_AREA_KM2),
    "quantity": (0, limits.MAX_QUANTITY),
    "start": (0, limits.MAX_INTEGER),
    "end": (0, limits.MAX_INTEGER),
}
_COUNTS = (
    ("documents", limits.MAX_DOCUMENTS, "articles"),
    ("places", limits.MAX_PLACES, "places"),
    ("actors", limits.MAX_PLACES, "non-state actors"),
    ("relations", limits.MAX_RELATIONS, "relations"),
    ("story", limits.MAX_STEPS, "story steps"),
)
# how deep a scene's own structure nests (top › relations › relation › evidence › span)
_LEVEL = {"top": 1, "item": 3, "span": 5}


def _check_size(data: dict[str, Any]) -> None:
    """Refuse a scene over the stated counts (geo.limits) before building any of it."""
    for key, limit, noun in _COUNTS:
        value = data.get(key)
        if isinstance(value, list) and len(value) > limit:
            raise SceneError(f"it holds {len(value):,} {noun}; geobrief opens scenes of up to {limit:,}")
    _check_extra(
        data,
        {"schema_version", "documents", "places", "relations", "story", "actors", "corpus"},
        "the scene",
        _LEVEL["top"],
    )


def _check_extra(raw: dict[str, Any], known: Any, where: str, level: int) -> None:
    """Keys geobrief does not read are kept out, but may not nest past the depth limit."""
    for key in raw.keys() - known:
        value = raw[key]
        if isinstance(value, dict | list) and level + strict_json.depth(value, limits.MAX_SCENE_DEPTH) > (
            limits.MAX_SCENE_DEPTH
        ):
            raise SceneError(f"{where}.{key} nests arrays or objects more than {limits.MAX_SCENE_DEPTH} levels deep")


def _build(cls: type, raw: Any, where: str, level: int = _LEVEL["item"], **converted: Any) -> Any:
    if not isinstance(raw, dict):
        raise SceneError(f"{where} must be an object, not {type(raw).__name__}")
    names = _FIELD_NAMES.get(cls) or _FIELD_NAMES.setdefault(cls, frozenset(f.name for f in fields(cls)))
    if not raw.keys() <= names:
        _check_extra(raw, names | {"target"}, where, level)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in converted:
            kwargs[f.name] = converted[f.name]
            continue
        if f.name not in raw:
            if f.default is not MISSING or f.default_factory is not MISSING:
                continue
            raise SceneError(f"{where} has no '{f.name}'")
        value = raw[f.name]
        allowed = _TYPES.get(str(f.type))
        if allowed is not None and (
            not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed)
        ):
            raise SceneError(f"{where}.{f.name} must be {f.type}, not {value!r:.60}")
        limit = _COORD_LIMITS.get(f.name) if allowed is _TYPES["float"] else None
        if limit is not None and not (math.isfinite(value) and -limit <= value <= limit):
            raise SceneError(
                f"{where}.{f.name} must be a {'latitude' if limit == 90 else 'longitude'} "
                f"between -{limit} and {limit}, not {value!r:.40}"
            )
        if f.name in _RANGES and isinstance(value, int | float):
            low, high = _RANGES[f.name]
            if not (math.isfinite(value) and low <= value <= high):
                raise SceneError(f"{where}.{f.name} must be between {low:g} and {high:g}, not {value!r:.40}")
        kwargs[f.name] = value
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise SceneError(f"{where}: {exc}") from exc


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _spans(raw: Any, key: str, where: str) -> tuple[Span, ...]:
    value = raw.get(key, []) if isinstance(raw, dict) else []
    if not isinstance(value, list):
        raise SceneError(f"{where}.{key} must be a list")
    return tuple(_build(Span, s, f"{where}.{key}[{i}]", _LEVEL["span"]) for i, s in enumerate(value))


def _members(raw: Any, where: str) -> tuple[str, ...]:
    """A member list, each member once (in first-listed order), at most MAX_MEMBERS."""
    members = tuple(dict.fromkeys(_strings(raw, "members", where)))
    if len(members) > limits.MAX_MEMBERS:
        raise SceneError(f"{where} has {len(members):,} members; geobrief draws up to {limits.MAX_MEMBERS}")
    return members


def _strings(raw: Any, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, []) if isinstance(raw, dict) else []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SceneError(f"{where}.{key} must be a list of strings")
    return tuple(value)


def _choice(raw: Any, key: str, allowed: tuple[str, ...], where: str, default: str | None = None) -> str:
    value = raw.get(key, default) if isinstance(raw, dict) else default
    if value not in allowed:
        raise SceneError(f"{where}.{key} must be one of {', '.join(allowed)}; got {value!r:.40}")
    return value


def _build_document(raw: Any, where: str) -> Document:
    return _build(Document, raw, where, dated_by=_choice(raw, "dated_by", DATE_ORIGINS, where, default=""))


def _build_support(raw: Any, where: str) -> Support | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SceneError(f"{where} must be an object, not {type(raw).__name__}")

    def items(key: str) -> list[Any]:
        value = raw.get(key, [])
        if not isinstance(value, list):
            raise SceneError(f"{where}.{key} must be a list")
        return value

    by_date = tuple(_build(DateCount, d, f"{where}.by_date[{i}]") for i, d in enumerate(items("by_date")))
    history = tuple(
        _build(StatusSpan, h, f"{where}.history[{i}]", status=_choice(h, "status", STATUSES, f"{where}.history[{i}]"))
        for i, h in enumerate(items("history"))
    )
    return _build(
        Support,
        raw,
        where,
        by_date=by_date,
        history=history,
        other_documents=_strings(raw, "other_documents", where),
    )


def _build_place(raw: Any, where: str) -> Place:
    return _build(
        Place,
        raw,
        where,
        kind=_choice(raw, "kind", PLACE_KINDS, where),
        mentions=_spans(raw, "mentions", where),
        members=_members(raw, where),
    )


def _build_relation(raw: Any, where: str) -> Relation:
    kind = _choice(raw, "kind", RELATION_KINDS, where)
    members = _members(raw, where)
    target = raw.get("target") if isinstance(raw, dict) else None
    if kind == "influence":
        if isinstance(target, list) and not members:  # eval-schema form: the member list
            members = _members({"members": target}, where)
        target = None
    elif target is not None and not isinstance(target, str):
        raise SceneError(f"{where}.target must be a place id")
    return _build(
        Relation,
        raw,
        where,
        kind=kind,
        target=target,
        members=members,
        status=_choice(raw, "status", STATUSES, where, default="unknown"),
        evidence=_spans(raw, "evidence", where),
        support=_build_support(raw.get("support"), f"{where}.support"),
    )


def _build_step(raw: Any, where: str) -> Step:
    quote = raw.get("quote") if isinstance(raw, dict) else None
    return _build(
        Step,
        raw,
        where,
        place_ids=_strings(raw, "place_ids", where),
        relation_ids=_strings(raw, "relation_ids", where),
        quote=None if quote is None else _build(Span, quote, f"{where}.quote", _LEVEL["item"] + 1),
    )


def _unique_ids(items: tuple[Any, ...], noun: str) -> set[str]:
    """The ids of ``items``; a repeated id is refused by name (the app keys its widgets by id)."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise SceneError(f"two {noun} share the id {item.id!r:.80}; each needs its own")
        seen.add(item.id)
    return seen


def _check_references(scene: Scene) -> None:
    _unique_ids(scene.documents, "documents")
    place_ids = _unique_ids(scene.places, "places")
    rel_ids = _unique_ids(scene.relations, "relations")
    _unique_ids(scene.story, "story steps")
    actor_ids = _unique_ids(scene.actors, "actors")
    for rel in scene.relations:
        for end in rel.endpoints():
            if end not in place_ids:
                raise SceneError(f"relation {rel.id!r} points at unknown place {end!r}")
        for actor in (rel.source_actor, rel.target_actor):
            if actor is not None and actor not in actor_ids:
                raise SceneError(f"relation {rel.id!r} names unknown actor {actor!r}")
    for step in scene.story:
        for pid in step.place_ids:
            if pid not in place_ids:
                raise SceneError(f"story step {step.id!r} names unknown place {pid!r}")
        for rid in step.relation_ids:
            if rid not in rel_ids:
                raise SceneError(f"story step {step.id!r} names unknown relation {rid!r}")
