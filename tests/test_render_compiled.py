"""The compiled style (converter/render/compiled/) renders what the chain of patched methods renders.

Each test parses the same style twice, compiled and not (the switch), and compares whole outputs:
notes and bibliographies of the seed and of biblatex-examples in every bundled style, plain text
and HTML. The chain digests must be the ones the compiled code was written for."""
from __future__ import annotations

from functools import cache
from io import BytesIO
from itertools import combinations, product
from pathlib import Path

import pytest
from citeproc import model

from converter.model import Origin
from converter.pipeline import read_text
from converter.render import compiled, engine
from converter.render.compiled import flow
from converter.render.notes import prepare
from converter.render.styles import bundled, find_style, safe_bytes
from converter.report import Report

engine.fixes.apply_all()
ROOT = Path(__file__).resolve().parents[1]
SEED = "fixtures/seed/dundovich-2020.gold.json"
BIBLATEX = "fixtures/corpora/biblatex-examples.bib"


@cache
def document(path: str, fmt: str):
    return read_text((ROOT / path).read_text("utf-8"), fmt, origin=Origin(path), report=Report())


def _style(name: str, on: bool, locale: str = "en-US"):
    with compiled.enabled(on):
        return engine.load_style(safe_bytes(find_style(name)), locale)


def _outputs(name: str, path: str, fmt_in: str, fmt: str, on: bool, locale: str = "en-US") -> tuple[list, list]:
    doc = document(path, fmt_in)
    report = Report()
    style = _style(name, on, locale)
    assert bool(style.root.__dict__.get("_compiled_elements")) is on
    bibliography = engine.render_bibliography(style, engine.Items(doc.csl_items(), report), fmt=fmt, report=report)
    notes = [note for note in prepare(doc, report) if note.cites]
    clusters = [[engine.Cite(**cite) for cite in note.cites] for note in notes]
    cited = engine.render_clusters(_style(name, on, locale), engine.Items(doc.csl_items(), report), clusters,
                                   fmt=fmt, report=report) if clusters else []
    return bibliography, cited


def test_chain_digests_are_those_the_compiled_code_was_written_for():
    # A failure here: a method a compiled element merges was changed or wrapped (see
    # converter/render/compiled/fingerprint.py). Check the compiled function against the new chain,
    # then record its digest in compiled.DIGESTS; until then that kind renders through the chain.
    assert {kind: compiled.chain_digest(kind) for kind in compiled.DIGESTS} == compiled.DIGESTS


@pytest.mark.parametrize("name", bundled())
def test_seed_renders_the_same_compiled(name):
    assert _outputs(name, SEED, "notes-json", "text", on=True) == _outputs(name, SEED, "notes-json", "text", on=False)


@pytest.mark.parametrize("name", ["chicago-notes-bibliography", "apa"])
def test_biblatex_examples_render_the_same_compiled(name):
    on = _outputs(name, BIBLATEX, "biblatex", "text", on=True)
    assert on == _outputs(name, BIBLATEX, "biblatex", "text", on=False)
    assert len(on[0]) > 50


@pytest.mark.parametrize(("fmt", "locale"), [("html", "en-US"), ("markdown", "de-DE")])
def test_formats_and_locales_render_the_same_compiled(fmt, locale):
    args = ("chicago-notes-bibliography", SEED, "notes-json", fmt)
    assert _outputs(*args, on=True, locale=locale) == _outputs(*args, on=False, locale=locale)


def _compiled(name: str) -> list:
    return _style(name, True).root.__dict__["_compiled_elements"]


def test_every_compiled_kind_is_compiled_in_chicago():
    kinds = {type(element) for element in _compiled("chicago-notes-bibliography")}
    assert kinds == {cls for cls, _, _ in compiled.kinds().values()} and len(kinds) == 7


