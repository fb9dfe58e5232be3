"""A labelled development set for the notes parser, made by rendering known items.

Known items (the seed gold's items and the TeX Live .bib corpora read by our BibTeX reader) are
cited in sequences of notes, rendered with citeproc-py through several CSL note styles: first
(full) notes, subsequent (short) notes and ibid., some with a lead-in prefix, some with two works
in one note. Since we chose what each note cites, every rendered note comes with its exact gold
(the method of the GIANT dataset); no one's text is copied.

Items are split by a stable hash into a development part and a held-out part, and the styles
too: the held-out set uses held-out items in held-out styles, so that figures measured on it are
not tuned to. For each part the script writes, under out/devset/:
    <part>.notes.txt      the rendered notes, "N. text" a line (the input of `bibconv convert`)
    <part>.gold.json      the full gold (notes document: items + citations)
    <part>.gold.jsonl     the key-field gold of the hidden test set's format
and prints the scores of shared/eval/score_notes.py (full fields and key fields) for our parser.

    .venv/bin/python bench/devset.py [--notes-per-style N] [--part dev|heldout|both]
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
import os
import random
import sys
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.latex import strip_markup  # noqa: E402
from converter.model import Citation, Document, Item, Note, Origin  # noqa: E402
from converter.readers import notes_txt  # noqa: E402
from converter.render.notes import render_notes  # noqa: E402
from converter.report import Report  # noqa: E402

SHARED = Path(os.environ.get("BIBCONV_SHARED", ROOT.parent / "shared"))
DEV_STYLES = ("chicago-notes-bibliography-17th-edition", "mhra-notes", "the-historical-journal",
              "zeithistorische-forschungen", "universitat-heidelberg-historisches-seminar", "annales")
HELD_OUT_STYLES = ("irish-historical-studies", "the-journal-of-ecclesiastical-history",
                   "chicago-notes-bibliography-subsequent-ibid", "university-of-cambridge-faculty-of-history",
                   "geistes-und-kulturwissenschaften-heilmann", "historia-scribere")
PREFIXES = ("See", "See also", "Cf.", "On this point, see", "For a different view, see", "Vgl.")
CORPORA = ("fixtures/corpora/biblatex-examples.bib", "fixtures/corpora/xampl.bib",
           "fixtures/corpora/notes-test.bib")
# Types the notes parser is meant to read; others (patents, datasets...) are left out of the set.
TYPES = {"book", "chapter", "article-journal", "article-newspaper", "article-magazine", "thesis",
         "report", "webpage", "paper-conference", "manuscript", "personal_communication"}
SCORED = ("author", "editor", "recipient", "title", "container-title", "collection-title",
          "collection-number", "publisher", "publisher-place", "event-place", "volume", "issue",
          "number", "page", "archive", "archive-place", "archive_location")


SNAPSHOT = ROOT / "fixtures" / "notes" / "devset-corpus-items.json"


def load_items(snapshot: bool = False) -> list[dict[str, Any]]:
    """Every known item once: the seed gold's and the .bib corpora's as our BibTeX reader reads
    them. When the reader fails, the items it last gave (the snapshot) are used instead, so that
    figures stay comparable; `snapshot` rewrites that file."""
    from converter.readers import bibtex
    gold = json.loads((ROOT / "fixtures/seed/dundovich-2020.gold.json").read_text("utf-8"))
    items = [dict(item) for item in gold["items"]]
    corpus_items: list[dict[str, Any]] = []
    try:
        for corpus in CORPORA:
            document = bibtex.read((ROOT / corpus).read_text("utf-8"), origin=Origin(corpus), report=Report())
            corpus_items += [dict(item.csl) for item in document.items]
    except Exception as error:  # a reader still being written must not stop the bench
        print(f"devset: BibTeX reader failed ({type(error).__name__}: {error}); using {SNAPSHOT.name}",
              file=sys.stderr)
        corpus_items = json.loads(SNAPSHOT.read_text("utf-8")) if SNAPSHOT.exists() else []
    if snapshot:
        SNAPSHOT.write_text(json.dumps(corpus_items, ensure_ascii=False, indent=1) + "\n", "utf-8")
    items += corpus_items
    out, seen = [], set()
    for csl in items:
        ranged = len((csl.get("issued") or {}).get("date-parts") or []) > 1  # citeproc-py fails on them
        if csl.get("type") in TYPES and csl.get("title") and csl.get("id") not in seen and not ranged:
            seen.add(csl["id"])
            out.append(csl)
    return out


def part_of(item_id: str) -> str:
    digest = hashlib.sha1(item_id.encode("utf-8")).digest()[0]
    return "heldout" if digest % 4 == 0 else "dev"


def sequence(items: list[dict[str, Any]], rng: random.Random, size: int) -> list[list[Citation]]:
    """Notes as lists of citations: new works, short forms of earlier ones, immediate repeats."""
    notes: list[list[Citation]] = []
    cited: list[str] = []
    pool = list(items)
    rng.shuffle(pool)
    while len(notes) < size and pool:
        roll = rng.random()
        if cited and roll < 0.2:  # the same work again at once: ibid. or a short form
            target = notes[-1][-1].id
            notes.append([_citation(target, rng, prefix=False)])
        elif len(cited) > 3 and roll < 0.4:  # an earlier work: a short form
            notes.append([_citation(rng.choice(cited[:-1]), rng, prefix=True)])
        else:
            group = [_citation(pool.pop()["id"], rng, prefix=True)]
            if pool and rng.random() < 0.2:
                group.append(_citation(pool.pop()["id"], rng, prefix=False))
            cited.extend(citation.id for citation in group)
            notes.append(group)
    return notes


def _citation(item_id: str, rng: random.Random, *, prefix: bool) -> Citation:
    locator = None
    if rng.random() < 0.6:
        first = rng.randint(1, 480)
        locator = str(first) if rng.random() < 0.6 else f"{first}–{first + rng.randint(1, 12)}"
    lead = rng.choice(PREFIXES) if prefix and rng.random() < 0.2 else None
    return Citation(id=item_id, locator=locator, label="page" if locator else None, prefix=lead)


def render_part(items: list[dict[str, Any]], styles: tuple[str, ...], per_style: int,
                seed: int) -> tuple[list[str], dict[str, Any]]:
    """Rendered notes (numbered across styles) and their gold notes document."""
    by_id = {item["id"]: item for item in items}
    texts: list[str] = []
    books: list[int] = []  # where each style's notes begin: each style is parsed as its own book
    rendered_styles: list[str] = []
    gold_notes: list[dict[str, Any]] = []
    gold_items: dict[str, dict[str, Any]] = {}
    for style_index, style in enumerate(styles):
        rng = random.Random(seed + style_index)
        plan = sequence(items, rng, per_style)
        # Each style is its own "book": items get style-scoped ids so that short forms and
        # ibid. never reach into another style's notes.
        scoped = {item_id: f"{style_index}:{item_id}" for group in plan for item_id in (c.id for c in group)}
        document = Document(items=[Item({**by_id[i], "id": s}) for i, s in scoped.items()])
        for group in plan:
            number = str(len(texts) + len(document.notes) + 1)
            document.notes.append(Note(number=number, text="", kind="citation", citations=[
                Citation(id=scoped[c.id], locator=c.locator, label=c.label, prefix=c.prefix) for c in group]))
        report = Report()
        try:
            rendered = render_notes(document, style=style, report=report)
        except Exception as error:  # citeproc-py's own failures: leave the style out, say so
            print(f"devset: style {style} failed in citeproc-py ({type(error).__name__}: {error})", file=sys.stderr)
            continue
        printed: dict[str, str] = {}
        books.append(len(texts))
        rendered_styles.append(style)
        for note, text in zip(document.notes, rendered, strict=True):
            text = " ".join(text.split())
            if not text:
                continue
            texts.append(text)
            for citation in note.citations:
                printed.setdefault(citation.id, text)
            gold_notes.append({"number": len(texts), "text": text, "kind": "citation",
                               "citations": [c.to_json() | {"label": c.label, "locator": c.locator}
                                             for c in note.citations]})
        for item in document.items:
            if item.id in printed:
                gold_items[item.id] = _printed_only(item.csl, printed[item.id])
    return texts, {"items": list(gold_items.values()), "notes": gold_notes, "books": books, "styles": rendered_styles}


def _printed_only(csl: dict[str, Any], text: str) -> dict[str, Any]:
    """The item as far as its first note prints it: a field the style leaves out is not gold.
    Values are compared as the scorer compares them (case, quotes, dashes folded) and without
    their rich-text tags, which the note does not print; the gold keeps them without tags."""
    norm = scorer().norm
    folded = norm(text)
    out = {key: value for key, value in csl.items() if key not in SCORED}
    for key in SCORED:
        value = csl.get(key)
        if isinstance(value, list):
            kept = [name for name in value if norm(name.get("family") or name.get("literal") or "") in folded]
            if kept:
                out[key] = kept
        elif value not in (None, ""):
            plain = strip_markup(str(value))
            if norm(plain) in folded:
                out[key] = plain
    return out


def key_fields(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold in the hidden test set's JSON-lines form (key fields per citation)."""
    items = {item["id"]: item for item in gold["items"]}
    archival_types = scorer().ARCHIVAL_TYPES  # letters and manuscripts are archival, as the scorer counts them
    rows = []
    for note in gold["notes"]:
        cites = []
        for citation in note["citations"]:
            item = items[citation["id"]]
            names = item.get("author") or []  # the scorer reads author_family from authors only
            year = ((item.get("issued") or {}).get("date-parts") or [[None]])[0][0]
            archival = bool(item.get("archive") or item.get("archive_location")) or item.get("type") in archival_types
            cites.append({"archival": archival,
                          "type": item.get("type"),
                          "author_family": [n.get("family") or n.get("literal") for n in names],
                          "title": item.get("title"), "container_title": item.get("container-title"),
                          "issued_year": str(year) if year else None, "archive": item.get("archive"),
                          "archive_location": item.get("archive_location"), "locator": citation.get("locator")})
        rows.append({"note": note["number"], "kind": note["kind"], "citations": cites})
    return rows


