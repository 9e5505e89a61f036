"""What a reader sees of MyST inline markup: a role shows its text, a link its label.

One reading of roles and links for every part that needs it: the word limits,
the glossary's references, the redlines and the exports.
"""

from __future__ import annotations

import re

#: ``{term}`migrants <migrant>``` shows "migrants" and points to "migrant";
#: ``{term}`migrant``` shows and points to "migrant".
ROLE = re.compile(r"\{(?P<name>[\w:-]+)\}`(?:(?P<label>[^`<]*?)\s*<(?P<target>[^>`]*)>|(?P<plain>[^`]*))`")
LINK = re.compile(r"\[(?P<label>[^\]]*)\]\([^)]*\)")


def role_text(match: re.Match) -> str:
    """The words a role shows."""
    return match["plain"] if match["plain"] is not None else match["label"]


def role_target(match: re.Match) -> str:
    """What a role points to: its explicit target, or its text."""
    return match["target"] if match["target"] is not None else match["plain"]


def visible_text(myst: str) -> str:
    """What a reader sees of a MyST paragraph: each role and each link as its words."""
    return LINK.sub(lambda match: match["label"], ROLE.sub(role_text, myst))
