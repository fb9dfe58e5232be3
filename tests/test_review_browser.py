"""The review page in a real headless Chromium (Debian's `chromium` + `chromium-driver`, installed
by `make test`): highlights are drawn, filters hide and show notes, hostile text runs no script,
and a screenshot is saved to out/review.png. Skipped, with the reason, when no browser is there."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from converter.report import Report
from converter.review import build_page
from converter.review.flags import note_views
from tests.reviewdocs import review_document

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
if not (CHROMIUM and DRIVER):
    pytest.skip("headless browser test SKIPPED: Debian packages chromium and chromium-driver are not "
                "installed (make test installs them: apt-get install chromium chromium-driver)",
                allow_module_level=True)

from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "review.html"
    path.write_text(build_page(review_document(), Report(), title="Dundovich 2020 (test)"), "utf-8")
    return path


@pytest.fixture(scope="module")
def browser(page_path: Path) -> Iterator[webdriver.Chrome]:
    options = Options()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(flag)
    # An explicit driver path: selenium never tries to download one.
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    try:
        driver.get(page_path.as_uri())
        yield driver
    finally:
        driver.quit()


def visible_numbers(driver: webdriver.Chrome) -> list[str]:
    return [n.get_attribute("data-number") for n in driver.find_elements(By.CSS_SELECTOR, "article.note")
            if n.is_displayed()]


def test_highlights_are_drawn_in_their_colours(browser: webdriver.Chrome) -> None:
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.hl")
    assert len(marks) > 50
    colours = {m.get_attribute("data-field"): m.value_of_css_property("background-color") for m in marks}
    for field in ("author", "title", "publisher", "locator"):
        assert field in colours
    assert len({colours[f] for f in ("author", "title", "publisher", "locator")}) == 4
    assert "rgba(0, 0, 0, 0)" not in colours.values()


def test_filters_hide_and_show_notes(browser: webdriver.Chrome) -> None:
    views = note_views(review_document(), Report())
    everything = [v.note.number for v in views]
    expected = {
        "archival": [v.note.number for v in views if v.archival],
        "low": [v.note.number for v in views if v.low_confidence],
        "unresolved": [v.note.number for v in views if v.unresolved],
    }
    assert expected["archival"] and expected["low"] and expected["unresolved"]
    assert visible_numbers(browser) == everything
    for name, numbers in expected.items():
        browser.find_element(By.ID, f"filter-{name}").click()
        assert visible_numbers(browser) == numbers, name
        assert browser.find_element(By.ID, f"filter-{name}").get_attribute("aria-pressed") == "true"
        assert browser.find_element(By.ID, "shown").text == f"showing {len(numbers)} of {len(everything)} notes"
    browser.find_element(By.ID, "filter-all").click()
    assert visible_numbers(browser) == everything


def test_hostile_note_ran_no_script(browser: webdriver.Chrome) -> None:
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    hostile = browser.find_elements(By.CSS_SELECTOR, "article.note")[-1]
    assert "<script>window.__pwned = 1</script>" in hostile.find_element(By.CSS_SELECTOR, ".text").text
    assert not hostile.find_elements(By.CSS_SELECTOR, "img, script, b")


def parsed_notes_page(tmp_path: Path) -> tuple[Path, list[str]]:
    """The parser's reading of the seed chapter's notes, as `bibconv review` builds it."""
    from converter.model import Origin
    from converter.readers import notes_txt

    source = ROOT / "fixtures" / "seed" / "dundovich-2020-notes.txt"
    report = Report()
    document = notes_txt.read(source.read_text("utf-8"), origin=Origin(source.name), report=report)
    path = tmp_path / "parsed.html"
    path.write_text(build_page(document, report, title=source.name), "utf-8")
    return path, [v.note.number for v in note_views(document, report) if v.archival]


def test_parsed_notes_page_and_screenshot(browser: webdriver.Chrome, tmp_path: Path) -> None:
    path, archival = parsed_notes_page(tmp_path)
    browser.get(path.as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.hl")
    assert len(marks) > 20, "the parser's spans are drawn"
    assert {m.get_attribute("data-field") for m in marks} >= {"title", "archive_location", "locator"}
    browser.find_element(By.ID, "filter-archival").click()
    assert archival and visible_numbers(browser) == archival
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    browser.set_window_size(1400, 1300)
    first = next(n for n in browser.find_elements(By.CSS_SELECTOR, "article.note") if n.is_displayed())
    browser.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 60)",
                           first)
    assert browser.save_screenshot(str(out / "review.png"))
    assert (out / "review.png").stat().st_size > 10_000
