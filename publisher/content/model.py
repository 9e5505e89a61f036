"""The content model: item types, ID patterns, fields and their closed lists.

Both the Sphinx build and the source-only check read their rules from here,
so the two can never disagree about what a valid item is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a reader-facing label for translation (extracted into publisher.pot)."""
    return message


PUBLICATION_TITLE = N_("International Agenda for Migration Management")
#: A label the PDF template prints (publisher/tasks/build.py passes it in the build's language).
PDF_LABELS = (N_("Contents"),)
#: This edition's makers, not the Berne Initiative (which ended in 2004 and wrote none of it).
AUTHOR = N_("The editors of the IAMM Open Edition")
COPYRIGHT = N_("2026, the editors of the IAMM Open Edition; text under CC BY 4.0")


@dataclass(frozen=True)
class ItemType:
    name: str  # the directive and the sphinx-needs type
    title: str
    prefix: str
    id_pattern: re.Pattern[str]
    id_range: str  # how the pattern reads to an editor

    def format_id(self, number: int) -> str:
        width = len(self.id_range.split()[0]) - len(self.prefix)
        return f"{self.prefix}{number:0{width}d}"  # a wider number keeps all its digits


UNDERSTANDING = ItemType(
    name="understanding",
    title=N_("Common understanding"),
    prefix="CU_",
    id_pattern=re.compile(r"CU_(?!00)[0-9]{2}"),  # ASCII digits: \d would take "CU_٠١" too
    id_range="CU_01 to CU_99",
)
PRACTICE = ItemType(
    name="practice",
    title=N_("Effective practice"),
    prefix="EP_",
    # Three digits, then as many as needed: a framework of 10,000 practices stays valid.
    id_pattern=re.compile(r"EP_(?!000)[0-9]{3}|EP_[1-9][0-9]{3,}"),
    id_range="EP_001 to EP_999, then EP_1000 on",
)
ITEM_TYPES = {t.name: t for t in (UNDERSTANDING, PRACTICE)}

#: The link a practice makes to the understandings it serves.
IMPLEMENTS = "implements"  # the option an editor writes
IMPLEMENTS_LABEL = N_("Implements")  # what a reader sees, on the practice
IMPLEMENTED_BY_LABEL = N_("Implemented by")  # and on the understanding

#: The thematic sections of the effective practices, in reading order.
SECTIONS = {
    "cooperation": N_("International co-operation"),
    "development": N_("Migration and development"),
    "labour": N_("Labour migration"),
    "family": N_("Family migration"),
    "integration": N_("Integration"),
    "naturalization": N_("Naturalization and citizenship"),
    "human-rights": N_("Protection of migrants' human rights"),
    "refugees": N_("Refugee protection"),
    "irregular": N_("Irregular migration"),
    "trafficking-smuggling": N_("Trafficking in persons and smuggling of migrants"),
    "return": N_("Return and readmission"),
    "health": N_("Migration and health"),
    "trade": N_("Migration and trade"),
    "security": N_("Migration and security"),
    "capacity": N_("Capacity building"),
    "data": N_("Data collection and research"),
    "public-information": N_("Public information"),
}

#: How many words a reader sees in an item's text, at least and at most (README,
#: "Writing an item"): a role counts as its visible text. An understanding states
#: one principle and its limits; a practice, one option a State can take up.
WORD_LIMITS = {"understanding": (60, 160), "practice": (40, 150)}

#: An item's status. A withdrawn item stays in the text, marked, so that its
#: ID and permalink keep working; it is exempt from the link rules.
STATUSES = {"adopted": N_("Adopted"), "withdrawn": N_("Withdrawn")}
WITHDRAWN = "withdrawn"

#: The fields each type requires, with their closed lists of values.
REQUIRED_FIELDS = {
    "understanding": {"status": STATUSES},
    "practice": {"section": SECTIONS, "status": STATUSES},
}


def type_of_id(item_id: str) -> ItemType | None:
    """The item type whose ID pattern ``item_id`` matches, if any."""
    for item_type in ITEM_TYPES.values():
        if item_type.id_pattern.fullmatch(item_id):
            return item_type
    return None


# -- The same model, as sphinx-needs 9.1 configuration ------------------------
# https://sphinx-needs.readthedocs.io/en/latest/configuration.html

NEEDS_TYPES = [
    {
        "directive": UNDERSTANDING.name,
        "title": UNDERSTANDING.title,
        "prefix": UNDERSTANDING.prefix,
        "color": "#DCE9F5",
    },
    {
        "directive": PRACTICE.name,
        "title": PRACTICE.title,
        "prefix": PRACTICE.prefix,
        "color": "#E6F2E1",
        # The closed list is checked by publisher.content.rules, whose messages carry
        # file and line; a schema violation carries neither (sphinx-needs #1606).
        "fields": {"section": {}},
        "links": {IMPLEMENTS: {"target_types": [UNDERSTANDING.name]}},
    },
]
NEEDS_FIELDS = {
    "section": {
        "description": "The thematic section of an effective practice.",
        "nullable": True,
    },
}
NEEDS_LINKS = {
    IMPLEMENTS: {
        "description": "The common understandings an effective practice serves.",
        "outgoing": IMPLEMENTS_LABEL,
        "incoming": IMPLEMENTED_BY_LABEL,
    },
}
NEEDS_ID_REGEX = "^(?:{})$".format(  # the types' patterns, as one
    "|".join(t.id_pattern.pattern for t in ITEM_TYPES.values())
)

#: What ``nox -s new`` writes for an editor to replace: an item still carrying it is refused.
SCAFFOLD_TITLE = "New {kind}: say what States do"
SCAFFOLD_TEXT = {
    PRACTICE.name: "Write the practice here: what a State, or States together, can do, in 40 to 150 words.",
    UNDERSTANDING.name: "Write the principle here, in one or two short paragraphs.",
}
#: A title a reader can take in: longer ones are refused.
TITLE_MAX_CHARACTERS = 200

