"""Our fixes to citeproc-py 0.11.1, each small, named and tested.

Each fix is a module here with NAME, DESCRIPTION and `apply() -> None`, which patches the one
pinned version of citeproc-py and may run more than once (it must be idempotent). List a new
fix in FIXES; render/engine.py calls `apply_all()` before it renders anything, and only there
is citeproc-py imported besides these modules.
"""
from __future__ import annotations

import importlib

# Module names under converter.render.fixes, in the order they are applied.
FIXES: tuple[str, ...] = (
    "repeated_xpath_queries",
    "reference_lookup_chain",
    "seam_last_char",  # before punctuation_collisions wraps normalize_seam
    "condition_reevaluation",
    "locale_option_lookups",
    "name_option_lookups",  # before any fix wraps Name.get_option: it replaces citeproc-py's own
    "sort_keys_for_every_item",
    "attribute_rereading",
    "position_scans",
    "children_lists",
    "term_texts",
    "locale_directories",
    "csl_variables",
    "hyphenated_name_variables",
    "initialize_with_given",
    "cite_order",
    "punctuation_in_quote",
    "affixless_wrap",
    "substitute_suppresses",
    "substitute_inherits_name",
    "sort_collation",
    "date_sort_keys",
    "date_range_affixes",
    "subsequent_author_substitute",
    "label_needs_variable",
    "label_title_case",
    "label_count_terms",
    "date_range_same_parts",
    "date_range_context",
    "title_case_words",
    "rich_text_fields",
    "demote_particle_sort_only",
    "disambiguation",
    "cite_collapse",
    "second_field_align",
    "field_quotes",
    "name_count",
    "season_months",
    "name_particles",
    "display_blocks",
    "citation_label",
    "superscript_characters",
    "punctuation_collisions",
    "locator_spacing",
    "leading_term_capital",
    "registered_key_scans",
    "literal_date_year",
    "date_range_order",
    "group_choose_branch",
    "cite_grouped_sort",
    "number_ranges",
    "delimiter_after_inverted_name",
    "page_range_formats",
    "term_form_fallback",
    "compiled_style",  # per-element compiled renders, made when a style is parsed (converter/render/compiled/)
)

_applied = False


def apply_all() -> None:
    global _applied
    if _applied:
        return
    for name in FIXES:
        importlib.import_module(f"{__name__}.{name}").apply()
    _applied = True
