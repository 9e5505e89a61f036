"""The site's root page: each published language in its own name, with the publication's title in it."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from conftest import PROJECT
from publisher.tasks.build import write_root_index


def test_the_root_page_titles_come_from_the_catalogs_not_from_the_pages(tmp_path):
    report = {"en": {"published": True}, "fr": {"published": True}, "ar": {"published": True},
              "es": {"published": False}}
    (tmp_path / "languages.json").write_text(json.dumps(report), encoding="utf-8")  # and no page at all

    write_root_index(PROJECT, tmp_path)

    page = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [(li["lang"], li["dir"], li.select_one(".language").get_text(), li.select_one(".title").get_text())
            for li in page.select("li")] == [
        ("en", "ltr", "English", "International Agenda for Migration Management"),
        ("fr", "ltr", "Français", "Agenda international pour la gestion des migrations"),
        ("ar", "rtl", "العربية", "الخطة الدولية لإدارة الهجرة"),
    ]
