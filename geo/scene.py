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
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any, Literal, get_args

from geo import strict_json

SCHEMA_VERSION = 1

PlaceKind = Literal["country", "city", "sea", "strait", "region", "disputed", "admin1", "bloc", "other", "group"]
RelationKind = Literal["alliance", "transfer", "support", "conflict", "influence"]
Status = Literal["delivered", "ordered", "planned", "frozen", "unknown"]
DateOrigin = Literal["column", "text", ""]
#: How the articles speak of a place (``Place.role``): "actor" (a state or side that acts:
#: named as a relation's end, by a demonym, by a capital speaking for its government),
#: "place" (a location on the map), "actor/place" (both), "" (not said: added by hand)
PlaceRole = Literal["actor", "place", "actor/place", ""]

PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
RELATION_KINDS: tuple[str, ...] = get_args(RelationKind)
STATUSES: tuple[str, ...] = get_args(Status)
DATE_ORIGINS: tuple[str, ...] = get_args(DateOrigin)
PLACE_ROLES: tuple[str, ...] = get_args(PlaceRole)
#: the relation-end roles the map once read from ``Place.role``; a file holding one loads as "actor"
OLD_ROLES = frozenset({"supplier", "recipient", "backer", "target", "other"})
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

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """The ``(start, end)`` spans of the text's sentences (:func:`geo.sentences.split_sentences`).

        Worked out once per Document, by extraction or by the first quote; never stored in the
        JSON, as the text determines them (a corpus Scene's documents, kept without text, have none).
        """
        from geo.sentences import split_sentences

        return tuple(split_sentences(self.text))

    @cached_property
    def when(self) -> str | None:
        """The article's date: ``date`` when given, else the first whole date its text states (ISO)."""
        from geo.dates import find_date

        return self.date or (find_date(self.text) if self.text else None)

    def sentence(self, start: int, end: int) -> str:
        """The sentence holding the characters ``start``..``end`` of the text: what a quote shows."""
        from geo.sentences import sentence_around

        return sentence_around(self.text, self.sentences, start, end)


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
    ISO alpha-2 codes of a region's or bloc's countries. ``demonym`` is
    a country's adjective from the gazetteer ("Turkish"), set when the place
    is made (see :meth:`geo.gazetteer.Gazetteer.place`); "" for other places.
    ``role`` says how the articles speak of it (`PlaceRole`); what a place does
    in the relations (supplies, receives, backs...) is read from the relations.
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
    role: PlaceRole = ""
    #: in a corpus Scene, how many documents mention the place (0 elsewhere)
    documents: int = 0
    demonym: str = ""

    @property
    def adjective(self) -> str:
        """What the place's people are called before a noun: its demonym, else its name's possessive.

        >>> Place("TR", "Turkey", "country", "TR", 39.0, 35.0, demonym="Turkish").adjective
        'Turkish'
        >>> Place("PH", "Philippines", "country", "PH", 13.0, 122.0).adjective
        "Philippines'"
        """
        return self.demonym or possessive(self.name)


def place_role(roles: Iterable[str]) -> PlaceRole:
    """The one role of a place read several ways (roles may be joined: "actor/place").

    >>> place_role(["place", "actor", "place"]), place_role(["actor/place"]), place_role(["supplier"])
    ('actor/place', 'actor/place', 'actor')
    """
    found = {"actor" if r in OLD_ROLES else r for role in roles for r in role.split("/") if r}
    return "/".join(sorted(found & {"actor", "place"}))  # type: ignore[return-value]


def possessive(name: str) -> str:
    """``"Turkey's"``, ``"Philippines'"``: a name as the owner of what follows."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


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

    @property
    def when(self) -> str | None:
        """``date`` (words from the sentence) as a sortable ISO prefix: ``2022-03-05``, ``2023-04``, ``1970``."""
        from geo.dates import statement_date

        return statement_date(self.date)

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

    @cached_property
    def storyline(self) -> tuple[Step, ...]:
        """The story to brief: ``story`` when the Scene has one, else :func:`geo.story.build_story`'s.

        Built once per Scene, on first use; ``story`` itself stays empty, which means "no
        storyline of the analyst's" to the app and in the JSON.
        """
        if self.story:
            return self.story
        from geo.story import build_story

        return build_story(self)

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
        from geo.scene_reader import scene_from_dict

        return scene_from_dict(cls, data)

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
