"""fixes/name_option_lookups: a cs:name's kept options and cs:name-part children are what
citeproc-py's own methods answer, for every cs:name of every bundled style and each context."""
from __future__ import annotations

import pytest
from citeproc import model

from converter.render import engine
from converter.render.compiled.fingerprint import _functions
from converter.render.fixes import apply_all
from converter.render.fixes import name_option_lookups as lookups
from converter.render.styles import bundled, find_style, safe_bytes

# Every option Name.process and the fixes around it read (citeproc-py's names).
OPTIONS = ("and", "delimiter", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
           "et-al-use-first", "et-al-subsequent-min", "et-al-subsequent-use-first", "et-al-use-last",
           "initialize-with", "initialize-with-hyphen", "name-as-sort-order", "sort-separator", "form",
           "demote-non-dropping-particle")


def _answer(get_option, name, option, context, sort_options=None):
    try:
        return get_option(name, option, context, sort_options)
    except Exception as error:  # the same failure is part of the same answer
        return type(error)


def _contexts(root):
    """None (the cs:name itself) and one element inside each of the style's layouts."""
    return [None, *(layout for layout in root.iter() if isinstance(layout, model.Layout))]


# One style of each family bundled (the 17th editions and shortened notes are Chicago's twins).
STYLES = [name for name in bundled() if "17th" not in name and "shortened" not in name]


@pytest.mark.parametrize("style_name", STYLES)
def test_kept_options_are_citeproc_pys(style_name):
    apply_all()
    root = engine.load_style(safe_bytes(find_style(style_name)), "en-US").root
    names = [element for element in root.iter() if type(element) is model.Name]
    assert names
    differ_by_context = 0
    for name in names:
        for option in OPTIONS:
            answers = set()
            for context in _contexts(root):
                expected = _answer(lookups._original_get_option, name, option, context)
                for _ in range(2):  # the second answer is the kept one
                    assert _answer(lookups._get_option, name, option, context) == expected, (option, context)
                answers.add(repr(expected))
                # A sort key's options are read from the sort key, never from what is kept.
                sort_options = {option: "3"} if option.startswith("et-al") else {option: "all"}
                assert (_answer(lookups._get_option, name, option, context, sort_options)
                        == _answer(lookups._original_get_option, name, option, context, sort_options))
            differ_by_context += len(answers) > 1
    if style_name.startswith("chicago-notes"):
        # A cs:name in a macro takes the citation's or the bibliography's options by context.
        assert differ_by_context


def test_kept_name_parts_follow_the_children():
    apply_all()
    root = engine.load_style(safe_bytes(find_style("chicago-notes-bibliography")), "en-US").root
    name = next(element for element in root.iter() if type(element) is model.Name)
    before = lookups._original_findall(name, lookups.NAME_PART_PATH, name.nsmap)
    first = name.findall(lookups.NAME_PART_PATH, name.nsmap)
    assert first == before and first is not name.findall(lookups.NAME_PART_PATH, name.nsmap)
    part = name.makeelement(name.tag.replace("}name", "}name-part"), {"name": "family"})
    assert type(part) is model.Name_Part
    name.append(part)
    try:
        assert name.findall(lookups.NAME_PART_PATH, name.nsmap) == [*before, part]
    finally:
        name.remove(part)
    assert name.findall(lookups.NAME_PART_PATH, name.nsmap) == before


def test_every_wrapper_still_sees_the_kept_options():
    apply_all()
    reachable = list(_functions(model.Name.get_option, set()))
    assert lookups._get_option in reachable and reachable[0] is not lookups._get_option
