"""The archival recogniser on the forms historians write, archive family by archive family."""
from __future__ import annotations

from typing import Any

import pytest

from converter.notes.archival import ArchivalContext, identity, parse_archival
from converter.notes.declarations import find_declarations, mask_declarations
from converter.notes.reference import Reference


def read(text: str, context: ArchivalContext | None = None, start: int = 0) -> list[Reference]:
    match = parse_archival(text, start, context or ArchivalContext())
    assert match is not None, text
    return match.references


def only(text: str, context: ArchivalContext | None = None) -> Reference:
    references = read(text, context)
    assert len(references) == 1, [r.csl for r in references]
    return references[0]


def families(names: list[dict[str, str]] | None) -> list[str]:
    return [n.get("family") or n.get("literal", "") for n in names or []]


def check(reference: Reference, **expected: Any) -> None:
    got = {key.replace("_", "-") if key != "archive_location" else key: value for key, value in expected.items()}
    for key, value in got.items():
        if key == "locator":
            assert reference.locator == value, (key, reference.locator)
        elif key == "label":
            assert reference.label == value, (key, reference.label)
        elif key in ("author", "recipient"):
            assert families(reference.csl.get(key)) == value, (key, reference.csl.get(key))
        elif key == "issued":
            assert reference.csl.get("issued", {}).get("date-parts") == value, (key, reference.csl.get("issued"))
        else:
            assert reference.csl.get(key) == value, (key, reference.csl.get(key))