@functools.cache
def scorer() -> Any:
    """shared/eval/score_notes.py, imported from the shared location (never copied)."""
    spec = importlib.util.spec_from_file_location("score_notes", SHARED / "eval" / "score_notes.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def parse_books(texts: list[str], books: list[int], name: str) -> Document:
    """Each style's notes parsed as one book (notes numbered on across books), merged into one
    document whose item ids carry the book's index, as the gold's do."""
    merged = Document()
    for index, begin in enumerate(books):
        end = books[index + 1] if index + 1 < len(books) else len(texts)
        source = "".join(f"{number}. {texts[number - 1]}\n\n" for number in range(begin + 1, end + 1))
        if begin:  # the reader expects a book's notes to begin at 1 or continue a sequence
            source = "".join(f"{number}. x\n\n" for number in range(1, begin + 1)) + source
        document = notes_txt.read(source, origin=Origin(f"{name}.notes.txt"), report=Report())
        for item in document.items:
            item.csl["id"] = f"{index}:{item.csl['id']}"
        for note in document.notes[begin:]:
            for citation in note.citations:
                citation.id = f"{index}:{citation.id}"
            merged.notes.append(note)
        merged.items.extend(document.items)
    return merged


def evaluate(name: str, texts: list[str], gold: dict[str, Any], out: Path) -> dict[str, Any]:
    from converter.writers import notesjson
    out.mkdir(parents=True, exist_ok=True)
    source = "".join(f"{index}. {text}\n\n" for index, text in enumerate(texts, start=1))
    (out / f"{name}.notes.txt").write_text(source, "utf-8")
    books = gold.pop("books")
    styles = gold.pop("styles")
    (out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    (out / f"{name}.gold.jsonl").write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in key_fields(gold)), "utf-8")
    report = Report()
    parsed = parse_books(texts, books, name)
    (out / f"{name}.parsed.json").write_text(notesjson.write(parsed, report=report), "utf-8")
    shared = scorer()
    full = shared.score(str(out / f"{name}.gold.json"), str(out / f"{name}.parsed.json"), False)
    keys = shared.score(str(out / f"{name}.gold.jsonl"), str(out / f"{name}.parsed.json"), False)
    rows = key_fields(gold)
    per_style = []
    for index, begin in enumerate(books):  # key-field F1 of each style's notes alone
        end = books[index + 1] if index + 1 < len(books) else len(rows)
        part = out / f"{name}.style{index}.gold.jsonl"
        part.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows[begin:end]), "utf-8")
        per_style.append(shared.score(str(part), str(out / f"{name}.parsed.json"), False)["overall"]["f1"])
    return {"notes": len(texts), "full": full, "keys": keys, "per_style": per_style, "styles": styles}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes-per-style", type=int, default=60)
    parser.add_argument("--part", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--out", default=str(ROOT / "out" / "devset"))
    parser.add_argument("--snapshot", action="store_true", help="rewrite the corpus items snapshot")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # citeproc-py warns about every CSL variable it lacks
    items = load_items(args.snapshot)
    parts = {"dev": DEV_STYLES, "heldout": HELD_OUT_STYLES}
    for name, styles in parts.items():
        if args.part not in (name, "both"):
            continue
        chosen = [item for item in items if part_of(item["id"]) == name]
        texts, gold = render_part(chosen, styles, args.notes_per_style, seed=17 if name == "dev" else 29)
        result = evaluate(name, texts, gold, Path(args.out))
        print(f"{name}: {result['notes']} notes from {len(chosen)} items in {len(result['per_style'])} styles")
        for style, f1 in zip(result["styles"], result["per_style"], strict=True):
            print(f"  {style}: key field-F1 {f1:.3f}")
        for label in ("keys", "full"):
            fields = result[label]["fields"]
            line = "  ".join(f"{field} {value['f1']:.2f}" for field, value in fields.items()
                             if value["tp"] + value["fn"] + value["fp"])
            print(f"  {label}: {line}")
            links = result[label].get("identity")
            print(f"  {label} field-F1 {result[label]['overall']['f1']:.4f}"
                  + (f"  same-item links F1 {links['f1']:.4f}" if links else ""))


if __name__ == "__main__":
    main()
