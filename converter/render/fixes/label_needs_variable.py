"""When a cs:label of an empty variable prints its term.

citeproc-js 2.4.63 renders a cs:label as a term: it prints the term whether or not the item has
the variable (the variable only decides singular or plural), and a cs:group counts it as a term,
not as a variable, so a group holding a label and empty variables is suppressed with it. Harvard's
`<group delimiter=" " prefix="(" suffix=")"><text variable="number-of-volumes"/><label
variable="volume" form="short"/></group>` therefore gives "(3 vol)" for a three-volume work
without a volume, and that is what Zotero users and style authors see. (CSL 1.0.2 says the term
renders only when its variable is non-empty; the CSL suite has no test of it.) We follow
citeproc-js where citeproc-py's groups can tell the label's term from a variable: a label that
stands directly in its cs:group (or in the layout, outside any group), where citeproc-py, like
citeproc-js, does not count it as a variable rendered.

Below a cs:choose or in a cs:macro inside its group, citeproc-py counts whatever that child
prints as a variable rendered when the child calls a variable, so a label printing there would
keep alive a group citeproc-js suppresses: MHRA's `<group><choose>...<text variable="edition"/>
<label variable="edition"/>` would leave a stray "Edition" in every journal article. Such a label
renders only when its variable is not empty (the spec's rule, which gives citeproc-js's output
wherever the group is suppressed), and not when a cs:substitute rendered the variable earlier
(fixes/substitute_suppresses.py), so APA's edition label does not print "(ed.)" after a title
that stands in for the author with its edition. A label of `locator` renders only when the cite
has a locator: citeproc-py counts it as a variable, so its term would keep its group alive.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

from converter.render.fixes.substitute_suppresses import suppressed_variables

NAME = "label_needs_variable"
DESCRIPTION = ("a cs:label of an empty variable prints its term only where it stands directly in its "
               "cs:group or the layout (citeproc-js), and only when its variable (or the cite's locator) "
               "is not empty below a cs:choose or cs:macro")

# Where a label's walk up its ancestors ends: in its own group or the layout, it stands directly.
_DIRECT = (model.Group, model.Layout)
_ROUTED = (model.Choose, model.If, model.Else, model.Macro)


def stands_directly_in_group(label: Any) -> bool:
    """Whether no cs:choose or cs:macro lies between the label and its nearest cs:group or layout."""
    known = label.__dict__.get("_stands_directly")
    if known is None:
        parent = label.getparent()
        while parent is not None and not isinstance(parent, _DIRECT + _ROUTED):
            parent = parent.getparent()
        known = label.__dict__["_stands_directly"] = isinstance(parent, _DIRECT)
    return known


def _needing_variable(process: Any) -> Any:
    def label_process(self: model.Label, item: Any, variable: str | None = None, *args: Any,
                      **kwargs: Any) -> Any:
        if variable is None:  # a label of its own, not one that cs:names renders for a role
            name = self.get("variable") or ""
            if name == "locator":
                if not item.has_locator:
                    return None
            elif not stands_directly_in_group(self) and (
                    name.replace("-", "_") not in item.reference
                    or name in suppressed_variables(self, kwargs.get("context"))):
                return None
        return process(self, item, variable, *args, **kwargs)
    label_process.__name__ = "label_process_needing_variable"
    return label_process


def apply() -> None:
    if model.Label.process.__name__ != "label_process_needing_variable":
        model.Label.process = _needing_variable(model.Label.process)