# Russian archives: fond / opis' / delo / list, with and without spaces and dots.
@pytest.mark.parametrize(("text", "expected"), [
    ("RGASPI, F.558, Op.1, D.5754, L.126.",
     {"archive": "RGASPI", "archive_place": "Moskva",
      "archive_location": "F. 558, Op. 1, D. 5754", "locator": "126", "label": "folio"}),
    ("GARF, f. 5446, op. 1, d. 12, ll. 3–5ob.",
     {"archive": "Gosudarstvennyj Archiv Rossijskoj Federacii", "archive_location": "f. 5446, op. 1, d. 12",
      "locator": "3–5ob", "label": "folio", "type": "manuscript"}),
    ("AVPRF, F 4, op. 20, pap. 155, d. 46, Čičerin tovarišu K.K. Jurenevu, 13 marta 1924, 13–14.",
     {"archive": "AVPRF", "archive_location": "F 4, op. 20, pap. 155, d. 46",
      "author": ["Čičerin"], "recipient": ["Jurenev"], "issued": [[1924, 3, 13]], "type": "personal_communication",
      "genre": "letter", "title": "Čičerin tovarišu K.K. Jurenevu", "locator": "13–14", "label": "page"}),
])
def test_russian(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("TNA, FO 371/24846, N 1234/30/38, Cripps to Halifax, 12 January 1940.",
     {"archive": "The National Archives", "archive_location": "FO 371/24846, N 1234/30/38",
      "author": ["Cripps"], "recipient": ["Halifax"], "issued": [[1940, 1, 12]], "title": "Cripps to Halifax"}),
    ("CAB 65/4, War Cabinet conclusions, 3 October 1939.",
     {"archive_location": "CAB 65/4", "title": "War Cabinet conclusions", "type": "manuscript"}),
    ("Halifax to Lothian, 12 June 1940 (TNA KV 2/1).",
     {"archive": "The National Archives", "archive_location": "KV 2/1", "author": ["Halifax"],
      "recipient": ["Lothian"], "issued": [[1940, 6, 12]]}),
    ("PRO, HO 144/2158/322428.", {"archive": "Public Record Office", "archive_location": "HO 144/2158/322428"}),
    ("Memorandum by Sargent, 3 March 1936, TNA, FO 371/19902, C 1234/4/18.",
     {"archive_location": "FO 371/19902, C 1234/4/18", "author": ["Sargent"], "title": "Memorandum by Sargent",
      "type": "manuscript"}),
    ("London, The National Archives, FO 371/24846, fol. 12.",
     {"archive": "The National Archives", "archive_place": "London", "archive_location": "FO 371/24846",
      "locator": "12", "label": "folio"}),
])
def test_british(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("ACS, PCM, 1934–36, b. 12, fasc. 3.",
     {"archive": "ACS", "archive_place": "Roma", "archive_location": "PCM, 1934–36, b. 12, fasc. 3"}),
    ("ASMAE, Affari Politici 1919–1930, busta 1234, Grandi a Mussolini, Londra, 4 maggio 1931.",
     {"archive_location": "Affari Politici 1919–1930, busta 1234", "author": ["Grandi"], "recipient": ["Mussolini"],
      "publisher_place": "Londra", "issued": [[1931, 5, 4]]}),
    ("Archivio di Stato di Firenze, Carte Strozziane, serie I, filza 12, c. 34r.",
     {"archive": "Archivio di Stato di Firenze", "archive_location": "Carte Strozziane, serie I, filza 12",
      "locator": "34r", "label": "folio"}),
])
def test_italian(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("BArch, R 43 I/637, Bl. 190–192.",
     {"archive": "BArch", "archive_place": "Berlin", "archive_location": "R 43 I/637", "locator": "190–192",
      "label": "folio"}),
    ("PA AA, R 28 034, Aufzeichnung Bülows vom 3.6.1931.",
     {"archive": "PA AA", "archive_location": "R 28 034",
      "title": "Aufzeichnung Bülows", "issued": [[1931, 6, 3]]}),
    ("Stresemann an Hindenburg, 12. Mai 1925, BArch, R 43 I/637, Bl. 190.",
     {"archive": "BArch", "author": ["Stresemann"], "recipient": ["Hindenburg"], "issued": [[1925, 5, 12]],
      "locator": "190"}),
    ("Staatsarchiv Hamburg, Senatskommission, Bestand 111-1, Nr. 1234.",
     {"archive": "Staatsarchiv Hamburg", "archive_location": "Senatskommission, Bestand 111-1, Nr. 1234"}),
])
def test_german(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("NARA, RG 59, 861.00/11432.",
     {"archive": "NARA", "archive_place": "College Park, MD", "archive_location": "RG 59, 861.00/11432"}),
    ("Hull to Roosevelt, May 12, 1941, RG 59, 711.94/2134, NARA.",
     {"archive_location": "RG 59, 711.94/2134", "author": ["Hull"], "recipient": ["Roosevelt"],
      "issued": [[1941, 5, 12]], "title": "Hull to Roosevelt"}),
    ("Hoover Institution Archives, Boris Nicolaevsky Papers, box 11, folder 7.",
     {"archive": "Hoover Institution Archives", "archive_location": "Boris Nicolaevsky Papers, box 11, folder 7"}),
    ("Library of Congress, Cordell Hull Papers, box 45, folder 3.",
     {"archive": "Library of Congress", "archive_location": "Cordell Hull Papers, box 45, folder 3"}),
])
def test_us_and_private_papers(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("DVP SSSR, T. 9, Dok. 136, Zapis’ besedy … s Poslom Italii v SSSR Manzoni, Moskva, 21 aprelja 1926, 245–247.",
     {"type": "chapter", "container_title": "Dokumenty Vnešnej Politiki SSSR", "volume": "9", "number": "136",
      "event_place": "Moskva", "page": "245–247", "locator": None, "recipient": []}),
    ("DDI, Serie VII, vol. 4, Doc. 540, Il Capo del Governo e Ministro degli Esteri Mussolini all’Ambasciatore a "
     "Mosca, Manzoni, Roma, 13 December 1926, 419.",
     {"container_title": "Documenti Diplomatici Italiani", "collection_title": "Serie", "collection_number": "VII",
      "volume": "4", "number": "540", "author": ["Mussolini"], "recipient": ["Manzoni"], "event_place": "Roma",
      "issued": [[1926, 12, 13]], "page": "419"}),
    ("DGFP, Series D, vol. 7, no. 213, 229–230.",
     {"container_title": "Documents on German Foreign Policy", "collection_number": "D", "volume": "7",
      "number": "213"}),
    ("DBFP, 2nd ser., vol. 6, no. 123.", {"collection_number": "2nd", "volume": "6", "number": "123"}),
    ("ADAP, Serie B, Bd. 2, Nr. 123, S. 234.",
     {"container_title": "Akten zur deutschen auswärtigen Politik", "volume": "2", "number": "123", "page": "234"}),
    ("FRUS, 1941, vol. 4, doc. 123, 456–457.",
     {"container_title": "Foreign Relations of the United States", "volume": "1941, 4", "number": "123"}),
])
def test_published_collections(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


def test_several_documents_under_one_archive_path() -> None:
    text = ("AVPRF, F 4, op. 20, pap. 155, d. 46, Čičerin tovarišu K.K. Jurenevu, 1 maja 1924, pp. 59–60, "
            "Litvinov tovarišu K.K Jurenevu, 5 nojabrja 1924, pp. 126–129.")
    first, second = read(text)
    check(first, author=["Čičerin"], issued=[[1924, 5, 1]], locator="59–60")
    check(second, author=["Litvinov"], issued=[[1924, 11, 5]], locator="126–129",
          archive_location="F 4, op. 20, pap. 155, d. 46")
    assert second.start > first.end


def test_several_whole_files_each_replacing_the_file_number() -> None:
    text = ("AVPRF, F 4, op. 20, pap. 157, d. 84, “Pis’ma Polpredstva po Dogovoru, 2.1.1925–23.11.1925”, d. 86 "
            "“Šifrovki po Torgovou Dogovoru, 25.9.1923–29.12.1923”.")
    first, second = read(text)
    check(first, type="manuscript", archive_location="F 4, op. 20, pap. 157, d. 84",
          title="Pis’ma Polpredstva po Dogovoru, 2.1.1925–23.11.1925", issued=[[1925, 1, 2], [1925, 11, 23]])
    check(second, archive_location="F 4, op. 20, pap. 157, d. 86", issued=[[1923, 9, 25], [1923, 12, 29]])


def test_several_documents_in_one_volume() -> None:
    text = ("DVP SSSR, T.7, Dok. 177, Telegramma … K-K. Jurenevu, 21 Junija 1924, p. 390 e n.193, "
            "Telegramma … K-K. Jurenevu, 25 Julija 1924, p. 407.")
    first, second = read(text)
    check(first, number="177", volume="7", page="390", issued=[[1924, 6, 21]])
    check(second, number="193", volume="7", page="407", issued=[[1924, 7, 25]], recipient=["Jurenev"])


def test_declarations_apply_to_later_notes() -> None:
    context = ArchivalContext()
    notes = ["Archivio di Stato di Firenze (d’ora in poi ASF), Carte Strozziane, serie I, filza 12.",
             "ASF, Mediceo del Principato, filza 3, c. 5."]
    references = []
    for text in notes:
        for declaration in find_declarations(text):
            context.abbreviations[declaration.abbreviation] = declaration.expansion
        references.append(only(mask_declarations(text), context))
    check(references[0], archive="Archivio di Stato di Firenze", archive_location="Carte Strozziane, serie I, filza 12")
    check(references[1], archive="Archivio di Stato di Firenze", archive_location="Mediceo del Principato, filza 3",
          locator="5", label="folio")


def test_a_declared_level_word_is_written_as_declared() -> None:
    context = ArchivalContext(abbreviations={"d.": "delo", "AVPRF": "Archiv Vnešnej Politiki, Moskva"})
    check(only("AVPRF, F 4, op. 20, pap. 155, delo 44, Jurenev Litvinovu, Rim, 20 sentjabrja 1924, 11–15.", context),
          archive_location="F 4, op. 20, pap. 155, d. 44", publisher_place="Rim", recipient=["Litvinov"])


def test_a_missing_file_number_is_left_out() -> None:
    check(only("AVPRF, F 4, op. 20, pap. 155, d. Jurenev Pervomu Zamnarkomu tov. M.M. Litvinovu, Rim, 17 Maja 1924."),
          archive_location="F 4, op. 20, pap. 155", title="Jurenev Pervomu Zamnarkomu tov. M.M. Litvinovu")


@pytest.mark.parametrize(("text", "archive"), [
    ("TNA, FO 371/24846.", "The National Archives"),  # the initials of its name: expanded
    ("PRO, HO 144/2158/322428.", "Public Record Office"),
    ("BArch, R 43 I/637.", "BArch"),  # a house abbreviation nothing declares: as printed
    ("Bundesarchiv Koblenz, R 43 I/637.", "Bundesarchiv Koblenz"),  # a full name: as printed
    ("Politisches Archiv des Auswärtigen Amtes, R 28 034.", "Politisches Archiv des Auswärtigen Amtes"),
])
def test_archive_names(text: str, archive: str) -> None:
    check(only(text), archive=archive)


def test_a_declared_abbreviation_is_expanded() -> None:
    context = ArchivalContext(abbreviations={"BArch": "Bundesarchiv Berlin-Lichterfelde"})
    check(only("BArch, R 43 I/637, Bl. 190.", context), archive="Bundesarchiv", archive_place="Berlin")


@pytest.mark.parametrize("text", [
    "Andrea Graziosi, L’Urss di Lenin e Stalin (Bologna: Il Mulino, 2007), 42–55.",
    "E. H. Carr, The Bolshevik Revolution, vol. 3 (London: Macmillan, 1953), 12.",
    "Ibid., 45.",
    "The Italian presence in China was limited to the concession of Tientsin, an important area.",
    "Pietro Pastorelli, Italia e Albania (Firenze: Biblioteca della Rivista di Studi Politici, 1967), 278.",
    "Ann Lee, “Peasants and Power” (PhD diss., Yale University, 2005), 12.",
    "Library of Congress, “American Leaders Speak, 1918–1920,” http://memory.loc.gov/ammem/nfhtml/speakers.html.",
])
def test_not_archival(text: str) -> None:
    assert parse_archival(text, 0, ArchivalContext()) is None


def test_a_lead_in_before_the_archive_is_not_read_as_a_description() -> None:
    text = "On this point, see AVPRF, F 4, op. 20, pap. 157, d. 84."
    assert parse_archival(text, 0, ArchivalContext()) is None
    check(only(text[text.index("AVPRF"):]), archive_location="F 4, op. 20, pap. 157, d. 84")


def test_identity_joins_one_document_cited_twice() -> None:
    context = ArchivalContext()
    a = only("AVPRF, F 4, op. 20, pap. 155, d. 46, Pervyj Zamnarkom Litvinov Jurenevu, Moskva, 5 nojabrja 1924, 126.",
             context)
    b = read("AVPRF, F 4, op. 20, pap. 155, d. 46, Čičerin tovarišu K.K. Jurenevu, 1 maja 1924, pp. 59–60, "
             "Litvinov tovarišu K.K Jurenevu, 5 nojabrja 1924, pp. 126–129.", context)
    assert identity(a.csl) == identity(b[1].csl)
    assert identity(a.csl) != identity(b[0].csl)
    c = only("DVP SSSR, Tom 9, Dok. 285, Nota …, 6 oktjabrja 1926, pp. 480–481.")
    d = only("DVP SSSR, T. 9, Dok. 285, Note of …, Moskva, 6 oktjabrja 1926, 480–481.")
    assert identity(c.csl) == identity(d.csl) is not None
    assert identity({"type": "book", "title": "X"}) is None


def test_spans_point_at_the_printed_fields() -> None:
    text = "TNA, FO 371/24846, Cripps to Halifax, 12 January 1940, fol. 3."
    reference = only(text)
    spans = {name: text[a:b] for name, a, b in reference.spans}
    assert spans["archive_location"] == "FO 371/24846"
    assert spans["title"] == "Cripps to Halifax"
    assert spans["issued"] == "12 January 1940"
    assert spans["locator"] == "fol. 3"


@pytest.mark.parametrize(("text", "expected"), [
    ("Grandi a Mussolini, 12 giugno 1931, ASMAE, Affari Politici 1931–1945, b. 12, fasc. 4.",
     {"title": "Grandi a Mussolini", "archive_location": "Affari Politici 1931–1945, b. 12, fasc. 4",
      "type": "personal_communication"}),
    ("Stimson Diary, 12 May 1941, Henry L. Stimson Papers, Manuscripts and Archives, Yale University Library, "
     "New Haven, CT.",
     {"title": "Stimson Diary", "archive": "Yale University Library", "archive_place": "New Haven, CT",
      "archive_location": "Henry L. Stimson Papers", "issued": [[1941, 5, 12]]}),
    ("National Archives and Records Administration, College Park, MD, RG 59, Decimal File 1930–39, 761.00/245, "
     "box 4512.",
     {"archive_place": "College Park, MD", "archive_location": "RG 59, Decimal File 1930–39, 761.00/245, box 4512"}),
    ("London, British Library, Add. MS 49693, fol. 12r.",
     {"archive": "British Library", "archive_location": "Add. MS 49693", "locator": "12r", "label": "folio"}),
    ("BArch, R 43 I/637, Bl. 190–192, hier Bl. 191.", {"archive_location": "R 43 I/637", "locator": "191"}),
    ("Schreiben Stresemanns an Brockdorff-Rantzau, 3. Mai 1926, in: ADAP, Serie B, Bd. 2/1, Nr. 145, S. 345–347.",
     {"type": "chapter", "title": "Schreiben Stresemanns an Brockdorff-Rantzau", "author": ["Stresemann"],
      "recipient": ["Brockdorff-Rantzau"], "volume": "2/1", "number": "145", "page": "345–347",
      "container_title": "Akten zur deutschen auswärtigen Politik"}),
    ("Archives nationales, Paris, F7 13424, rapport du 12 mai 1925.",
     {"archive": "Archives nationales", "archive_location": "F7 13424", "title": "rapport",
      "issued": [[1925, 5, 12]]}),
])
def test_description_first_papers_pinpoints_and_printed_in(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Oxford, Bodleian Library, MS Eng. hist. c. 123, fol. 45.",
     {"archive": "Bodleian Library", "archive_place": "Oxford", "archive_location": "MS Eng. hist. c. 123",
      "locator": "45"}),
    ("British Library, IOR, MSS Eur F 112/45, fol. 3.",
     {"archive": "British Library", "archive_location": "IOR, MSS Eur F 112/45", "locator": "3"}),
    ("GARF, f. R-5446, op. 1, d. 12, l. 3.", {"archive_location": "f. R-5446, op. 1, d. 12", "locator": "3"}),
    ("SHD, 7 N 2345.", {"archive": "SHD", "archive_place": "Vincennes", "archive_location": "7 N 2345"}),
    ("GStA PK, I. HA Rep. 90a, Nr. 123.", {"archive": "GStA PK", "archive_location": "I. HA Rep. 90a, Nr. 123"}),
    ("Welles to Hull, ‘Welles to Hull,’ 2 Feb. 1939, pp 330–341 (Library of Congress, Cordell Hull Papers, box 45, "
     "folder 3).",
     {"author": ["Welles"], "recipient": ["Hull"], "title": "Welles to Hull", "locator": "330–341",
      "archive": "Library of Congress", "archive_location": "Cordell Hull Papers, box 45, folder 3"}),
    ("“Relazione sulla situazione,” March 4, 1935, Roma, Archivio Centrale dello Stato, PCM, 1934–36, b. 12.",
     {"title": "Relazione sulla situazione", "archive_place": "Roma", "archive_location": "PCM, 1934–36, b. 12"}),
])
def test_manuscript_shelf_marks_and_zotero_rendered_notes(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


def test_a_note_continuing_the_last_archive_path() -> None:
    context = ArchivalContext()
    only("GARF, f. 5446, op. 1, d. 12, l. 3.", context)
    check(only("d. 47, l. 5.", context), archive="Gosudarstvennyj Archiv Rossijskoj Federacii",
          archive_location="f. 5446, op. 1, d. 47", locator="5")
    assert parse_archival("d. 47, l. 5.", 0, ArchivalContext()) is None  # nothing to continue


@pytest.mark.parametrize(("text", "expected"), [
    ("TsA FSB, f. 3, op. 1, d. 5, l. 7.",
     {"archive": "TsA FSB", "archive_location": "f. 3, op. 1, d. 5", "locator": "7"}),
    ("ACS, MI, DGPS, AGR, cat. A1, 1925, b. 12, fasc. «Rossi Mario».",
     {"archive_place": "Roma", "archive_location": "MI, DGPS, AGR, cat. A1, 1925, b. 12, fasc. «Rossi Mario»"}),
    ("R 43 I/1234, Bl. 12.", {"archive_location": "R 43 I/1234", "locator": "12", "label": "folio"}),
    ("PA AA, R 28034, Bl. E 123456.", {"archive_location": "R 28034", "locator": "E 123456"}),
    ("PRO FO 371/19902/C1234.", {"archive": "Public Record Office", "archive_location": "FO 371/19902/C1234"}),
    ("Hull to Roosevelt, May 12, 1941, PSF, box 12, FDRL.",
     {"archive": "FDRL", "archive_place": "Hyde Park, NY", "archive_location": "PSF, box 12", "author": ["Hull"]}),
    ("Letter, Hull to Roosevelt, May 12, 1941, folder 3, box 45, Cordell Hull Papers, Library of Congress.",
     {"title": "Letter, Hull to Roosevelt", "archive_location": "folder 3, box 45, Cordell Hull Papers",
      "recipient": ["Roosevelt"]}),
])
def test_unknown_repositories_lettered_values_and_chicago_order(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


def test_an_archive_printed_with_its_own_abbreviation_teaches_it() -> None:
    context = ArchivalContext()
    check(only("National Archives of Australia (NAA), A1838, 3016/11/30 Part 1.", context),
          archive="National Archives of Australia", archive_location="A1838, 3016/11/30 Part 1")
    check(only("NAA, A1838, 3016/11/31.", context), archive="National Archives of Australia",
          archive_location="A1838, 3016/11/31")


@pytest.mark.parametrize(("text", "expected"), [
    ("Eden to Halifax, 3 Apr. 1938, Hickleton Papers, A4.410.4.3.",
     {"author": ["Eden"], "recipient": ["Halifax"], "archive_location": "Hickleton Papers, A4.410.4.3"}),
    ("Eden to Halifax, 3 Apr. 1938, Hickleton Papers, Borthwick Institute, York, A4.410.4.3.",
     {"archive": "Borthwick Institute", "archive_place": "York", "archive_location": "Hickleton Papers, A4.410.4.3"}),
    ("Chamberlain to Ida Chamberlain, 20 Mar. 1938, Neville Chamberlain Papers, Cadbury Research Library, "
     "University of Birmingham, NC 18/1/1042.",
     {"archive": "Cadbury Research Library", "archive_location": "Neville Chamberlain Papers, NC 18/1/1042"}),
    ("Litvinov to Maiskii, 4 June 1934, AVP RF, f. 05, op. 14, p. 96, d. 5, l. 32.",
     {"archive_location": "f. 05, op. 14, p. 96, d. 5", "locator": "32", "author": ["Litvinov"]}),
    ("‘Stalin to Molotov,’ 1 Sept. 1930, p. 109 (RGASPI, f. 558, op. 11, d. 767).",
     {"archive_location": "f. 558, op. 11, d. 767", "locator": "109", "label": "page"}),
    ("Schreiben des Reichskanzlers an den Reichspräsidenten vom 12.5.1925, Akten der Reichskanzlei, Kabinett "
     "Luther, Bd. 1, Nr. 85, S. 275.",
     {"type": "chapter", "volume_title": "Kabinett Luther", "volume": "1", "number": "85", "page": "275",
      "author": [], "recipient": [], "issued": [[1925, 5, 12]]}),
])
def test_named_papers_departments_papki_and_volume_titles(text: str, expected: dict[str, Any]) -> None:
    check(only(text), **expected)


@pytest.mark.parametrize("text", [
    "Bertram Wolfe, Three Who Made a Revolution (Stanford: Hoover Institution Press, 1984), 12.",
])
def test_a_repository_that_publishes_is_a_publisher(text: str) -> None:
    assert parse_archival(text, 0, ArchivalContext()) is None


def test_a_description_after_a_colon_belongs_to_the_folios_before_it() -> None:
    check(only("BArch, R 43 I/637, Bl. 190–192: Stresemann an Hindenburg, 12.5.1925."),
          archive_location="R 43 I/637", locator="190–192", title="Stresemann an Hindenburg",
          issued=[[1925, 5, 12]], author=["Stresemann"])
