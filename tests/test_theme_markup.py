"""The theme's markup as the pages are written: translated labels, direction, heading levels.

Nothing rewrites a page after Sphinx has written it, so these are read from the
pages Sphinx writes, and a build into the same folder again writes the same bytes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from jinja2.ext import babel_extract

from conftest import PROJECT, sphinx_build
from publisher.content.languages import LANGUAGES, TRANSLATIONS
from publisher.tasks.build import INTERNAL_FILES

TEMPLATES = PROJECT / "publisher" / "templates"


def with_catalogs(project: Path, sphinx_language: str) -> Path:
    """The fixture with the publication's own catalogs of site labels in ``sphinx_language``."""
    folder = project / "locales" / sphinx_language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("sphinx.po", "publisher.po"):
        shutil.copy(PROJECT / "locales" / sphinx_language / "LC_MESSAGES" / name, folder / name)
    return project


@pytest.fixture
def arabic(make_project):
    project = with_catalogs(make_project(), "ar")
    build = sphinx_build(project, language="ar")
    assert (build.warnings, build.error) == ([], None)
    return build


def test_arabic_pages_open_right_to_left(arabic):
    text = (arabic.outdir / "index.html").read_text(encoding="utf-8")
    assert '<html class="no-js" lang="ar" dir="rtl" data-content_root="./">' in text
    assert text.count('dir="rtl" data-content_root') == 1


def test_english_pages_have_no_direction_attribute(make_project):
    build = sphinx_build(make_project())
    text = (build.outdir / "index.html").read_text(encoding="utf-8")
    assert '<html class="no-js" lang="en" data-content_root="./">' in text


def test_the_head_says_before_any_style_that_scripts_run_and_how_to_lay_the_page_out(arabic):
    """Furo removes `no-js` once the page is parsed: every element's style is computed again. The
    page's own script does it, and sets `can-copy` and `lazy-layout`, before the first stylesheet."""
    text = (arabic.outdir / "framework" / "understandings.html").read_text(encoding="utf-8")
    head = text[:text.index("</head>")]
    script = head[head.index("<script>"):head.index("</script>")]
    assert head.index("<script>") < head.index('rel="stylesheet"')
    assert 'root.classList.remove("no-js")' in script
    assert 'if (navigator.clipboard) root.classList.add("can-copy")' in script
    # Laid out lazily only when the page opens at its top: not on a reload, going back, or a link to an #ID.
    assert ('if (visit && visit.type === "navigate" && !location.hash) root.classList.add("lazy-layout")'
            in script)


def test_every_item_has_its_copy_button_in_the_page_as_written(arabic):
    """Written with the page, not inserted after it loads (which laid every item out again)."""
    page = arabic.page("practices/01-cooperation")
    items = page.select("section.item")
    assert items
    for item in items:
        button = item.select_one("p.item-fields > button.copy-link")
        assert button is not None, item["id"]
        assert (button["type"], button.get_text()) == ("button", "نسخ الرابط")
        assert "web-only" in button["class"]  # the Word file and the page's data leave it out


def test_the_practice_browser_has_its_filter_box_in_the_page_as_written(make_project):
    project = make_project(files={"reference/browse.md": "---\norphan: true\n---\n# Browse\n\n```{practice-browser}\n```\n"})
    build = sphinx_build(project)
    assert build.warnings == []
    browser = build.page("reference/browse").select_one("div.practice-browser")
    box = browser.find(True)  # its first element
    assert box.name == "input" and set(box["class"]) == {"practice-filter", "web-only"}
    assert (box["type"], box["placeholder"], box["aria-label"]) == (
        "search", "Filter the practices by a word", "Filter the practices by a word")


def test_the_theme_labels_are_in_the_page_language(arabic):
    text = (arabic.outdir / "practices" / "01-cooperation.html").read_text(encoding="utf-8")
    for markup in (
        'aria-label="إظهار الشريط الجانبي للتنقل في الموقع أو إخفاؤه"',
        'aria-label="إظهار الشريط الجانبي لمحتويات الصفحة أو إخفاؤه"',
        '<a class="skip-to-content muted-link" href="#furo-main-content">الانتقال إلى المحتوى</a>',
        "<span>العودة إلى الأعلى</span>",
        "<title>المحتويات</title>",
        "<title>القائمة</title>",
        "<title>توسيع</title>",
        "<title>المظهر الفاتح</title>",
        "<title>المظهر الداكن</title>",
        "<title>مظهر تلقائي، فاتح حالياً</title>",
        "<title>مظهر تلقائي، داكن حالياً</title>",
        '<div class="copyright">حقوق النشر &#169; ',
        "أُنشئ باستخدام <a",
        '<div class="context"><span>السابق</span></div>',
        'title="رابط إلى هذا العنوان"',  # Sphinx's own catalog has no Arabic for it
    ):
        assert markup in text, markup
    # In the header and beside the content.
    assert text.count('<button class="theme-toggle" aria-label="تبديل المظهر: فاتح أو داكن أو تلقائي">') == 2
    for english in ("Skip to content", "Back to top", "Toggle", "Light mode", "Dark mode", "Copyright",
                    "Made with", "Link to this", "<title>Contents</title>", "<title>Menu</title>", "<title>Expand</title>"):
        assert english not in text, english


