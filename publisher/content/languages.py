"""The languages the framework is published in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # in the site's URLs: build/site/<code>/
    sphinx: str  # Sphinx's ``language``, and the folder under locales/
    name: str  # the language's name in itself, as the switcher shows it
    direction: str  # "ltr" or "rtl"
    hreflang: str  # BCP 47, for <link rel="alternate" hreflang>
    #: The language's own punctuation between the items of a list and after a label:
    #: Arabic's comma-semicolon, Chinese full-width marks, French spaces before ";" and ":".
    separator: str = "; "
    colon: str = ": "


SOURCE = "en"

LANGUAGES = {
    language.code: language
    for language in (
        Language("en", "en", "English", "ltr", "en"),
        Language("fr", "fr", "Français", "ltr", "fr", separator="\u202f; ", colon="\u00a0: "),
        Language("es", "es", "Español", "ltr", "es"),
        Language("ar", "ar", "العربية", "rtl", "ar", separator="؛ "),
        Language("zh", "zh_CN", "中文", "ltr", "zh-Hans", separator="；", colon="："),
        Language("ru", "ru", "Русский", "ltr", "ru"),
    )
}
TRANSLATIONS = [code for code in LANGUAGES if code != SOURCE]


def by_sphinx_language(sphinx_language: str | None) -> Language:
    for language in LANGUAGES.values():
        if language.sphinx == sphinx_language:
            return language
    return LANGUAGES[SOURCE]
