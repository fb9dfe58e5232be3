"""The compiled cs:name and cs:names (converter/render/compiled/name.py, names.py) render what the
chain renders, under the name options, the subsequent-author-substitute rules and the
disambiguation a style may ask for: each style is parsed compiled and not, and the whole outputs
(bibliography and citations) compared."""
from __future__ import annotations

import pytest
from citeproc import model

from converter.render import compiled, engine
from converter.report import Report

engine.fixes.apply_all()
CSL = "http://purl.org/net/xbiblio/csl"
STYLE = f"""<style xmlns="{CSL}" version="1.0" class="in-text" {{style_options}}>
<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
<macro name="author"><names variable="author"><name {{name}}>{{parts}}</name>{{et_al}}
<label form="short" prefix=", " {{label}}/>
<substitute>{{guest}}<names variable="editor"/><text variable="title"/></substitute></names></macro>
<citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" disambiguate-add-givenname="true"
 disambiguate-add-year-suffix="true" givenname-disambiguation-rule="{{rule}}">
<layout delimiter="; "><group delimiter=" "><text macro="author"/>
<date variable="issued"><date-part name="year"/></date></group></layout></citation>
<bibliography subsequent-author-substitute="———" subsequent-author-substitute-rule="{{sas}}">
<sort><key macro="author"/><key variable="title"/></sort><layout suffix=".">
<group delimiter=". "><text macro="author"/><text variable="title" font-style="italic"/>
<names variable="translator editor" delimiter="; "><name {{name}}/><label form="verb" prefix=" ("
 suffix=")" text-case="capitalize-first"/></names>
<names variable="container-author recipient"><label form="verb" suffix=" "/><name and="symbol"
 initialize-with="." font-variant="small-caps" prefix="[" suffix="]"/></names></group></layout></bibliography>
</style>"""


def _person(family: str, given: str | None = None, **parts: str) -> dict[str, str]:
    return {"family": family, **({"given": given} if given else {}), **parts}


PEOPLE = [_person("Smith", "Ann Marie"), _person("Smith", "Bob"), _person("Gennep", "Arnold", **{
    "non-dropping-particle": "van"}), _person("Humboldt", "Alexander", **{"dropping-particle": "von"}),
    _person("King", "Martin Luther", suffix="Jr."), {"literal": "World Health Organization"},
    _person("Jean-Paul", "Sartre-Marie"), _person("Čičerin"), _person("Lee", "K.K.")]
ITEMS = [
    {"id": f"i{index}", "type": "book", "title": f"Title {index % 4}", "issued": {"date-parts": [[2000 + index % 2]]},
     **({"author": PEOPLE[index % len(PEOPLE):][:count]} if count else {}),
     **({"editor": PEOPLE[:2]} if index % 3 == 0 else {}), **({"translator": PEOPLE[:2]} if index % 5 == 0 else {}),
     **({"container-author": PEOPLE[2:2 + index % 4]} if index % 2 else {})}
    for index, count in enumerate([1, 1, 2, 2, 3, 4, 7, 0, 1, 9, 5, 2, 0, 3, 1, 1, 2, 8])
]
NAMES = [
    'and="text" delimiter-precedes-last="always" name-as-sort-order="first" initialize="false"',
    'and="symbol" et-al-min="3" et-al-use-first="1" delimiter-precedes-et-al="after-inverted-name" '
    'delimiter-precedes-last="after-inverted-name" name-as-sort-order="all"',
    'and="text" form="short" initialize-with=". " et-al-min="5" et-al-use-first="3" et-al-use-last="true"',
    'initialize-with="" sort-separator=" " demote-non-dropping-particle="never" name-as-sort-order="all" '
    'delimiter="; " delimiter-precedes-et-al="never" et-al-min="4" et-al-use-first="2"',
    'form="count"',
    'and="text" et-al-min="2" et-al-use-first="1" delimiter-precedes-et-al="always" font-style="italic" prefix="(" '
    'suffix=")"',
]
PARTS = ['', '<name-part name="family" text-case="uppercase"/><name-part name="given" font-weight="bold"/>']
ET_AL = ['', '<et-al term="and others" font-style="italic"/>']


def _outputs(source: str, on: bool, fmt: str = "text") -> tuple[list[str], list[str]]:
    with compiled.enabled(on):
        style = engine.load_style(source.encode(), "en-US")
    kinds = {type(element) for element in style.root.__dict__["_compiled_elements"]}
    assert (model.Name in kinds) is on
    report = Report()
    items = engine.Items(ITEMS, report)
    bibliography = engine.render_bibliography(style, items, fmt=fmt, report=report)
    clusters = [[engine.Cite(id=item["id"])] for item in ITEMS] + [[engine.Cite(id="i1"), engine.Cite(id="i2")]]
    return bibliography, engine.render_clusters(style, items, clusters, fmt=fmt, report=report)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("parts", "et_al", "label"), [(PARTS[0], ET_AL[0], ""),
                                                       (PARTS[1], ET_AL[1], 'plural="always" strip-periods="true"')])
def test_name_options_render_the_same_compiled(name, parts, et_al, label):
    source = (STYLE.replace("{name}", name).replace("{parts}", parts).replace("{et_al}", et_al)
              .replace("{label}", label)
              .replace("{rule}", "by-cite").replace("{sas}", "complete-all")
              .replace("{style_options}", 'initialize-with=". " initialize="false"').replace("{guest}", ""))
    on = _outputs(source, True)
    assert on == _outputs(source, False)
    assert len(on[0]) == len(ITEMS) and any("———" in entry for entry in on[0])


@pytest.mark.parametrize("sas", ["complete-all", "complete-each", "partial-each", "partial-first"])
@pytest.mark.parametrize("rule", ["by-cite", "all-names-with-initials", "primary-name"])
@pytest.mark.parametrize(("fmt", "guest"), [("text", ""), ("html", '<names variable="guest"><name/></names>')])
def test_substitution_and_disambiguation_render_the_same_compiled(sas, rule, fmt, guest):
    # A cs:names with a cs:name of its own first in the substitute decides an entry's first names.
    source = (STYLE.replace("{name}", NAMES[0]).replace("{parts}", "").replace("{et_al}", "")
              .replace("{rule}", rule).replace("{sas}", sas).replace("{style_options}", "").replace("{guest}", guest)
              .replace("{label}", ""))
    on = _outputs(source, True, fmt)
    assert on == _outputs(source, False, fmt)
    assert len(set(on[1])) > len(ITEMS) // 2
