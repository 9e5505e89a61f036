"""Refuse what the text must never carry, as the parser reads it: markup, unsafe links, outside files.

Pull requests come from strangers, and the site shares an origin with its
owner's other pages. So nothing here looks at lines of text: docutils' own
switches turn raw output and file insertion off, the directives that would
bring either in are replaced by a refusal, and a transform takes out of every
parsed page (translations included) each raw node, code block, link with a
scheme other than http, https or mailto, and image or download outside the
source folder. Each refusal is reported with its file, line and fix by
publisher.content.rules, so the build fails; none of it reaches any output meanwhile.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from docutils import nodes
from markdown_it.renderer import RendererHTML
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import get_node_line

from publisher.extension.collect import CorpusDomain, source_path
from publisher.content.items import Violation
from publisher.content.model import ITEM_TYPES
from publisher.content.publication import SAFE_SCHEMES

#: Directives that bring in raw output or another file: refused by name.
REFUSED_DIRECTIVES = ("raw", "include", "literalinclude", "eval-rst", "eval-md", "csv-table")
FIXES = {
    "raw_html": "write it in MyST Markdown, or ask the maintainers for a directive",
    "code_block": "the framework's text has no code: write the passage as text",
    "url_scheme": "link only to http, https or mailto addresses",
    "outside_file": "use only images and files inside the project's text folders",
    "directive_refused": "write the text itself here; raw output and other files cannot be included",
}


def turn_off_raw_and_file_insertion(app: Sphinx) -> None:
    """Docutils' own switches, so that no directive can bring raw output or a file in."""
    app.env.settings["raw_enabled"] = False
    app.env.settings["file_insertion_enabled"] = False


def refuse(env, line: int | None, rule: str, what: str, problem: str, fix: str = "") -> None:
    """Record a refusal where it was written, for publisher.content.rules to report."""
    document = env.get_domain(CorpusDomain.name).document(env.docname)
    document["refused"].append(Violation(source_path(env, env.docname), line or 1, what, rule, problem,
                                         fix or FIXES[rule]))


class RefusedDirective(SphinxDirective):
    """A directive the text may not use: reported, and nothing inserted."""

    has_content = True
    optional_arguments = 99
    final_argument_whitespace = True
    option_spec = None  # any options: they are refused with the directive

    def run(self) -> list[nodes.Node]:
        refuse(self.env, self.lineno, "directive_refused", f"{{{self.name}}}",
               f"the {{{self.name}}} directive is not allowed in the text")
        return []


def eval_rst_lines(text: str) -> list[int]:
    """The lines of MyST's {eval-rst} blocks, as MyST's own Markdown parser finds them."""
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    parser = create_md_parser(MdParserConfig(), RendererHTML)

    def lines(text: str, offset: int) -> list[int]:
        found = []
        for token in parser.parse(text):
            if token.type != "fence" or not token.map:
                continue
            if token.info.strip().startswith("{eval-rst}"):
                found.append(offset + token.map[0] + 1)
            elif token.info.strip().startswith("{"):  # a directive: its content is MyST again
                found += lines(token.content, offset + token.map[0] + 1)
        return found

    return lines(text, 0)


class RefuseUnsafeNodes(SphinxTransform):
    """Take every unsafe node out of a parsed page, translated text included."""

    default_priority = 100  # after the translations are parsed in (20), before anything reads them

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        folder, srcdir = posixpath.dirname(env.docname), Path(env.srcdir)
        source = Path(env.doc2path(env.docname))
        if source.suffix == ".md":
            for line in eval_rst_lines(source.read_text(encoding="utf-8")):
                refuse(env, line, "directive_refused", "{eval-rst}",
                       "the {eval-rst} directive is not allowed in the text")
        for raw in list(self.document.findall(nodes.raw)):
            refuse(env, get_node_line(raw), "raw_html", " ".join(raw.astext().split())[:60] or "raw",
                   "raw HTML is not allowed in the text")
            raw.parent.remove(raw)
        for block in list(self.document.findall(nodes.literal_block)):
            shown = " ".join(block.astext().split())[:40] or "```"
            if any(f"{{{name}}}" in block.astext() for name in ITEM_TYPES):
                refuse(env, get_node_line(block), "item_hidden", shown,
                       "an item is inside a code block, where no output would show it",
                       "a fence above it is left open: close it, or put the item in a longer fence (````)")
            else:
                refuse(env, get_node_line(block), "code_block", shown,
                       "a code block is not part of the framework's text")
            block.parent.remove(block)
        for reference in list(self.document.findall(nodes.reference)):
            scheme = urlsplit(reference.get("refuri", "")).scheme.lower()
            if scheme and scheme not in SAFE_SCHEMES:
                refuse(env, get_node_line(reference), "url_scheme", reference["refuri"][:60],
                       f"a link to a {scheme}: address is not allowed")
                reference.replace_self(nodes.inline("", "", *reference.children))
        for image in list(self.document.findall(nodes.image)):
            if not _inside(image.get("uri", ""), folder, srcdir):
                refuse(env, get_node_line(image), "outside_file", image.get("uri", "")[:60],
                       "an image must be a file inside the project")
                image.parent.remove(image)
        for download in list(self.document.findall(addnodes.download_reference)):
            if not _inside(download.get("reftarget", ""), folder, srcdir):
                refuse(env, get_node_line(download), "outside_file", download.get("reftarget", "")[:60],
                       "a download must be a file inside the project")
                download.replace_self(nodes.inline("", "", *download.children))


def _inside(uri: str, folder: str, srcdir: Path) -> bool:
    """Whether ``uri``, as written on a page of ``folder``, names a file inside ``srcdir``."""
    parts = urlsplit(uri)
    if parts.scheme or parts.netloc or not parts.path:
        return False  # another host, data: and file: alike: the site loads nothing from elsewhere
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    resolved = (srcdir / joined).resolve()
    return resolved.is_relative_to(srcdir.resolve())


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", turn_off_raw_and_file_insertion)
    for name in REFUSED_DIRECTIVES:
        app.add_directive(name, RefusedDirective, override=True)
    app.add_transform(RefuseUnsafeNodes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
