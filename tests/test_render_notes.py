"""render_notes/render_bibliography and `bibconv render` on the seed notes document."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from converter.cli import app
from converter.model import Citation, Document, Item, Note, Origin
from converter.pipeline import read_text
from converter.render.notes import render_bibliography, render_notes
from converter.report import Report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "dundovich-2020.gold.json"

LETTER = {"id": "letter", "type": "personal_communication", "genre": "letter",
          "author": [{"family": "Litvinov"}], "recipient": [{"family": "Jurenev", "given": "K.K."}],
          "title": "Pervyj Zamnarkom Litvinov Jurenevu", "publisher-place": "Moskva",
          "issued": {"date-parts": [[1924, 11, 5]]}, "archive": "Archiv Vnešnej Politiki Rossijskoj Federacii",
          "archive-place": "Moskva", "archive_location": "F 4, op. 20, pap. 155, d. 46"}


def test_archival_letter_in_chicago_order_sender_recipient_place_date_location_archive():
    document = Document(items=[Item(LETTER)],
                        notes=[Note("1", "", "citation", [Citation("letter", "126–129", "page")])])
    note, = render_notes(document, style="chicago-notes-bibliography")
    parts = ["Litvinov", "“Pervyj Zamnarkom Litvinov Jurenevu,”", "letter to K. K. Jurenev", "Moskva",
             "November 5, 1924", "F 4, op. 20, pap. 155, d. 46", "126–129",
             "Archiv Vnešnej Politiki Rossijskoj Federacii"]
    positions = [note.index(part) for part in parts]
    assert positions == sorted(positions), note


def test_every_note_rendered_in_order_explanatory_text_kept():
    report = Report()
    document = read_text(SEED.read_text("utf-8"), "notes-json", origin=Origin(str(SEED)), report=report)
    notes = render_notes(document, style="chicago", report=report)
    assert len(notes) == len(document.notes)
    by_number = dict(zip((note.number for note in document.notes), notes, strict=True))
    assert by_number["6"] == document.notes[5].text  # explanatory: as printed
    assert by_number["12"] == "Pons, La rivoluzione globale, 44."  # subsequent: short note
    assert by_number["56"].startswith("Tensions were so high")  # mixed: statement kept
    assert len(render_bibliography(document, style="chicago")) == len(document.items)


def test_cli_render_lines_then_blank_line_then_bibliography(tmp_path):
    out = tmp_path / "notes.txt"
    result = CliRunner().invoke(app, ["render", str(SEED), "--style", "chicago", "--notes", "--bibliography",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith("1. Andrea Graziosi, ")
    blank = lines.index("")
    assert blank == 62 and lines[61].startswith("62. ")
    assert lines[blank + 1].startswith("Banani, A.")


def test_cli_unknown_style_is_reported_not_raised():
    result = CliRunner().invoke(app, ["render", str(SEED), "--style", "../../etc/passwd"])
    assert result.exit_code == 2
    assert "style-not-found" in result.output
