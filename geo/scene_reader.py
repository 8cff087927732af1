"""Reading a Scene from JSON data: every field checked, every limit of :mod:`geo.limits` enforced.

:meth:`geo.scene.Scene.from_dict` and ``from_json`` call :func:`scene_from_dict`.
A scene file is untrusted input: the reader refuses unknown fields, wrong
types, numbers out of range, too many items, too deep nesting, repeated ids
and references to places that are not there, each with a message naming the
field.
"""

from __future__ import annotations

import math
from dataclasses import MISSING, fields, replace
from typing import Any

from geo import limits, strict_json
from geo.scene import (
    DATE_ORIGINS,
    OLD_ROLES,
    PLACE_KINDS,
    PLACE_ROLES,
    RELATION_KINDS,
    SCHEMA_VERSION,
    STATUSES,
    Corpus,
    DateCount,
    Document,
    Place,
    Relation,
    Scene,
    SceneError,
    Span,
    StatusSpan,
    Step,
    Support,
    place_role,
)


def scene_from_dict(cls: type[Scene], data: Any) -> Scene:
    """Build a Scene (of class ``cls``) from JSON data, checking every field.

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
    places = _with_demonyms(places, _list(data, "places"))
    corpus = data.get("corpus")
    corpus = None if corpus is None else _build(Corpus, corpus, "corpus", skips=_strings(corpus, "skips", "corpus"))
    scene = cls(documents=docs, places=places, relations=rels, story=story, actors=actors, corpus=corpus)
    _check_references(scene)
    return scene


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
        role=_role(raw, where),
        mentions=_spans(raw, "mentions", where),
        members=_members(raw, where),
    )


def _role(raw: Any, where: str) -> str:
    """A place's role; the relation-end roles of older files ("supplier", ...) read as "actor"."""
    value = raw.get("role", "") if isinstance(raw, dict) else ""
    if value in PLACE_ROLES:
        return value
    if isinstance(value, str) and set(value.split("/")) <= {*PLACE_ROLES, *OLD_ROLES}:
        return place_role([value])
    raise SceneError(
        f"{where}.role must be one of {', '.join(r for r in PLACE_ROLES if r)} or empty; got {value!r:.40}"
    )


def _with_demonyms(places: tuple[Place, ...], raws: list[Any]) -> tuple[Place, ...]:
    """Places of a file written before places carried their demonym get it from the gazetteer."""
    old = [i for i, (p, raw) in enumerate(zip(places, raws, strict=True)) if "demonym" not in raw and p.iso]
    if not old:
        return places
    try:
        from geo.gazetteer import load_gazetteer

        gaz = load_gazetteer()
    except OSError:  # its data files are missing: captions then use the places' names
        return places
    out = list(places)
    for i in old:
        out[i] = replace(places[i], demonym=gaz.demonym_of(places[i].id))
    return tuple(out)


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
