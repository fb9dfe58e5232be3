"""One test per correctness fix of citeproc-py (converter/render/fixes/): each renders a small
case that stock citeproc-py gets wrong, and checks the form CSL and citeproc-js give."""
from __future__ import annotations

from converter.model import Citation, Document, Item, Note
from converter.render import fixes
from converter.render.notes import render_bibliography, render_notes
from converter.report import Report

CHICAGO = "chicago-notes-bibliography"

FITZPATRICK = {"id": "fitz", "type": "book", "author": [{"family": "Fitzpatrick", "given": "Sheila"}],
               "title": "Everyday Stalinism", "publisher": "Oxford University Press",
               "publisher-place": "New York", "issued": {"date-parts": [[1999]]}}
EDITED = {"id": "ed", "type": "book", "editor": [{"family": "McDermott", "given": "Kevin"},
                                                  {"family": "Agnew", "given": "Jeremy"}],
          "title": "The Comintern", "publisher": "Macmillan", "issued": {"date-parts": [[1996]]}}
ARTICLE = {"id": "art", "type": "article-journal", "author": [{"family": "Best", "given": "Anthony"}],
           "title": "Modern Times", "container-title": "Cold War History", "volume": "12",
           "issue": "2", "page": "205-225", "issued": {"date-parts": [[2012]]}}
FILE = {"id": "file", "type": "manuscript", "title": "Perepiska po Dogovoru",
        "issued": {"date-parts": [[1925, 1, 2], [1925, 11, 23]]},
        "archive": "AVPRF", "archive_location": "F 4, op. 20, d. 85"}


def notes_of(*items, cites):
    document = Document(items=[Item(csl) for csl in items])
    for number, cluster in enumerate(cites, start=1):
        document.notes.append(Note(str(number), "", "citation",
                                   [Citation(id=c[0], locator=c[1], label="page" if c[1] else None)
                                    for c in cluster]))
    return document


def test_every_fix_declares_name_description_and_apply():
    import importlib
    for name in fixes.FIXES:
        module = importlib.import_module(f"converter.render.fixes.{name}")
        assert module.NAME == name and module.DESCRIPTION and callable(module.apply)
        module.apply()  # idempotent: applying again changes nothing below


def test_initialize_with_given_keeps_full_given_names():
    note, = render_notes(notes_of(FITZPATRICK, cites=[[("fitz", "12")]]), style=CHICAGO)
    assert note.startswith("Sheila Fitzpatrick, Everyday Stalinism")


def test_initialize_with_given_still_formats_existing_initials():
    letter = {"id": "l", "type": "personal_communication", "author": [{"family": "Litvinov"}],
              "recipient": [{"family": "Jurenev", "given": "K.K."}], "title": "Pis'mo",
              "issued": {"date-parts": [[1924, 11, 5]]}}
    note, = render_notes(notes_of(letter, cites=[[("l", None)]]), style=CHICAGO)
    assert "K. K. Jurenev" in note


def test_cite_order_keeps_the_authors_order():
    document = notes_of(FITZPATRICK, ARTICLE, cites=[[("art", None)], [("fitz", "3"), ("art", "210")]])
    second = render_notes(document, style=CHICAGO)[1]
    assert second.index("Fitzpatrick") < second.index("Best")


def test_punctuation_in_quote_for_en_us_not_en_gb():
    us, = render_notes(notes_of(ARTICLE, cites=[[("art", None)]]), style=CHICAGO, locale="en-US")
    gb, = render_notes(notes_of(ARTICLE, cites=[[("art", None)]]), style=CHICAGO, locale="en-GB")
    assert "“Modern Times,” Cold War History" in us
    assert "‘Modern Times’, Cold War History" in gb  # en-GB: single quotes, comma outside


def test_substitute_suppresses_editors_printed_twice():
    note, = render_notes(notes_of(EDITED, cites=[[("ed", None)]]), style=CHICAGO)
    assert note.count("McDermott") == 1


