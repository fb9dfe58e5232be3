"""citeproc-py suppresses a substituted variable only where the same element tag with the same
`variable` attribute appears again, and not at all when the substitute calls a macro. So a
book with editors and no author prints its editors twice ("McDermott, Kevin, and Jeremy Agnew,
eds. The Comintern... Edited by Kevin McDermott and Jeremy Agnew"), and an item without author
prints its title twice. CSL 1.0.2 (and citeproc-js): every variable that the substitution
rendered, inside macros too, is suppressed in the rest of that cite or entry.

The variables a substitute renders are recorded while it renders; they are kept beside
citeproc-py's own suppression list on the layout (reset for every cite, entry and sort key), and
cs:text, cs:names, cs:date and cs:number then render a suppressed variable as empty.
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "substitute_suppresses"
DESCRIPTION = "suppress every variable a cs:substitute rendered in the rest of the cite or entry"

_KEY = "#substituted-variables"  # our entry in citeproc-py's layout.repressed dict
# While a substitute's child renders: the variables rendered so far, else None.
_recording: ContextVar[list[str] | None] = ContextVar("recording", default=None)

_original = {
    "substitute_render": model.Substitute.render,
    "text_variable": model.Text._variable,
    "names_process": model.Names.process,
    "date_process": model.Date.process,
    "number_process": model.Number.process,
}


def _suppressed(element: Any, context: Any) -> set[str]:
    try:
        layout = (context if context is not None else element).get_layout()
    except IndexError:
        return set()
    return layout.repressed.get(_KEY, set())


def suppressed_variables(element: Any, context: Any) -> set[str]:
    """The variables a cs:substitute rendered earlier in this cite or entry (CSL names)."""
    return _suppressed(element, context)


def _record(*variables: str) -> None:
    recording = _recording.get()
    if recording is not None:
        recording.extend(variables)


def _base(variable: str) -> str:
    return variable.removesuffix("-short").replace("_", "-")


def _children(substitute: model.Substitute) -> list[tuple[Any, bool]]:
    """(child, whether it is a cs:names without cs:name) for each child of the cs:substitute, kept
    while its number of children is unchanged (citeproc-py may give a cs:names a cs:name)."""
    kept = substitute.__dict__.get("_substitute_children")
    if kept is None or kept[0] != len(substitute) or any(
            bare and child.name is not None for child, bare in kept[1]):
        children = [(child, isinstance(child, model.Names) and child.name is None)
                    for child in substitute.getchildren()]
        kept = substitute.__dict__["_substitute_children"] = (len(substitute), children)
    return kept[1]


def _substitute_render(self: model.Substitute, item: Any, context: Any = None, **kwargs: Any) -> Any:
    for child, bare_names in _children(self):
        rendered: list[str] = []
        token = _recording.set(rendered)
        try:
            if bare_names:
                names = self.xpath_search("./parent::cs:names[1]")[0]
                text = child.render(item, names_context=names, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except model.VariableError:
            continue
        finally:
            _recording.reset(token)
        if text:
            self.add_to_repressed_list(child, context)
            layout = context.get_layout()
            layout.repressed[_KEY] = layout.repressed.get(_KEY, set()) | set(rendered)
            _record(*rendered)  # a substitute inside a substitute's macro: the outer one too
            return text
    return None


def _text_variable(self: model.Text, item: Any, context: Any) -> Any:
    variable = self.get("variable")
    if variable and _base(variable) in _suppressed(self, context):
        return None
    text = _original["text_variable"](self, item, context)
    if text is not None and variable:
        _record(_base(variable))
    return text


def _names_process(self: model.Names, item: Any, names_context: Any = None, context: Any = None,
                   **kwargs: Any) -> Any:
    roles = (self.get("variable") or "").split()
    suppressed = _suppressed(self, context)
    kept = [role for role in roles if role not in suppressed]
    if len(kept) == len(roles):
        text = _original["names_process"](self, item, names_context, context, **kwargs)
    elif not kept:
        return None
    else:
        # Render only the roles not yet substituted: the element's own variable list, briefly.
        variable = self.get("variable")
        self.set("variable", " ".join(kept))
        try:
            text = _original["names_process"](self, item, names_context, context, **kwargs)
        finally:
            self.set("variable", variable)
    if text:
        _record(*(role for role in kept if role.replace("-", "_") in item.reference))
    return text


def _date_process(self: model.Date, item: Any, variable: str | None = None, show_parts: Any = None,
                  context: Any = None, **kwargs: Any) -> Any:
    name = variable or self.get("variable")
    if name and name in _suppressed(self, context):
        return None
    text = _original["date_process"](self, item, variable, show_parts, context, **kwargs)
    if text and name:
        _record(name)
    return text


def _number_process(self: model.Number, item: Any, context: Any = None, **kwargs: Any) -> Any:
    variable = self.get("variable")
    if variable and variable in _suppressed(self, context):
        return None
    text = _original["number_process"](self, item, context=context, **kwargs)
    if text and variable:
        _record(variable)
    return text


def apply() -> None:
    # Patch only what is still as it was when this module was imported: applied again, the fix
    # must not undo the wrappers later fixes put around these methods (citation_label's).
    for cls, name, ours, key in ((model.Substitute, "render", _substitute_render, "substitute_render"),
                                 (model.Text, "_variable", _text_variable, "text_variable"),
                                 (model.Names, "process", _names_process, "names_process"),
                                 (model.Date, "process", _date_process, "date_process"),
                                 (model.Number, "process", _number_process, "number_process")):
        if getattr(cls, name) is _original[key]:
            setattr(cls, name, ours)