def test_switch_off_by_environment(monkeypatch):
    monkeypatch.setenv("BIBCONV_COMPILED", "0")
    assert not compiled.is_enabled()
    style = engine.load_style(safe_bytes(find_style("apa")), "en-US")
    assert style.root.__dict__["_compiled_elements"] == []
    assert not any("render" in element.__dict__ for element in style.root.iter()
                   if element.get("display") is None)


def test_changed_chain_is_not_compiled(monkeypatch):
    # A fix wrapping a method the compiled cs:text and cs:group merge: those kinds fall back.
    original = model.Formatted.format

    def format(self, string):
        return original(self, string)
    monkeypatch.setattr(model.Formatted, "format", format)
    kinds = {type(element) for element in _compiled("chicago-notes-bibliography")}
    assert model.Text not in kinds and model.Group not in kinds and model.Macro in kinds


CSL = "http://purl.org/net/xbiblio/csl"
DISPLAY_STYLE = f"""<style xmlns="{CSL}" version="1.0" class="in-text">
<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><group delimiter=". "><text variable="title" font-style="italic" text-case="title"
 quotes="true" prefix="[" suffix="]" strip-periods="true"/><text value="Annotated" display="block"/>
<text term="edition" form="short" text-case="capitalize-first"/></group></layout></bibliography></style>"""


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_attributes_set_on_every_step_render_the_same(fmt):
    items = [{"id": "a", "type": "book", "title": "the life of a.b. smith: 'a study'", "language": "en"},
             {"id": "b", "type": "book", "title": "une vie", "language": "fr"}]
    outputs = []
    for on in (True, False):
        with compiled.enabled(on):
            style = engine.load_style(DISPLAY_STYLE.encode(), "en-US")
        displayed = [element for element in style.root.iter() if element.get("display")]
        assert displayed and all(element not in style.root.__dict__["_compiled_elements"] for element in displayed)
        outputs.append(engine.render_bibliography(style, engine.Items(items), fmt=fmt, report=Report()))
    assert outputs[0] == outputs[1]
    assert "[" in outputs[0][0]


def test_parsed_once_per_style_object():
    # The compiled renders belong to the elements of one parsed style, not to its class.
    style = _style("apa", True)
    other = engine.load_style(safe_bytes(find_style("apa")), "en-US")
    assert style.root.__dict__["_compiled_elements"][0] is not other.root.__dict__["_compiled_elements"][0]


SUBSTITUTING_STYLE = f"""<style xmlns="{CSL}" version="1.0" class="note">
<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
<macro name="editors"><names variable="editor"><name/><label prefix=", "/></names></macro>
<citation><layout><names variable="author"/><text variable="title" form="short" prefix=", "/></layout></citation>
<bibliography subsequent-author-substitute="———"{{rule}}><layout suffix=".">
<group delimiter=". ">{{lead}}<names variable="author"><name/>
<substitute><text macro="editors"/><text variable="title"/></substitute></names>
<text variable="title"/><text macro="editors"/><names variable="editor translator" prefix="with "/>
<names variable="recipient container-author"/></group></layout></bibliography></style>"""
SUBSTITUTED_ITEMS = [
    {"id": "a", "type": "book", "title": "One: A Study", "title-short": "One",
     "author": [{"family": "Smith", "given": "Ann"}]},
    {"id": "b", "type": "book", "title": "Two", "author": [{"family": "Smith", "given": "Ann"}]},
    {"id": "c", "type": "book", "title": "Three", "editor": [{"family": "Jones", "given": "Bo"}]},
    {"id": "d", "type": "book", "title": "Four", "editor": [{"family": "Jones", "given": "Bo"}]},
    {"id": "e", "type": "book", "title": "Five"},
    {"id": "f", "type": "book", "title": "Five"},
    {"id": "g", "type": "book", "title": "Six", "translator": [{"family": "Weiss", "given": "Cy"}]},
]


