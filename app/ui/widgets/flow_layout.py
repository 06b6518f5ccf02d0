"""A layout that fills a row with its items and wraps the rest to the next rows, as text wraps.

History's filters are one or two rows on a wide screen and three or four on 1024x768 at 150%,
instead of a page that scrolls sideways. Qt ships no such layout; this is its "Flow Layout"
example (doc.qt.io, examples/widgets/layouts/flowlayout), with stretch for the last item of a row
that asks for it (the search box takes what is left of its row).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_row_part(self, part: QLayout) -> None:
        """A group kept together on one row (a label and its field); its widgets stay the page's children,
        so the Tab order is the page's."""
        self.addChildLayout(part)
        self.addItem(part)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """The widest item: anything wider than that wraps."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _spacing(self, item: QLayoutItem, orientation: Qt.Orientation) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        widget = item.widget()
        style = widget.style() if widget is not None else QWidget().style()
        return style.layoutSpacing(QSizePolicy.ControlType.PushButton, QSizePolicy.ControlType.PushButton,
                                   orientation)

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items row by row within ``rect`` (if ``move``); returns the height they need."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[QLayoutItem]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():  # a hidden widget takes no place
                continue
            width = item.sizeHint().width()
            if rows[-1] and x + width > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append(item)
            x += width + self._spacing(item, Qt.Orientation.Horizontal)
        y = area.y()
        for number, row in enumerate(rows):
            height = max((item.sizeHint().height() for item in row), default=0)
            x = area.x()
            for index, item in enumerate(row):
                width = item.sizeHint().width()
                if index == len(row) - 1 and item.expandingDirections() & Qt.Orientation.Horizontal:
                    width = max(width, area.right() + 1 - x)  # the search box takes the rest of its row
                width = min(width, area.width())
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - item.sizeHint().height()) // 2),
                                           QSize(width, item.sizeHint().height())))
                x += width + self._spacing(item, Qt.Orientation.Horizontal)
            y += height + (self._spacing(row[0], Qt.Orientation.Vertical) if row and number < len(rows) - 1 else 0)
        return y - area.y() + margins.top() + margins.bottom()


def labelled(first: QWidget, second: QWidget, stretch_first: bool = False) -> QHBoxLayout:
    """Two widgets kept together on one row of a flow: a label and its field, or a search box (which
    takes the rest of its row, ``stretch_first``) and its button."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1 if stretch_first else 0)
    row.addWidget(second)
    return row
