"""cs:name compiled: the name list of one variable, rendered without asking its options anew.

The chain (see `chain`) a cs:name renders through is: fixes/cite_collapse's name render, which
notes that a name was rendered; fixes/subsequent_author_substitute's `name_render`, which keeps
the text of an entry's first names and puts the substitute in their place when they are the
previous entry's; CitationStylesElement.render; then Name.process, wrapped by
fixes/delimiter_after_inverted_name (resolving "after-inverted-name"), fixes/disambiguation (the
witness of a compared cite) and subsequent_author_substitute (the partial rules, name by name);
and fixes/name_count's Name.markup. citeproc-py's Name.process asks sixteen options, each through
four wrappers of Name.get_option (delimiter_after_inverted_name's, disambiguation's,
demote_particle_sort_only's, name_option_lookups's), and searches its cs:name-part children
for every name.

Here the options are read once per context element, from name_option_lookups (what every
wrapper above it hands on unchanged while: no sort key renders, so demote_particle_sort_only
has nothing to demote; disambiguation says the names render as styled, its `names_as_styled`;
and delimiter_after_inverted_name's own process is not running); an "after-inverted-name"
option is resolved per call by that fix's `_resolve`, as its process does. Then Name.process's
own work is done in the same order with the same calls (initialize, the cs:name-part
formatting, the joins; the et-al and "and" terms asked only where they are printed, as nothing
else reads them; a list of one name is that name, as its join gives it back). Every other case
goes through the chain: a sort key, a cite whose disambiguation state changes names or is being
compared, a partial or complete-each subsequent-author-substitute
rule for an entry's first names, form="count", an `and` or a form citeproc-py does not know, or
a call of another shape.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model

from converter.render.compiled.calls import ONE_IS_ITSELF, Inner
from converter.render.fixes import (
    affixless_wrap,
    attribute_rereading,
    cite_collapse,
    disambiguation,
    name_count,
    name_option_lookups,
    subsequent_author_substitute,
)
from converter.render.fixes import delimiter_after_inverted_name as after_inverted

NAME = "name"

# The options citeproc-py's Name.process asks, in its order (the two et-al-subsequent ones are
# asked and not used: an answer that cannot be read is still an error there).
OPTIONS = ("and", "delimiter", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
           "et-al-use-first", "et-al-subsequent-min", "et-al-subsequent-use-first", "et-al-use-last",
           "initialize-with", "name-as-sort-order", "sort-separator", "form", "demote-non-dropping-particle")
_MISSING = object()


def chain() -> list[Any]:
    return [model.Name.render, model.Name.process, model.Name.get_option, model.Name.markup, model.Name.join,
            model.CitationStylesElement.render, name_count._original_markup,
            name_option_lookups._original_get_option, after_inverted._resolve, after_inverted._inverted,
            disambiguation.names_as_styled, model.Formatted.format, model.Affixed.wrap, affixless_wrap._affixless]


def _options(element: Any, context: Any) -> tuple[dict[str, Any], bool] | None:
    """The element's options in this context as name_option_lookups answers them, and whether one
    says "after-inverted-name"; None where the chain must render (an option it cannot read,
    form="count", an `and` or a form Name.process has no branch for)."""
    try:
        options = {name: name_option_lookups._get_option(element, name, context, None) for name in OPTIONS}
    except Exception:  # the chain meets the error where it does
        return None
    if options["and"] not in (None, "text", "symbol") or options["form"] not in ("long", "short"):
        return None
    inverted = any(options[name] == "after-inverted-name" for name in after_inverted.OPTIONS)
    return options, inverted


def compile_element(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    if type(element) is not model.Name:
        return None
    chain_render = type(element).render
    as_styled = disambiguation.names_as_styled
    entry_var = subsequent_author_substitute._entry
    naming_var = subsequent_author_substitute._naming
    session_var = cite_collapse._session
    resolve = after_inverted._resolve
    plain = attribute_rereading.is_plain(element)
    affixless = affixless_wrap._affixless(element)
    unchanged = affixless_wrap.UNCHANGED_BY_EMPTY
    tables: dict[Any, Any] = {}  # context element -> _options
    self = element

    def process(item: Any, variable: Any, context: Any, options: dict[str, Any], inverted: bool) -> Any:
        """citeproc-py's Name.process with these options."""
        names = item.reference.get(variable, [])
        dpea, dpl = options["delimiter-precedes-et-al"], options["delimiter-precedes-last"]
        if inverted:  # delimiter_after_inverted_name's process
            resolved = resolve(self, list(names), options.__getitem__)
            dpea, dpl = resolved.get("delimiter-precedes-et-al", dpea), resolved.get("delimiter-precedes-last", dpl)
        and_, delimiter = options["and"], options["delimiter"]
        et_al_min, et_al_use_first = options["et-al-min"], options["et-al-use-first"]
        initialize_with, name_as_sort_order = options["initialize-with"], options["name-as-sort-order"]
        form, sort_separator = options["form"], options["sort-separator"]
        name_parts = self.findall("cs:name-part", self.nsmap)
        et_al_truncate = len(names) > 1 and et_al_min and len(names) >= et_al_min
        et_al_last = options["et-al-use-last"] and et_al_use_first <= et_al_min - 2
        if et_al_truncate:
            names = [*names[:et_al_use_first], names[-1]] if et_al_last else names[:et_al_use_first]
        output = []
        for i, name in enumerate(names):
            given, family, dp, ndp, suffix = name.parts()
            if given is not None and initialize_with is not None:
                given = self.initialize(given, initialize_with, context)
            if form == "long":
                if name_as_sort_order == "all" or (name_as_sort_order == "first" and i == 0):
                    if options["demote-non-dropping-particle"] in ("never", "sort-only"):
                        family = " ".join([n for n in (ndp, family) if n])
                        given = " ".join([n for n in (given, dp) if n])
                    else:
                        given = " ".join([n for n in (given, dp, ndp) if n])
                    for part in name_parts:
                        given, family = part.format_part(given, family)
                    text = sort_separator.join([n for n in (family, given, suffix) if n])
                else:
                    family = " ".join([n for n in (dp, ndp, family) if n])
                    for part in name_parts:
                        given, family = part.format_part(given, family)
                    text = " ".join([n for n in (given, family, suffix) if n])
            else:  # short
                family = " ".join([n for n in (ndp, family) if n])
                for part in name_parts:
                    given, family = part.format_part(given, family)
                text = family
            output.append(text)
        et_al = self.et_al() if et_al_truncate else None
        if et_al_truncate and et_al:
            if et_al_last:
                output[-1] = self.unicode_character("horizontal ellipsis") + " " + output[-1]
                return self.join(output, delimiter)
            if dpea == "always" or (dpea == "contextual" and len(output) >= 2):
                output.append(et_al)
                return self.join(output, delimiter)
            return self.join(output, delimiter) + " " + et_al
        if and_ is not None and len(output) > 1:
            # the term, asked here only (citeproc-py asks it for every list; nothing else reads it)
            and_term = self.get_single_term(name="and") if and_ == "text" else self.preformat("&")
            text = self.join(output[:-1], ", ")
            if dpl == "always" or (dpl == "contextual" and len(output) > 2):
                text = self.join([text, ""], ", ")
            else:
                text += " "
            return text + (f"{and_term} " + output[-1])  # as citeproc-py's `+=` adds them
        if len(output) == 1 and output[0] is not None and model.join in ONE_IS_ITSELF:
            return output[0]  # Delimited.join of one piece
        return self.join(output, delimiter)

    def render(item: Any, *args: Any, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        entry = entry_var.get()
        first_names = entry is not None and entry["names"] is None and entry["depth"]
        if (sort_options or kwargs or len(args) != 1 or (first_names and entry["rule"] != "complete-all")
                or naming_var.get() is not None or not as_styled()):
            return chain_render(self, item, *args, context=context, sort_options=sort_options, **kwargs)
        options = tables.get(context, _MISSING)
        if options is _MISSING:
            options = tables[context] = _options(self, context)
        if options is None:
            return chain_render(self, item, *args, context=context, sort_options=sort_options, **kwargs)
        text = process(item, args[0], context, *options)
        if not text:  # name_count's Name.markup: citeproc-py's, for a list of names
            text = None
        else:
            if not plain:
                text = self.format(text)
            if not (affixless and type(text) in unchanged):
                text = self.wrap(text)
        if first_names and text:  # subsequent_author_substitute's name_render, complete-all
            entry["parts"].append(str(text))
            if entry["previous"] == ("names", *entry["parts"]):
                text = model.String(entry["substitute"])
        session = session_var.get()  # cite_collapse's name render
        if session is not None and session.names_state == "done" and text:
            session.name_rendered = True
        return text

    def inner(item: Any, reference: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        return render(item, context=context, **kwargs)  # never a child of a compiled parent's plan
    return render, inner