@pytest.mark.parametrize("rule", ["", ' subsequent-author-substitute-rule="partial-first"'])
@pytest.mark.parametrize("lead", ["", '<names variable="translator"/>'])
def test_names_that_render_nothing_keep_substitution_state(rule, lead):
    # A first cs:names that shows nothing is the one subsequent-author-substitute compares (and
    # nothing is replaced); without it, the author (or the substitute's editors, title) is.
    outputs = []
    for on in (True, False):
        with compiled.enabled(on):
            source = SUBSTITUTING_STYLE.replace("{rule}", rule).replace("{lead}", lead)
            style = engine.load_style(source.encode(), "en-US")
        kinds = {type(element) for element in style.root.__dict__["_compiled_elements"]}
        assert (model.Names in kinds) is on
        report = Report()
        items = engine.Items(SUBSTITUTED_ITEMS, report)
        outputs.append((engine.render_bibliography(style, items, fmt="text", report=report),
                        engine.render_clusters(style, items, [[engine.Cite(id="a")], [engine.Cite(id="e")]],
                                               fmt="text", report=report)))
    assert outputs[0] == outputs[1]
    assert any("———" in entry for entry in outputs[0][0]) == (not lead)
    assert outputs[0][1][0].endswith(", One") and sum("Five" in entry for entry in outputs[0][0]) <= 2


CONDITION_TYPES = ["book", "chapter", "article-journal"]
CONDITION_VARIABLES = ["title", "editor", "container-title", "locator", "page"]


@cache
def _conditions_bibliography():
    """A registered bibliography of real citeproc-py items: every type, with and without each
    variable, cited with and without a locator."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
    from citeproc.formatter import plain
    from citeproc.source.json import CiteProcJSON

    data, cites = [], []
    for index, kind in enumerate(CONDITION_TYPES * 4):
        fields = {"title": "T", "editor": [{"family": "E"}], "container-title": "C", "page": "1"}
        kept = {name: value for position, (name, value) in enumerate(fields.items()) if (index >> position) & 1}
        data.append({"id": f"c{index}", "type": kind, **kept})
    style = _style("apa", True)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(data), plain)
    for entry in data:
        for with_locator in (False, True):
            cite = CitationItem(entry["id"], **({"locator": Locator("page", "4")} if with_locator else {}))
            bibliography.register(Citation([cite]))
            cites.append(cite)
    return cites


def _shape_answer(how, what, cite) -> bool:
    """The answer of a compiled cs:choose for a branch of this shape (flow._test_shape)."""
    if how == flow._TYPE_IN:
        return cite.reference.type in what
    if how in (flow._FIELD_IN, flow._FIELD_OUT):
        return (what in cite.reference) is (how == flow._FIELD_IN)
    return what(cite, cite.reference)


def _subsets(values: list[str], most: int) -> list[tuple[str, ...]]:
    return [combo for size in range(most + 1) for combo in combinations(values, size)]


@pytest.mark.parametrize("match", [None, "all", "any", "none"])
def test_compiled_conditions_answer_as_the_tests(match):
    from citeproc.frontend import CitationStylesXML

    from converter.render.fixes import condition_reevaluation

    for types, variables in product(_subsets(CONDITION_TYPES, 2), _subsets(CONDITION_VARIABLES, 2)):
        attributes = "".join(f' {name}="{" ".join(values)}"' for name, values
                             in (("type", types), ("variable", variables)) if values)
        attributes += f' match="{match}"' if match else ""
        source = f'<style xmlns="{CSL}" version="1.0"><macro name="m"><choose><if{attributes}/></choose></macro>'
        branch = CitationStylesXML(BytesIO(f"{source}</style>".encode()), validate=False).root[0][0][0]
        test = condition_reevaluation._compiled_test(branch)
        assert test is not None
        how, what = flow._test_shape(branch, test)  # as the compiled cs:choose answers each shape
        for cite in _conditions_bibliography():
            holds = condition_reevaluation._holds(branch, cite, None)
            assert test(cite, cite.reference) == holds, attributes
            assert _shape_answer(how, what, cite) == holds, attributes


def test_kept_layouts_are_the_xpath_answers():
    from converter.render.fixes import repeated_xpath_queries

    style = _style("chicago-notes-bibliography", True)
    elements = [*style.root.iter(), *style.root.locales[0].iter()]
    raised = 0
    for element in elements:
        for _ in range(2):  # the second answer is the kept one
            try:
                expected = element.xpath("./ancestor-or-self::cs:layout[1]", namespaces=element.nsmap)[0]
            except IndexError:
                with pytest.raises(IndexError):
                    element.get_layout()
                raised += 1
                continue
            assert element.get_layout() is expected
    assert raised and type(style.root).get_layout is repeated_xpath_queries._get_layout


DATED_STYLE = f"""<style xmlns="{CSL}" version="1.0" class="in-text">
<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
<macro name="year"><date variable="issued" form="numeric" date-parts="year"/></macro>
<macro name="when"><group delimiter=" "><text value="on"/><date variable="event-date" form="text"
 prefix="(" suffix=")"/></group><date variable="accessed" form="text" date-parts="year-month"/></macro>
