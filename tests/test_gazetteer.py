"""The gazetteer: folding, aliases, demonyms, capitals, ranking, regions, blocs, data integrity."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.gazetteer import (
    DATA_DIR,
    MAX_QUERY_LENGTH,
    Entry,
    Form,
    build_gazetteer,
    fold_name,
    load_gazetteer,
)
from geo.scene import PLACE_KINDS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# -- folding -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Türkiye", "turkiye"),
        ("TURKIYE", "turkiye"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Nagorno–Karabakh", "nagorno karabakh"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Luhans'k", "luhansk"),
        ("Ukraine's", "ukraine s"),
        ("U.S.", "us"),
        ("  Sea   of\tAzov ", "sea of azov"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Washington, D.C.", "washington dc"),
    ],
)
def test_fold_name(raw, folded):
    assert fold_name(raw) == folded


def test_fold_name_is_idempotent_on_every_stored_city_form():
    with gzip.open(DATA_DIR / "city_forms.tsv.gz", "rt", encoding="utf-8") as fh:
        forms = [line.split("\t", 1)[0] for line in fh.read().splitlines()[1:]]
    assert len(forms) > 50_000
    bad = [f for f in forms if fold_name(f) != f]
    assert not bad[:5], "city_forms.tsv.gz was folded with another fold_name: rebuild it"


# -- resolving names ----------------------------------------------------------------

ALIASES = [
    ("Georgia", "GE"),
    ("Türkiye", "TR"),
    ("Turkiye", "TR"),
    ("Turkey", "TR"),
    ("Ivory Coast", "CI"),
    ("Côte d'Ivoire", "CI"),
    ("Cote d'Ivoire", "CI"),
    ("Burma", "MM"),
    ("Myanmar", "MM"),
    ("Czechia", "CZ"),
    ("Czech Republic", "CZ"),
    ("Eswatini", "SZ"),
    ("Swaziland", "SZ"),
    ("North Macedonia", "MK"),
    ("Macedonia", "MK"),
    ("DPRK", "KP"),
    ("North Korea", "KP"),
    ("ROK", "KR"),
    ("South Korea", "KR"),
    ("UAE", "AE"),
    ("United Arab Emirates", "AE"),
    ("UK", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("United Kingdom", "GB"),
    ("US", "US"),
    ("USA", "US"),
    ("U.S.", "US"),
    ("America", "US"),
    ("United States of America", "US"),
    ("United States", "US"),
    ("PRC", "CN"),
    ("Holland", "NL"),
    ("Netherlands", "NL"),
    ("Russian Federation", "RU"),
    ("DRC", "CD"),
    ("Kosovo", "XK"),
    ("Palestine", "PS"),
    ("Taiwan", "TW"),
    ("Soviet Union", "SU"),
    ("USSR", "SU"),
    ("Yugoslavia", "YU"),
    ("Czechoslovakia", "CS"),
    ("East Germany", "DD"),
]

DEMONYMS = [
    ("Turkish", "TR"),
    ("Turks", "TR"),
    ("Azeri", "AZ"),
    ("Azerbaijani", "AZ"),
    ("Azeris", "AZ"),
    ("American", "US"),
    ("Americans", "US"),
    ("Emirati", "AE"),
    ("Emiratis", "AE"),
    ("British", "GB"),
    ("Brits", "GB"),
    ("Dutch", "NL"),
    ("Filipino", "PH"),
    ("Philippine", "PH"),
    ("Israeli", "IL"),
    ("Israelis", "IL"),
    ("Palestinian", "PS"),
    ("Palestinians", "PS"),
    ("Saudi", "SA"),
    ("Saudis", "SA"),
    ("Iranian", "IR"),
    ("Iranians", "IR"),
    ("Persian", "IR"),
    ("Chinese", "CN"),
    ("Russian", "RU"),
    ("Russians", "RU"),
    ("Ukrainian", "UA"),
    ("Ukrainians", "UA"),
    ("Belarusian", "BY"),
    ("Belarussian", "BY"),
    ("Kazakh", "KZ"),
    ("Kyrgyz", "KG"),
    ("Uzbek", "UZ"),
    ("Afghan", "AF"),
    ("Pakistani", "PK"),
    ("Indian", "IN"),
    ("Indians", "IN"),
    ("South Korean", "KR"),
    ("North Korean", "KP"),
    ("Sudanese", "SD"),
    ("South Sudanese", "SS"),
    ("Soviet", "SU"),
    ("Georgian", "GE"),
    ("Armenian", "AM"),
    ("Syrian", "SY"),
    ("Egyptian", "EG"),
    ("Japanese", "JP"),
    ("French", "FR"),
    ("German", "DE"),
    ("Polish", "PL"),
    ("Kosovar", "XK"),
    ("Yugoslav", "YU"),
    # the forms English news writes, which the country tables lack
    ("Santomean", "ST"),
    ("Cape Verdean", "CV"),
    ("Basotho", "LS"),
    ("North Macedonian", "MK"),
]


@pytest.mark.parametrize(("name", "iso"), ALIASES)
def test_country_aliases(gaz, name, iso):
    entry = gaz.resolve(name)
    assert entry is not None and entry.id == iso and entry.kind == "country"


@pytest.mark.parametrize(("name", "iso"), DEMONYMS)
def test_demonyms(gaz, name, iso):
    entry = gaz.resolve(name)
    assert entry is not None and entry.id == iso
    assert gaz.candidates(name)[0] in ((entry, "demonym"), (entry, "alias"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donbas", "disputed:donbas"),
        ("Donbass", "disputed:donbas"),
        ("Black Sea", "sea:black-sea"),
        ("NATO", "bloc:nato"),
        ("North Atlantic Treaty Organization", "bloc:nato"),
        ("EU", "bloc:eu"),
        ("European Union", "bloc:eu"),
        ("Middle East", "region:middle-east"),
        ("South Caucasus", "region:south-caucasus"),
        ("Baltic states", "region:baltic-states"),
        ("Horn of Africa", "region:horn-of-africa"),
        ("BRICS", "bloc:brics"),
        ("CSTO", "bloc:csto"),
        ("Caribbean", "region:caribbean"),
        ("Guayana Esequiba", "disputed:essequibo"),
        ("Spratlys", "disputed:spratly-islands"),
        ("Luzon", "other:luzon"),
        ("Falklands", "disputed:falkland-islands"),
        ("Malvinas", "disputed:falkland-islands"),
        ("Bosporus", "strait:bosphorus"),
        ("Persian Gulf", "sea:persian-gulf"),
    ],
)
def test_non_country_names(gaz, name, expected):
    assert gaz.resolve(name).id == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anbar", "admin1:IQ-AN"),  # "Al Anbar"
        ("Muthanna", "admin1:IQ-MU"),  # "Al Muthanna"
        ("Mahrah", "admin1:YE-MR"),  # "Al Mahrah"
        ("Hasakah", "city:173811"),  # "Al-Hasakah" the province, but the city of that name keeps the bare form
    ],
)
def test_an_admin1_name_without_its_arabic_article(gaz, name, expected):
    assert gaz.resolve(name).id == expected


def test_a_bare_form_two_admin1_units_share_names_neither(gaz):
    # Saudi Arabia's "Al-Jowf" ("Al Jawf") and Yemen's "Al Jawf": "Jawf" stays Yemen's own alias only
    assert gaz.resolve("Jawf").id == "admin1:YE-JA"


def test_the_alliance_is_not_nato(gaz):
    assert gaz.resolve("the alliance") is None
    assert gaz.candidates("alliance") == [] or all(e.id != "bloc:nato" for e, _ in gaz.candidates("alliance"))


@pytest.mark.parametrize("name", ["Kyiv", "Kiev", "KIEV", "kyiv"])
def test_kyiv_spellings_are_one_city(gaz, name):
    entry = gaz.resolve(name)
    assert entry.kind == "city" and entry.iso == "UA" and entry.feature_code == "PPLC"
    assert entry.id == gaz.get("UA").capital


@pytest.mark.parametrize(
    ("name", "city", "iso"),
    [
        ("Moscow", "Moscow", "RU"),
        ("Ankara", "Ankara", "TR"),
        ("Baku", "Baku", "AZ"),
        ("Washington", "Washington", "US"),
        ("Tehran", "Tehran", "IR"),
        ("Beijing", "Beijing", "CN"),
    ],
)
def test_a_bare_capital_is_the_city(gaz, name, city, iso):
    entry = gaz.resolve(name)
    assert (entry.kind, entry.name, entry.iso) == ("city", city, iso)
    assert gaz.capital_country(entry.id) == iso
    assert gaz.candidates(name)[0] == (entry, "capital")


def test_zaporizhzhia_is_the_major_city_and_the_oblast_is_a_candidate(gaz):
    for spelling in ("Zaporizhzhia", "Zaporozhye", "Zaporizhzhya"):
        entry = gaz.resolve(spelling)
        assert entry.kind == "city" and entry.population > 500_000
    kinds = [e.kind for e, _ in gaz.candidates("Zaporizhzhia")]
    if any(e.kind == "admin1" for e in (gaz.get("admin1:UA-23"),) if e):
        assert "admin1" in kinds


def test_exonyms_and_alternate_names(gaz):
    assert gaz.resolve("Odessa").name == "Odesa"
    assert gaz.resolve("Kharkov").name == "Kharkiv"
    assert gaz.resolve("Bombay").name == "Mumbai"
    assert gaz.resolve("Artemivsk").id == gaz.resolve("Bakhmut").id
    # a GeoNames alternate name not in any hand table
    how = dict((e.id, m) for e, m in gaz.candidates("Moskau"))
    assert how.get(gaz.resolve("Moscow").id) == "alt"


@pytest.mark.parametrize(
    ("name", "ids"), [("Korean", {"KR", "KP"}), ("Congolese", {"CD", "CG"}), ("Congo", {"CD", "CG"})]
)
def test_ambiguous_demonyms_are_left_to_the_extractor(gaz, name, ids):
    assert gaz.resolve(name) is None
    assert gaz.is_ambiguous(name)
    assert {e.id for e, _ in gaz.candidates(name)} >= ids


def test_candidates_rank_countries_before_admin1_before_small_cities(gaz):
    cands = gaz.candidates("Georgia")
    assert cands[0][0].id == "GE"
    kinds = [e.kind for e, _ in cands]
    if "admin1" in kinds and "city" in kinds:
        assert kinds.index("admin1") < kinds.index("city")
    # cities named so come by population, before cities that only have it as an alternate name
    cands = [(e, how) for e, how in gaz.candidates("Springfield") if e.kind == "city"]
    named = [e.population for e, how in cands if how == "name"]
    assert len(named) > 1 and named == sorted(named, reverse=True)
    hows = [how for _, how in cands]
    assert hows == sorted(hows, key=lambda h: h == "alt")


def test_ids_and_iso_codes_resolve(gaz):
    assert gaz.resolve("UA").id == "UA"
    assert gaz.resolve("UKR").id == "UA"
    assert gaz.resolve("city:703448").name == "Kyiv"
    assert gaz.resolve("can") is None or gaz.resolve("can").id != "CA"


@pytest.mark.parametrize("bad", ["", "   ", "x" * (MAX_QUERY_LENGTH + 1), "Qwertyuiop Asdf"])
def test_unknown_and_absurd_names(gaz, bad):
    assert gaz.resolve(bad) is None
    assert gaz.candidates(bad) == []


# -- entries ---------------------------------------------------------------------------


def test_entry_fields(gaz):
    tr = gaz.get("TR")
    assert isinstance(tr, Entry)
    assert (tr.kind, tr.iso, tr.name) == ("country", "TR", "Türkiye")
    assert gaz.get(tr.capital).name == "Ankara"
    assert 700_000 < tr.area_km2 < 850_000 and tr.population > 50_000_000
    assert gaz.demonym("TR") == "Turkish"
    assert gaz.demonym("SU") == "Soviet"
    assert gaz.get("XX") is None


def test_every_kind_is_a_scene_kind(gaz):
    kinds = {gaz.get(i).kind for i in gaz.ids() if not i.startswith("city:")}
    assert kinds <= set(PLACE_KINDS)
    assert {"country", "region", "bloc", "sea", "strait", "disputed"} <= kinds


def test_countries_are_complete(gaz):
    countries = [gaz.get(i) for i in gaz.ids() if gaz.get(i).kind == "country"]
    assert len(countries) >= 230
    for c in countries:
        assert c.iso == c.id and len(c.id) == 2
        assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180


def test_a_states_own_overseas_ground_is_a_division_of_it(gaz):
    # "French troops in Réunion" are on France's ground; the base on Guam is on US ground
    assert (gaz.resolve("Réunion").kind, gaz.resolve("Réunion").iso) == ("admin1", "FR")
    assert (gaz.resolve("Guam").kind, gaz.resolve("Guam").iso) == ("admin1", "US")
    assert (gaz.resolve("Antarctica").kind, gaz.resolve("Antarctica").iso) == ("region", None)
    # a self-governing country of a realm, and a state in free association, stay countries
    assert gaz.resolve("Greenland").kind == "country" and gaz.resolve("Cook Islands").kind == "country"


def test_capitals_are_known_for_most_countries(gaz):
    countries = [gaz.get(i) for i in gaz.ids() if gaz.get(i).kind == "country" and not gaz.get(i).members]
    with_capital = [c for c in countries if c.capital]
    assert len(with_capital) >= 210
    for c in with_capital:
        city = gaz.get(c.capital)
        assert city.kind == "city" and city.iso == c.id and city.feature_code == "PPLC"
        assert gaz.capital_country(c.capital) == c.id


# -- regions and blocs -----------------------------------------------------------------


def test_nato_members_and_headquarters(gaz):
    nato = gaz.get("bloc:nato")
    assert len(nato.members) == 32 and {"FI", "SE", "TR", "US"} <= set(nato.members)
    assert gaz.get(nato.hq).name == "Brussels"
    assert nato.as_of >= "2024-03-07" and nato.iso is None


@pytest.mark.parametrize(
    ("bloc", "count", "includes", "hq"),
    [
        ("bloc:eu", 27, {"DE", "FR", "HR"}, "Brussels"),
        ("bloc:csto", 6, {"AM", "RU"}, "Moscow"),
        ("bloc:sco", 10, {"IR", "BY"}, "Beijing"),
        ("bloc:brics", 10, {"AE", "ID", "EG"}, None),
        ("bloc:gcc", 6, {"QA"}, "Riyadh"),
        ("bloc:african-union", 55, {"MA", "EH"}, "Addis Ababa"),
        ("bloc:arab-league", 22, {"SY"}, "Cairo"),
        ("bloc:un", 193, {"SS", "US"}, "New York City"),
        ("bloc:opec", 12, {"SA"}, "Vienna"),
    ],
)
def test_bloc_members(gaz, bloc, count, includes, hq):
    entry = gaz.get(bloc)
    assert len(entry.members) == count
    assert includes <= set(entry.members)
    assert entry.as_of
    assert (gaz.get(entry.hq).name if entry.hq else None) == hq


def test_un_excludes_observers(gaz):
    un = set(gaz.get("bloc:un").members)
    assert not {"PS", "VA", "TW", "XK"} & un


def test_regions_have_members_points_and_dates(gaz):
    regions = [gaz.get(i) for i in gaz.ids() if gaz.get(i).kind == "region" and i != "AQ"]
    names = {r.name for r in regions}
    assert {
        "Middle East",
        "South Caucasus",
        "Central Asia",
        "Western Balkans",
        "Sahel",
        "Europe",
        "Africa",
        "Asia",
    } <= names
    for r in regions:
        assert r.members and r.as_of and r.iso is None
        # a state's overseas ground (Puerto Rico in the Caribbean) is a member too
        assert all(gaz.get(m) is not None and gaz.get(m).kind in ("country", "admin1") for m in r.members)
    assert set(gaz.get("region:south-caucasus").members) == {"AM", "AZ", "GE"}
    assert "RU" in gaz.get("region:europe").members


def test_group_file_refers_to_known_places():
    groups = json.loads((DATA_DIR / "groups.json").read_text(encoding="utf-8"))["groups"]
    gaz = load_gazetteer()
    for g in groups:
        if isinstance(g["members"], list):
            unknown = [m for m in g["members"] if gaz.get(m) is None]
            assert not unknown, (g["id"], unknown)
            assert len(set(g["members"])) == len(g["members"]), g["id"]
        if "hq" in g:
            assert gaz.get(g["hq"]).kind == "city", g["id"]


def test_alias_file_targets_exist():
    gaz = load_gazetteer()
    with open(DATA_DIR / "aliases.tsv", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")][1:]
    for row in rows:
        for target in row[1].split(","):
            assert gaz.get(target) is not None, row


# -- forms, geometry, loading ---------------------------------------------------------------


def test_forms_table_shape(gaz):
    forms = gaz.forms()
    assert len(forms) > 100_000
    assert forms["turkish"][0] == Form("TR", "demonym", None)
    assert forms["us"][0].id == "US" and forms["us"][0].exact == "US"
    assert forms["nato"][0].exact == "NATO"
    assert forms["kiev"][0].id == forms["kyiv"][0].id
    assert all(k == fold_name(k) for k in list(forms)[:2000])
    # ISO codes that are English words are not surface forms
    assert "can" not in forms or all(f.id != "CA" for f in forms["can"])


def test_geometry_of_regions_is_the_union_of_members(gaz):
    assert gaz.get("AM").has_polygon, "the shapes data in geo/data is missing"
    sc = gaz.geometry("region:south-caucasus")
    assert sc is not None and sc.contains(gaz.geometry("AM").representative_point())
    assert gaz.geometry("city:703448") is None
    su = gaz.geometry("SU")
    assert su is not None and su.intersects(gaz.geometry("UA"))


def test_points_lie_inside_their_shapes(gaz):
    import shapely

    for pid in ("UA", "US", "sea:black-sea", "disputed:donbas", "bloc:nato", "region:middle-east"):
        entry = gaz.get(pid)
        assert entry.has_polygon, pid
        assert gaz.geometry(pid).buffer(0.05).contains(shapely.Point(entry.lon, entry.lat)), pid


def test_build_gazetteer_matches_the_cached_one(gaz):
    fresh = build_gazetteer(DATA_DIR)
    assert len(fresh) == len(gaz) and fresh is not gaz
    assert load_gazetteer() is gaz


def test_import_loads_nothing():
    code = (
        "import sys, geo.gazetteer as g\n"
        "assert g.load_gazetteer.cache_info().currsize == 0\n"
        "assert 'pycountry' not in sys.modules and 'shapely' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_committed_names_data_is_small():
    names = ["countries.tsv", "cities.tsv.gz", "city_forms.tsv.gz", "aliases.tsv", "extra_places.tsv", "groups.json"]
    total = sum((DATA_DIR / n).stat().st_size for n in names)
    assert total < 2_200_000, total


@pytest.mark.parametrize("word", ["Northern", "Central", "Centre", "Western", "Coast", "Plateau", "North-West"])
def test_everyday_words_are_not_admin1_or_city_forms(gaz, word):
    assert all(e.kind not in ("admin1", "city") for e, _ in gaz.candidates(word))


@pytest.mark.parametrize("abbrev", ["AZ", "Ariz.", "Calif.", "IX"])
def test_shape_abbreviations_are_not_forms(gaz, abbrev):
    assert all(e.kind != "admin1" for e, _ in gaz.candidates(abbrev))


def test_admin1_units_resolve_by_name_when_not_shadowed(gaz):
    assert gaz.get("admin1:US-AZ") is not None, "the admin-1 data in geo/data is missing"
    assert gaz.resolve("Arizona").id == "admin1:US-AZ"
    assert gaz.resolve("Kherson").kind == "admin1"  # the city (under 500,000) comes second
    assert [e.kind for e, _ in gaz.candidates("Kherson")][:2] == ["admin1", "city"]
    assert gaz.resolve("Donetsk").kind == "city"  # a major city outranks its oblast


def test_an_alternate_name_does_not_lift_a_big_city_above_the_namesake(gaz):
    # Harare's GeoNames alternate names include its colonial name, Salisbury
    first, how = gaz.candidates("Salisbury")[0]
    assert how == "name" and first.name == "Salisbury"
    assert any(e.name == "Harare" and m == "alt" for e, m in gaz.candidates("Salisbury"))


def test_airfields_answer_to_their_core_names_only_where_no_other_place_does(gaz):
    assert [e.id for e, _ in gaz.candidates("Ohakea")] == ["other:airfield-NZOH"]
    assert gaz.get("other:airfield-NZOH").iso == "NZ" and gaz.is_minor("other:airfield-NZOH")
    # small towns too: the Abkhaz town of Ochamchire, kept as text until asked for
    town = gaz.resolve("Ochamchire")
    assert town is not None and town.kind == "city" and town.iso == "GE" and 5000 <= town.population < 15000
    # a city keeps its name: Manas is the Kyrgyz town, the airport of Bishkek is no reading of it
    assert all(not e.id.startswith("other:airfield-") for e, _ in gaz.candidates("Manas"))
    assert not gaz.candidates("International")


def test_a_village_of_cities1000_is_a_small_town_under_its_own_name(gaz):
    # Sevkar, a village of some 2,000 people on Armenia's border with Azerbaijan, listed in GeoNames'
    # cities1000 only: a small town, named by its own form alone
    assert [e.id for e, _ in gaz.candidates("Sevkar")] == ["city:616244"]
    village = gaz.get("city:616244")
    assert village.name == "Sevkar" and village.iso == "AM" and 1000 <= village.population < 5000
    assert gaz.is_minor("city:616244")
    # asked for by id before any form names it (the towns' lines are indexed by id on demand)
    fresh = build_gazetteer()
    assert fresh.is_minor("city:616244") and fresh.get("city:616244").name == "Sevkar"
    assert not fresh.is_minor("city:703448")  # Kyiv is a city of the main table


def test_the_airfield_table_is_built_from_its_package():
    from scripts.build_airfields import core_names

    assert core_names("RNZAF Base Ohakea") == ["Ohakea"]
    assert core_names("Harstad/Narvik Airport Evenes") == ["Evenes"]
    assert core_names("U-Tapao International Airport") == ["U-Tapao"]
    assert core_names("International Airport") == []  # no core of its own


# -- named islands and lakes (features.tsv) -------------------------------------------


def _feature_rows() -> dict[str, list[str]]:
    lines = (DATA_DIR / "features.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert rows[0] == ["id", "name", "kind", "iso", "lat", "lon", "alt_names"]
    return {r[1]: r for r in rows[1:]}


def test_features_table_names_its_source():
    head = [line for line in (DATA_DIR / "features.tsv").read_text(encoding="utf-8").splitlines() if line[0] == "#"]
    assert any("r-cran-maps" in line and "GPL-2" in line for line in head)
    assert "features.tsv" in (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    kinds = {r[2] for r in _feature_rows().values()}
    assert kinds <= set(PLACE_KINDS) and kinds == {"other"}


@pytest.mark.parametrize(
    ("name", "iso", "lat", "lon"),
    [
        ("Kyushu", "JP", 32.5, 131.1),
        ("Kunashir", None, 44.1, 145.8),
        ("Iturup", None, 45.0, 147.6),
        ("Lake Baikal", "RU", 53.6, 108.2),
    ],
)
def test_islands_and_lakes_resolve_from_the_table(gaz, name, iso, lat, lon):
    row = _feature_rows()[name]
    e = gaz.resolve(name)
    assert e is not None and e.id == row[0] == "other:feature-" + fold_name(name).replace(" ", "-")
    assert e.kind == "other" and e.iso == iso == (row[3] or None)
    assert abs(e.lat - lat) < 0.3 and abs(e.lon - lon) < 0.3
    assert gaz.resolve("Ostrov Kunashir").id == "other:feature-kunashir"  # the source's own form is an alias


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Jersey", "JE"),
        ("Georgia", "GE"),
        ("Victoria", "city:1931681"),
        ("Chad", "TD"),
        ("Sakhalin", "other:sakhalin"),
        ("Christmas Island", "CX"),
        ("Crete", "admin1:GR-M"),
        ("Lake Chad", "other:lake-chad"),
    ],
)
def test_a_feature_never_shadows_an_earlier_reading(gaz, name, first):
    assert name in _feature_rows() or name in ("Jersey", "Georgia", "Victoria", "Chad")
    readings = [e.id for e, _ in gaz.candidates(name)]
    assert readings[0] == first and not any(r.startswith("other:feature-") for r in readings)


def test_features_change_no_reading_of_the_other_tables(tmp_path):
    with_features = build_gazetteer()
    for f in DATA_DIR.iterdir():
        if f.name != "features.tsv":
            (tmp_path / f.name).symlink_to(f)
    without = build_gazetteer(tmp_path)
    assert not any(i.startswith("other:feature-") for i in without.ids())
    for key in without.forms():
        a, b = without.resolve(key), with_features.resolve(key)
        assert (a and a.id) == (b and b.id), key


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Ituri", "CD"),
        ("Tshopo", "CD"),
        ("Puntland", "SO"),
        ("Galmudug", "SO"),
        ("Kordofan", "SD"),
        ("Tromelin", "FR"),
        # contested ground of the Himalayan frontier, the Afghan border and the Arakan war
        ("Depsang", "IN"),
        ("Pangong Lake", "IN"),
        ("North Waziristan", "PK"),
        ("Kurram", "PK"),
        ("Maungdaw", "MM"),
        ("Kyaukphyu", "MM"),
    ],
)
def test_provinces_and_islands_natural_earth_lacks_are_known(gaz, name, iso):
    entry = gaz.resolve(name)
    assert entry is not None and entry.iso == iso, entry
