"""Print a ``Document`` of blocks with the Jinja2 templates of this folder."""

from __future__ import annotations

import functools

import jinja2

from comitia.render.document.blocks import (
    Document,
    Heading,
    ItemList,
    ListItem,
    PageBreak,
    Paragraph,
    Span,
    Table,
)


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("comitia.render.html", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


class _Notes:
    """Numbers footnotes in the order the template prints them, and keeps them."""

    def __init__(self) -> None:
        self.spans: list[Span] = []

    def __call__(self, span: Span) -> int:
        self.spans.append(span)
        return len(self.spans)


# A list as a tree: each node is an item, or None for a node that the list does not print (a
# thematic area, whose title is a paragraph above the list), and the node's children.
Tree = list[tuple[ListItem | None, "Tree"]]


def nest(items: tuple[ListItem, ...]) -> Tree:
    """A flat list of items as a tree of (item, children).

    Agenda items nest by their depth in the agenda tree, other items by their level. An item
    more than one step deeper than the node before it hangs from empty nodes (None) that stand
    for the nodes printed elsewhere: the topics of a thematic area are then one list deeper than
    a top-level item that follows the area, as in the DOCX, and a reader sees it left the area.
    """
    root: Tree = []
    stack: list[tuple[int, Tree]] = [(-1, root)]
    for item in items:
        place = item.agenda.depth if item.agenda is not None else item.level
        while stack[-1][0] >= place:
            stack.pop()
        while stack[-1][0] < place - 1:
            unprinted: Tree = []
            stack[-1][1].append((None, unprinted))
            stack.append((stack[-1][0] + 1, unprinted))
        children: Tree = []
        stack[-1][1].append((item, children))
        stack.append((place, children))
    return root


def original_lang(spans: tuple[Span, ...]) -> str | None:
    """The language of a block made of one text in its original language, else None."""
    if len(spans) != 1 or spans[0].note:
        return None
    return spans[0].lang


def list_lang(items: tuple[ListItem, ...]) -> str | None:
    """The original language of every item of a list, if they share one, else None."""
    langs = {original_lang(item.spans) for item in items}
    return langs.pop() if len(langs) == 1 else None


_BULLETS = ("\u2022", "\u25e6", "\u25aa")  # disc, circle, square: a browser's, by depth
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _lower_roman(number: int) -> str:
    digits = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def _lower_alpha(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def marker(ordered: bool, depth: int, number: int) -> str:
    """The marker a browser prints for the ``number``-th item of a list ``depth`` lists deep.

    The styles of the document's CSS and of a browser: an ordered list counts 1., a., i. as
    it nests in ordered lists; a bulleted one shows a disc, a circle, then squares.
    """
    if not ordered:
        return _BULLETS[min(depth, len(_BULLETS) - 1)]
    if depth == 0:
        return f"{number}."
    return f"{_lower_alpha(number)}." if depth == 1 else f"{_lower_roman(number)}."


def _context(document: Document, *, standalone: bool, for_print: bool) -> dict[str, object]:
    return {
        "document": document,
        "standalone": standalone,
        "for_print": for_print,
        "marker": marker,
        "note": _Notes(),
        "nest": nest,
        "original_lang": original_lang,
        "list_lang": list_lang,
        "is_heading": lambda e: isinstance(e, Heading),
        "is_paragraph": lambda e: isinstance(e, Paragraph),
        "is_list": lambda e: isinstance(e, ItemList),
        "is_table": lambda e: isinstance(e, Table),
        "is_break": lambda e: isinstance(e, PageBreak),
    }


def render_page(document: Document, *, for_print: bool = False) -> str:
    """A whole HTML page, with the styles for screen and for print.

    ``for_print`` gives the page WeasyPrint prints as PDF: the same document, written to cost
    WeasyPrint less (see ``article.html``), not for a browser.
    """
    context = _context(document, standalone=True, for_print=for_print)
    return _environment().get_template("page.html").render(context)


def render_article(document: Document) -> str:
    """The document's ``<article>`` alone, to be embedded in another page."""
    context = _context(document, standalone=False, for_print=False)
    return _environment().get_template("article.html").render(context)


def stylesheet() -> str:
    """The document's CSS, for web pages that embed ``render_article``: what browsers read, without
    WeasyPrint's paged media (``document-paged.css``, in ``render_page``'s page only)."""
    return _environment().get_template("document.css").render()
