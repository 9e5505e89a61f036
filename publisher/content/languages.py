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


SOURCE = "en"

LANGUAGES = {
    language.code: language
    for language in (
        Language("en", "en", "English", "ltr", "en"),
        Language("fr", "fr", "Français", "ltr", "fr"),
        Language("es", "es", "Español", "ltr", "es"),
        Language("ar", "ar", "العربية", "rtl", "ar"),
        Language("zh", "zh_CN", "中文", "ltr", "zh-Hans"),
        Language("ru", "ru", "Русский", "ltr", "ru"),
    )
}
TRANSLATIONS = [code for code in LANGUAGES if code != SOURCE]


def by_sphinx_language(sphinx_language: str | None) -> Language:
    for language in LANGUAGES.values():
        if language.sphinx == sphinx_language:
            return language
    return LANGUAGES[SOURCE]