def test_substitute_suppresses_title_of_anonymous_item():
    entry, = render_bibliography([FILE], style=CHICAGO)
    assert entry.count("Perepiska") == 1


def test_substitute_inherits_name_and_label():
    note, = render_notes(notes_of(EDITED, cites=[[("ed", None)]]), style=CHICAGO)
    assert note.startswith("Kevin McDermott and Jeremy Agnew, eds., The Comintern")


def test_sort_collation_ignores_accents_punctuation_and_sorts_dates_as_dates():
    items = [
        {"id": "s", "type": "book", "author": [{"family": "Spriano", "given": "Paolo"}], "title": "Storia"},
        {"id": "c2", "type": "personal_communication", "author": [{"family": "Čičerin"}], "title": "Letter",
         "archive": "AVPRF", "issued": {"date-parts": [[1924, 4, 11]]}},
        {"id": "c1", "type": "personal_communication", "author": [{"family": "Čičerin"}], "title": "Letter",
         "archive": "AVPRF", "issued": {"date-parts": [[1924, 3, 13]]}},
        {"id": "b", "type": "manuscript", "title": "Beseda", "archive": "AVPRF"},
        {"id": "a", "type": "book", "author": [{"family": "Banani", "given": "Amin"}], "title": "Iran"},
    ]
    entries = render_bibliography(items, style=CHICAGO)
    order = [next(key for key in ("Banani", "Beseda", "March 13", "April 11", "Spriano") if key in entry)
             for entry in entries]
    assert order == ["Banani", "Beseda", "March 13", "April 11", "Spriano"]


def test_date_range_affixes_dropped_before_the_delimiter():
    entry, = render_bibliography([FILE], style=CHICAGO)
    assert "January 2–November 23, 1925" in entry


def test_subsequent_author_substitute_in_chicago_17th():
    second = dict(FITZPATRICK, id="fitz2", title="Stalin's Peasants")
    entries = render_bibliography([FITZPATRICK, second], style="chicago-notes-bibliography-17th-edition")
    assert entries[0].startswith("Fitzpatrick, Sheila.")
    assert entries[1].startswith("———.")


def test_locale_directories_reads_our_locale_files():
    note, = render_notes(notes_of(EDITED, cites=[[("ed", None)]]), style=CHICAGO, locale="it-IT")
    assert "McDermott e Jeremy Agnew" in note  # the Italian "and" term from styles/locales


def test_label_title_case_capitalises_locale_terms():
    chapter = {"id": "ch", "type": "chapter", "author": [{"family": "Borsa", "given": "Giorgio"}],
               "title": "Tentativi", "container-title": "Europa e Asia", "language": "it",
               "editor": [{"family": "Borsa", "given": "Giorgio"}], "publisher": "Franco Angeli",
               "issued": {"date-parts": [[1994]]}}
    entry, = render_bibliography([chapter], style="apa")
    assert "In G. Borsa (Ed.), Europa e Asia" in entry


def test_date_range_same_parts_renders_the_common_year():
    entry, = render_bibliography([FILE], style="harvard-cite-them-right")
    assert entry.endswith("(1925).")


def test_sort_collation_sorts_cites_without_their_year_suffix():
    # Harvard sorts the cites of a note by year: "1924c" and "1924a" are both 1924, so the
    # author's order stays (citeproc-js sorts before it adds suffixes).
    letters = [{"id": f"c{n}", "type": "personal_communication", "author": [{"family": "Čičerin"}],
                "title": f"Letter {n}", "archive": "AVPRF", "issued": {"date-parts": [[1924, n, 1]]}}
               for n in (1, 2)]
    other = {"id": "l", "type": "personal_communication", "author": [{"family": "Čičerin"}],
             "title": "Letter 0", "archive": "AVPRF", "issued": {"date-parts": [[1924, 3, 1]]}}
    document = notes_of(*letters, other, cites=[[("c2", None), ("l", None), ("c1", None)]])
    note, = render_notes(document, style="harvard-cite-them-right")
    # Suffixes follow the bibliography (Letter 0, 1, 2 = a, b, c); the cites keep the note's order.
    assert note == "(Čičerin, 1924c, 1924a, 1924b)"


