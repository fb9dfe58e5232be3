"""citeproc-py joins the parts of a date range with the `join` of whatever element it was
called from; a cs:date of the style inside a macro called by cs:text gets that cs:text, which
has no `join`, and the whole bibliography fails ("'NoneType' object is not callable": biblatex's
`date = {1988/1992}` in Chicago author-date). The range is joined by the cs:date itself then.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "date_range_context"
DESCRIPTION = "join a date range's parts with the cs:date when the calling element cannot join"


def _joinable(render_date_range: Any) -> Any:
    def render(self: model.Date, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        if context is not None and not isinstance(context, model.Delimited):
            context = self
        return render_date_range(self, date_range, show_parts, context)
    render.__name__ = "render_date_range_joinable"
    return render


def apply() -> None:
    if model.Date.render_date_range.__name__ != "render_date_range_joinable":
        model.Date.render_date_range = _joinable(model.Date.render_date_range)
