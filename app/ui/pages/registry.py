"""Which task pages there are, in sidebar order, and their construction on first use.

The order and the endpoints are the registry's (app.core.endpoints; tests/test_registry.py holds
this list to it): it is written out here because the window's first paint must not load core.

A page's module is imported only when the page is first needed, so the window's first paint loads
none of them (``build_scripts/linkface.spec`` collects every app module for that reason). Keep this
module's imports light: it is on the start-up path.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import PageContext
    from app.ui.pages.base import CheckPage


class PageEntry(NamedTuple):
    """A task page: the endpoint it calls and where its class lives (app.ui.pages.generic_page's
    GenericPage for a call without a page of its own)."""

    endpoint: str  # an app.core.contract.Endpoint value
    module: str
    class_name: str


def page_class(entry: PageEntry) -> type[CheckPage]:
    """The entry's page class; the generic page is made for the entry's endpoint."""
    found: type[CheckPage] = getattr(import_module(entry.module), entry.class_name)
    for_endpoint = getattr(found, "for_endpoint", None)
    return for_endpoint(entry.endpoint) if for_endpoint is not None else found


PAGES: tuple[PageEntry, ...] = (
    PageEntry("idnumber", "app.ui.pages.id_page", "IdPage"),
    PageEntry("selfie", "app.ui.pages.selfie_page", "SelfiePage"),
    PageEntry("hack", "app.ui.pages.hack_page", "HackPage"),
    PageEntry("parse", "app.ui.pages.parse_page", "ParsePage"),
    PageEntry("token", "app.ui.pages.token_page", "TokenPage"),
)
PAGE_FOR_ENDPOINT = {entry.endpoint: index for index, entry in enumerate(PAGES)}


class TaskPages:
    """The task pages, by sidebar index, each built the first time ``page(index)`` asks for it;
    ``pages[index]`` is None until then. ``on_built(index, page)`` lets the owner wire a new page
    and put it on screen."""

    def __init__(self, context: PageContext, parent: QWidget,
                 on_built: Callable[[int, CheckPage], None]) -> None:
        self._context = context
        self._parent = parent
        self._on_built = on_built
        self._pages: list[CheckPage | None] = [None] * len(PAGES)

    def __len__(self) -> int:
        return len(self._pages)

    def __getitem__(self, index: int) -> CheckPage | None:
        return self._pages[index]

    def page(self, index: int) -> CheckPage:
        """The page at ``index``, built (and handed to ``on_built``) the first time it is needed."""
        page = self._pages[index]
        if page is None:
            entry = PAGES[index]
            page = page_class(entry)(self._context, self._parent)
            self._on_built(index, page)
            self._pages[index] = page
        return page

    def built(self) -> list[CheckPage]:
        return [page for page in self._pages if page is not None]

    @staticmethod
    def index_for(endpoint: str) -> int | None:
        """The sidebar index of the page that calls ``endpoint`` (an Endpoint value), if any."""
        return PAGE_FOR_ENDPOINT.get(endpoint)