<citation disambiguate-add-year-suffix="true"><layout delimiter="; "><group delimiter=" ">
<names variable="author"><name form="short"/><substitute><text variable="title"/></substitute></names>
<text macro="year"/></group></layout></citation>
<bibliography><sort><key macro="year"/><key macro="when"/><key variable="title"/></sort>
<layout suffix="."><group delimiter=". "><date variable="original-date" form="text" date-parts="year"/>
<names variable="author"><name/><substitute><date variable="issued" form="text"/></substitute></names>
<text variable="title"/><date variable="issued" form="numeric" suffix=";"/><text macro="when"/>
<group delimiter=", "><text value="seen"/><date variable="accessed" form="numeric" date-parts="year-month"/>
</group></group></layout></bibliography></style>"""
DATED_ITEMS = [
    {"id": "a", "type": "book", "title": "One", "author": [{"family": "Smith"}],
     "issued": {"date-parts": [[1984, 3, 2]]}},
    {"id": "b", "type": "book", "title": "Two", "author": [{"family": "Smith"}], "issued": {"date-parts": [[1984]]},
     "event-date": {"date-parts": [[1983, 5], [1983, 7]]}},
    {"id": "c", "type": "book", "title": "Three", "issued": {"date-parts": [[1990, 14]]},
     "original-date": {"date-parts": [[-44, 3, 15]]}},
    {"id": "d", "type": "book", "title": "Four", "issued": {"literal": "Han Dynasty"},
     "accessed": {"date-parts": [[2020, 1, 31]]}},
    {"id": "e", "type": "book", "title": "Five", "author": [{"family": "Jones"}], "issued": {"raw": "1975-06"},
     "event-date": {"date-parts": [[1974, 12, 30]]}, "original-date": {"date-parts": [[876]]}},
    {"id": "f", "type": "book", "title": "Six", "author": [{"family": "Jones"}], "issued": {"date-parts": [[1975]]}},
    {"id": "g", "type": "book", "title": "Seven", "issued": {"date-parts": [[1910], [1920]]},
     "submitted": {"date-parts": [[1911, 1, 1]]}},
    {"id": "h", "type": "book", "title": "Eight", "issued": {"date-parts": [[2001, 1, 1]]},
     "submitted": {"date-parts": [[2000, 11, 3]]}, "accessed": {"date-parts": [[2002, 2]]}},
]


# A cs:date whose date-part changes the locale's (its attributes copied in while it renders).
OVERRIDING_DATE = '<date variable="submitted" form="text"><date-part name="month" form="short" suffix=". "/></date>'


@pytest.mark.parametrize(("fmt", "locale", "overriding"), [("text", "en-US", False), ("html", "en-US", False),
                                                           ("text", "fr-FR", False), ("text", "en-US", True),
                                                           ("text", "de-DE", True)])
def test_dates_render_the_same_compiled(fmt, locale, overriding):
    # Dates present, missing, suppressed by a substitute, ranges, seasons, literal, before Christ,
    # with year suffixes, first in an entry, in sort keys, in locales with other date-parts and
    # after a cs:date that changes the locale's: compiled and not, the same outputs.
    source = DATED_STYLE.replace('<text macro="when"/>', '<text macro="when"/>' + OVERRIDING_DATE) if overriding \
        else DATED_STYLE
    outputs = []
    for on in (True, False):
        with compiled.enabled(on):
            style = engine.load_style(source.encode(), locale)
        kinds = {type(element) for element in style.root.__dict__["_compiled_elements"]}
        assert (model.Date in kinds) is on
        report = Report()
        items = engine.Items(DATED_ITEMS, report)
        clusters = [[engine.Cite(id=item["id"])] for item in DATED_ITEMS]
        outputs.append((engine.render_bibliography(style, items, fmt=fmt, report=report),
                        engine.render_clusters(style, items, clusters, fmt=fmt, report=report)))
    assert outputs[0] == outputs[1]
    bibliography, cites = outputs[0]
    assert len(bibliography) == len(DATED_ITEMS) and any("1984a" in cite or "1984b" in cite for cite in cites)


@cache
def _tested_cites():
    """Registered cites whose items have each tested variable or not, numeric or not, dates
    uncertain or not, with a locator of either label or none."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
    from citeproc.formatter import plain
    from citeproc.source.json import CiteProcJSON

    data, cites = [], []
    values = [{}, {"edition": "2", "issued": {"date-parts": [[1900]], "circa": True}},
              {"edition": "second", "volume": "4a", "issued": {"date-parts": [[1900]]}, "title": "T"},
              {"volume": "IV", "issued": {"literal": "ca. 1900"}, "event-date": {"date-parts": [[1901]], "circa": 1}}]
    for index, fields in enumerate(values * 2):
        data.append({"id": f"t{index}", "type": CONDITION_TYPES[index % 3], **fields})
    bibliography = CitationStylesBibliography(_style("apa", True), CiteProcJSON(data), plain)
    for entry in data:
        for label in (None, "page", "chapter"):
            cite = CitationItem(entry["id"], **({"locator": Locator(label, "4")} if label else {}))
            bibliography.register(Citation([cite]))
            cites.append(cite)
    return cites


