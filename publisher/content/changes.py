"""``nox -s changes -- BASE [HEAD]``: what changed, item by item, between two revisions.

Items added, removed, withdrawn or reinstated, retitled, moved to another
section, their text changed (a word-level redline) and links added or removed,
as Markdown for a pull request's summary and for the site's "What changed" page.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from publisher.content import model, sources
from publisher.content.items import Item
from publisher.content.model import N_
from publisher.content.myst import visible_text

WORKING_TREE = None  # a revision of None reads the files as they are on disk

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~{}\[\]<>#|$])")


@dataclass
class ItemChange:
    item: Item  # as it is now (as it was, if it was removed)
    kinds: list[str] = field(default_factory=list)
    old_title: str | None = None
    redline: str | None = None
    links_added: list[str] = field(default_factory=list)
    links_removed: list[str] = field(default_factory=list)
    old_section: str | None = None


def items_at(root: Path, revision: str | None) -> dict[str, Item]:
    """The items with an ID at ``revision`` of the git repository at ``root``."""
    if revision is WORKING_TREE:
        found = sources.read_items(root)
    else:
        names = git(root, "ls-tree", "-r", "--name-only", revision, "--", *sources.CONTENT).split("\n")
        found = [
            item
            for name in names
            if name.endswith(".md")
            for item in sources.parse(git(root, "show", f"{revision}:{name}"), name)
        ]
    return {item.id: item for item in found if item.id}


class GitError(Exception):
    """git could not read a revision."""


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if result.returncode:
        raise GitError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def compare(old: dict[str, Item], new: dict[str, Item], style: Style | None = None) -> list[ItemChange]:
    """Each item that changed, in ID order."""
    changes = []
    for item_id in sorted(set(old) | set(new)):
        before, after = old.get(item_id), new.get(item_id)
        if before is None:
            changes.append(ItemChange(after, ["added"]))
            continue
        if after is None:
            changes.append(ItemChange(before, ["removed"]))
            continue
        change = ItemChange(after)
        if before.status != after.status:
            change.kinds.append("withdrawn" if after.status == model.WITHDRAWN else "reinstated")
        if before.title != after.title:
            change.kinds.append("retitled")
            change.old_title = before.title
        if before.fields.get("section") != after.fields.get("section"):
            change.kinds.append("moved")
            change.old_section = before.fields.get("section")
        if " ".join(before.text.split()) != " ".join(after.text.split()):
            change.kinds.append("text")
            change.redline = redline(before.text, after.text, style or GITHUB)
        change.links_added = sorted(set(after.implements) - set(before.implements))
        change.links_removed = sorted(set(before.implements) - set(after.implements))
        if change.links_added or change.links_removed:
            change.kinds.append("links")
        if change.kinds:
            changes.append(change)
    return changes


@dataclass(frozen=True)
class Style:
    """How a flavour of Markdown marks deleted and inserted words."""

    deleted: str
    inserted: str

    def plain(self, words: list[str]) -> str:
        return " ".join(_MARKDOWN_SPECIAL.sub(r"\\\1", word) for word in words)

    def mark(self, template: str, words: list[str]) -> str:
        if template.startswith("{"):  # a MyST role takes its text literally
            return template.format(" ".join(words).replace("`", "'"))
        return template.format(self.plain(words))


#: GitHub's Markdown, for a pull request's summary.
GITHUB = Style(deleted="~~{}~~", inserted="**{}**")
#: MyST, for the site: roles that become <del> and <ins>.
MYST = Style(deleted="{{del}}`{}`", inserted="{{ins}}`{}`")


def visible_words(text: str) -> list[str]:
    """The words a reader sees, roles and links reduced to their text."""
    return visible_text(text).split()


def redline(old: str, new: str, style: Style = GITHUB) -> str:
    """The new text with deleted and inserted words marked."""
    before, after = visible_words(old), visible_words(new)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(style.plain(before[i1:i2]))
        if op in ("delete", "replace"):
            parts.append(style.mark(style.deleted, before[i1:i2]))
        if op in ("insert", "replace"):
            parts.append(style.mark(style.inserted, after[j1:j2]))
    return " ".join(parts)


HEADINGS = {
    "added": N_("Added"),
    "removed": N_("Removed (an ID must never disappear: withdraw instead)"),
    "withdrawn": N_("Withdrawn"),
    "reinstated": N_("Reinstated"),
    "retitled": N_("Retitled"),
    "moved": N_("Moved to another section"),
    "text": N_("Text changed"),
    "links": N_("Links changed"),
}


def to_markdown(changes: list[ItemChange], base: str, head: str, style: Style = GITHUB,
                _: Callable[[str], str] = lambda message: message, level: int = 1, counts: bool = True,
                title_of: Callable[[Item], str] = lambda item: item.title) -> str:
    """The changes as Markdown: a title at ``level``, a summary line, then a section per kind of change.

    The summary's words are not translated: a translated page leaves it out (``counts=False``).
    ``title_of`` gives an item's title as the page shows it (translated, on a translated page).
    """
    lines = [f"{'#' * level} Changes from {base} to {head}", ""]
    if not changes:
        return "\n".join(lines + [_("No item changed."), ""])
    if counts:
        numbers = {kind: sum(kind in c.kinds for c in changes) for kind in HEADINGS}
        lines += [" · ".join(f"{n} {kind}" for kind, n in numbers.items() if n), ""]
    for kind, heading in HEADINGS.items():
        selected = [c for c in changes if kind in c.kinds]
        if not selected:
            continue
        lines += [f"{'#' * (level + 1)} {_(heading)}", ""]
        for change in selected:
            lines += [_entry(kind, change, style, _, title_of), ""]
    return "\n".join(lines)


def _entry(kind: str, change: ItemChange, style: Style, _: Callable[[str], str],
           title_of: Callable[[Item], str] = lambda item: item.title) -> str:
    item = change.item
    title = style.plain(visible_words(title_of(item)))
    name = f"**{item.id}** {title}"
    if kind == "retitled":
        old_title = style.mark(style.deleted, visible_words(change.old_title or ""))
        return f"- **{item.id}** {old_title} → {title}"
    if kind == "moved":
        old, new = change.old_section or "", item.fields.get("section", "")
        return f"- {name}: " + _("from {old} to {new}").format(
            old=_(model.SECTIONS.get(old, old)), new=_(model.SECTIONS.get(new, new)))
    if kind == "text":
        return f"- {name}\n\n  {change.redline}"
    if kind == "links":
        parts = []
        if change.links_added:
            parts.append(_("now implements {ids}").format(ids=", ".join(change.links_added)))
        if change.links_removed:
            parts.append(_("no longer implements {ids}").format(ids=", ".join(change.links_removed)))
        return f"- {name}: " + "; ".join(parts)
    return f"- {name} ({item.path})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="changes", description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the earlier revision: a tag, branch or commit")
    parser.add_argument("head", nargs="?", help="the later revision (default: the working tree)")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--output", type=Path, help="write the Markdown here instead of printing it")
    args = parser.parse_args(argv)

    try:
        changes = compare(items_at(args.root, args.base), items_at(args.root, args.head))
    except GitError as error:
        parser.exit(2, f"changes: {error}\n")
    text = to_markdown(changes, f"`{args.base}`", f"`{args.head}`" if args.head else "the working tree")
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
