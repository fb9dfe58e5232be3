"""citeproc-py knows the variables of CSL 1.0 only. A name variable of CSL 1.0.2 (director,
chair, compiler, curator, guest, host, performer, ...) is read as a plain string, and the first
style that renders it with cs:names crashes the whole bibliography ("'String' object has no
attribute 'parts'"); a 1.0.2 date (available-date) is read as a string, and the other new
variables (volume-title, part-number, event-title, ...) are reported as unsupported. The
variable lists citeproc-py reads them by are extended, in place, with the rest of CSL 1.0.2.
"""
from __future__ import annotations

import citeproc

NAME = "csl_variables"
DESCRIPTION = "read every CSL 1.0.2 name, date, number and standard variable by its kind"

NAMES = ("chair", "compiler", "contributor", "curator", "director", "editorial_director",
         "executive_producer", "guest", "host", "narrator", "organizer", "performer", "producer",
         "reviewed_author", "script_writer", "series_creator", "translator")
DATES = ("available_date", "event_date")
NUMBERS = ("part_number", "printing_number", "supplement_number", "citation_number",
           "first_reference_note_number")
STANDARD = ("archive_collection", "citation_key", "division", "event_title", "license", "part_title",
            "reviewed_genre", "reviewed_title", "scale", "volume_title", "volume_title_short")


def apply() -> None:
    # citeproc-py's modules hold these very lists (`from . import NAMES`): extend them in place.
    for names, table in ((NAMES, citeproc.NAMES), (DATES, citeproc.DATES), (NUMBERS, citeproc.NUMBERS)):
        table.extend(name for name in names if name not in table)
    known = set(citeproc.VARIABLES)
    citeproc.VARIABLES.extend(name for name in (*NAMES, *DATES, *NUMBERS, *STANDARD) if name not in known)