@pytest.mark.parametrize("match", [None, "all", "any", "none"])
def test_compiled_answers_are_the_tests(match):
    # Branches testing is-numeric, is-uncertain-date or locator (with type and variable or not):
    # the compiled answer is _holds's, for every cite.
    from citeproc.frontend import CitationStylesXML

    from converter.render.fixes import condition_reevaluation

    tested = {"type": ["book", "chapter"], "variable": ["title", "locator"], "is-numeric": ["edition", "volume"],
              "is-uncertain-date": ["issued", "event-date"], "locator": ["page", "chapter"]}
    compiled_branches = 0
    for chosen in product(*[_subsets(values, 2)[:4] for values in tested.values()]):
        attributes = "".join(f' {name}="{" ".join(values)}"' for name, values in zip(tested, chosen, strict=True)
                             if values)
        if not any(name in attributes for name in (" is-numeric", " is-uncertain-date", " locator=")):
            continue
        attributes += f' match="{match}"' if match else ""
        source = f'<style xmlns="{CSL}" version="1.0"><macro name="m"><choose><if{attributes}/></choose></macro>'
        branch = CitationStylesXML(BytesIO(f"{source}</style>".encode()), validate=False).root[0][0][0]
        test = condition_reevaluation._compiled_test(branch)
        assert test is not None, attributes
        compiled_branches += 1
        how, what = flow._test_shape(branch, test)
        for cite in _tested_cites():
            holds = condition_reevaluation._holds(branch, cite, None)
            assert bool(test(cite, cite.reference)) == bool(holds), (attributes, cite.key)
            assert bool(_shape_answer(how, what, cite)) == bool(holds), (attributes, cite.key)
    assert compiled_branches > 100