def test_csl_variables_reads_csl_1_0_2_names():
    film = {"id": "film", "type": "motion_picture", "title": "Battleship Potemkin",
            "director": [{"family": "Eisenstein", "given": "Sergei"}], "issued": {"date-parts": [[1925]]}}
    report = Report()
    entry, = render_bibliography([film], style=CHICAGO, report=report)
    assert "Eisenstein" in entry and not report.diagnostics


def test_date_range_context_renders_a_range_called_through_a_macro():
    book = {"id": "b", "type": "book", "author": [{"family": "Doe", "given": "Jane"}], "title": "Works",
            "issued": {"date-parts": [[1988], [1992]]}}
    report = Report()
    entry, = render_bibliography([book], style="chicago-author-date", report=report)
    assert "1988–1992" in entry and not report.diagnostics


def test_title_case_words_keeps_spacing_at_protected_parts():
    article = dict(ARTICLE, title='Higher-dimensional algebra <span class="nocase">V</span>: 2-groups', language="en")
    entry, = render_bibliography([article], style=CHICAGO)
    assert "“Higher-Dimensional Algebra V: 2-Groups.”" in entry


def test_label_count_terms_labels_number_of_volumes():
    work = dict(FITZPATRICK, **{"number-of-volumes": "3"})
    entry, = render_bibliography([work], style=CHICAGO)
    assert "3 vols." in entry


def test_sort_collation_leaves_name_labels_out_of_sort_keys():
    edited = dict(FITZPATRICK, id="ed", editor=FITZPATRICK["author"], title="Alternative Modernities")
    del edited["author"]
    chapter = {"id": "ch", "type": "chapter", "author": FITZPATRICK["author"], "title": "On Alternative Modernities",
               "container-title": "Alternative Modernities", "editor": FITZPATRICK["author"],
               "publisher": "Duke University Press", "issued": {"date-parts": [[2001]]}}
    entries = render_bibliography([chapter, edited], style=CHICAGO)
    assert entries[0].startswith("Fitzpatrick, Sheila, ed. Alternative Modernities")


def test_rich_text_fields_render_as_formatting_not_tags():
    chapter = dict(ARTICLE, language="fr",
                   title='Le <i>De Anima</i> dans la tradition <span style="font-variant:small-caps;">xii</span>')
    text, = render_bibliography([chapter], style=CHICAGO)
    html, = render_bibliography([chapter], style=CHICAGO, fmt="html")
    markdown, = render_bibliography([chapter], style=CHICAGO, fmt="markdown")
    assert "“Le De Anima dans la tradition xii.”" in text
    assert "Le <i>De Anima</i> dans la tradition" in html and "font-variant:small-caps" in html
    assert "Le *De Anima* dans" in markdown


def test_demote_particle_sort_only_sorts_van_gennep_under_g():
    gennep = {"id": "g", "type": "book", "author": [{"family": "Gennep", "given": "Arnold",
                                                     "non-dropping-particle": "van"}],
              "title": "Les rites de passage", "issued": {"date-parts": [[1909]]}}
    other = {"id": "h", "type": "book", "author": [{"family": "Hammond", "given": "C."}], "title": "Basics",
             "issued": {"date-parts": [[1997]]}}
    entries = render_bibliography([other, gennep], style="harvard-cite-them-right")
    assert entries[0].startswith("van Gennep, A.")


def test_title_case_words_leaves_citeproc_js_stop_words_lower_case():
    article = dict(ARTICLE, language="en", title="recherches sur les défrichements aux XIe et XIIe siècles")
    entry, = render_bibliography([article], style=CHICAGO)
    assert "“Recherches Sur Les Défrichements Aux XIe et XIIe Siècles.”" in entry
