"""The review page: what the notes parser understood, note by note, for a person to check."""
from __future__ import annotations

from converter.review.page import build_page, render_chicago

__all__ = ["build_page", "render_chicago"]