def test_table_of_contents_captions_are_headings_of_level_two(arabic):
    caption = '<p aria-level="2" class="caption" role="heading"><span class="caption-text">'
    page = (arabic.outdir / "index.html").read_text(encoding="utf-8")
    assert page.count(caption) == 2  # the sidebar's and the page's own table of contents
    assert page.count("aria-level") == 2


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_label_of_the_templates_is_translated(code):
    """A label added to a template without its translation would be English on every page."""
    labels = set()
    for template in sorted(TEMPLATES.rglob("*.html")):
        with template.open("rb") as file:
            labels |= {message for _, _, message, _ in babel_extract(file, ("_", "gettext"), [], {})
                       if isinstance(message, str)}
    with (PROJECT / "locales" / LANGUAGES[code].sphinx / "LC_MESSAGES" / "sphinx.po").open("rb") as file:
        catalog = read_po(file)
    translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    assert sorted(labels - translated) == []


def is_published(path: Path) -> bool:
    """Not Sphinx's and sphinx-needs' own files, which the build leaves out (one holds a timing)."""
    return not {".doctrees", *INTERNAL_FILES} & set(path.parts)


def test_building_again_writes_the_same_bytes(make_project):
    """A second and a third build into the same folder, as `nox -s serve` does, change nothing.

    Every page is written each time: the sources are touched between builds.
    """
    project = with_catalogs(make_project(), "ar")
    outdir = project / "_build" / "html"

    def build_and_read(fresh: bool) -> dict[str, bytes]:
        build = sphinx_build(project, outdir, fresh=fresh, language="ar")
        assert (build.warnings, build.error) == ([], None)
        return {path.relative_to(outdir).as_posix(): path.read_bytes()
                for path in sorted(outdir.rglob("*")) if path.is_file() and is_published(path.relative_to(outdir))}

    first = build_and_read(fresh=True)
    assert [name for name in first if name.endswith(".html")]
    for _ in range(2):
        for source in project.rglob("*.md"):
            os.utime(source)  # newer than its page: Sphinx writes the page again
        again = build_and_read(fresh=False)
        assert sorted(again) == sorted(first)
        assert [name for name in first if again[name] != first[name]] == []


#: Furo's templates that publisher/templates/ replaces, as they were when ours were written
#: (Furo 2025.12.19). An upgrade that changes one must be read before it is taken.
FURO_TEMPLATES_READ = {
    "base.html": "c6b65a3fc4089f835cc613050c1aeaf2eecbdb66118195291c5ce7651e7095de",
    "page.html": "ad8bad98317b2e09e018cde7113e90a32b3a87e0440cfab385d1bb7ca1c9cd6d",
    "partials/icons.html": "011252a5f029c5469b589debeceff03b3c6212bf7fb692d8d11dc1b7cb6c14bf",
}


def test_the_templates_we_replace_are_the_ones_we_read():
    """Furo's markup moving on must not pass unnoticed: ours would silently lag behind."""
    import hashlib

    import furo

    theme = Path(furo.__file__).parent / "theme" / "furo"
    changed = [name for name, digest in FURO_TEMPLATES_READ.items()
               if hashlib.sha256((theme / name).read_bytes()).hexdigest() != digest]
    assert changed == [], (
        f"Furo {furo.__version__} changed {', '.join(changed)}: compare with publisher/templates/, "
        "carry its changes over, then record the new digests in FURO_TEMPLATES_READ")


def test_lists_of_links_take_the_language_punctuation(arabic):
    """EP_002 implements two understandings: Arabic separates them with its own semicolon."""
    text = (arabic.outdir / "practices" / "01-cooperation.html").read_text(encoding="utf-8")
    assert "</a>؛ <a" in text and "</a>; <a" not in text
