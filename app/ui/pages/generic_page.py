"""The page of a registered call that has no page of its own: everything it needs comes from the registry.

Its inputs are the endpoint's sources and form fields (a source field, a check box for a flag, a line
edit that masks itself after the decision for a name or an ID number, the profile's detection types);
its result is the reading's verdict and every field the server returned. A new endpoint therefore
reaches the window by one line in ``pages/registry.py``; a page of its own can come later.
"""

from __future__ import annotations

from dataclasses import fields
from functools import partial
from typing import Any, assert_never

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.catalogue.tasks import task_name
from app.core.contract import DETECTION_TYPES, CallResult, FieldKind, Request
from app.core.endpoints import spec
from app.core.history import mask
from app.core.interpret import Reading
from app.ui.pages.shared import TaskPage, stored_id_detail
from app.ui.widgets.result_panel import Detail
from app.ui.widgets.sensitive_edit import SensitiveLineEdit
from app.ui.widgets.source_field import SourceField


class GenericPage(TaskPage):
    """A registry-driven page; ``for_endpoint`` makes the class for one endpoint."""

    @classmethod
    def for_endpoint(cls, endpoint_value: str) -> type[GenericPage]:
        from app.core.contract import Endpoint

        return type(f"GenericPage_{endpoint_value}", (cls,), {"endpoint": Endpoint(endpoint_value)})

    def build_inputs(self) -> None:
        declared = spec(self.endpoint)
        self.sources = {s.attribute: self.add_source(SourceField(s, self)) for s in declared.sources}
        self.values: dict[str, QWidget] = {}
        for form_field in declared.form:
            widget: QWidget
            match form_field.kind:
                case FieldKind.FLAG:
                    widget = self.add_checkbox()
                    widget.setText(form_field.name)
                case FieldKind.NAME | FieldKind.ID_NUMBER:
                    widget = SensitiveLineEdit(partial(mask, form_field.kind), self)
                    _label, message = self.add_field(form_field.name, widget)
                    self.register_field((form_field.name,), message, widget)
                case FieldKind.DETECTION_TYPE:
                    widget = QComboBox(self)
                    widget.addItems(list(DETECTION_TYPES))
                    _label, message = self.add_field(form_field.name, widget)
                    self.register_field((form_field.name,), message, widget)
                case _:
                    assert_never(form_field.kind)
            self.values[form_field.attribute] = widget

    def build_visuals(self) -> None:
        pass

    def page_title(self) -> str:
        return task_name(self.endpoint.value)

    def page_hint(self) -> str:
        return self.tr("Every field the server returns is shown with the result.")

    def retranslate_inputs(self) -> None:
        pass

    def first_input(self) -> QWidget:
        first = next(iter(self.sources.values()), None)
        return first.focus_target() if first is not None else next(iter(self.values.values()), self.run_button)

    def build_request(self) -> Request | None:
        values: dict[str, Any] = {}
        for attribute, source_field in self.sources.items():
            values[attribute] = source_field.source_or_show()
        for attribute, widget in self.values.items():
            if isinstance(widget, QCheckBox):
                values[attribute] = widget.isChecked()
            elif isinstance(widget, SensitiveLineEdit):
                values[attribute] = widget.value()
            elif isinstance(widget, QComboBox):
                values[attribute] = widget.currentText()
        if any(value is None for value in values.values()):
            return None
        request: Request = spec(self.endpoint).request(**values)
        return request  # the client checks the fields; a refusal is shown next to its field

    def render_result(self, result: CallResult[Any], reading: Reading) -> list[Detail]:
        details = []
        for name, value in ((f.name, getattr(result.data, f.name)) for f in fields(result.data)):
            if isinstance(value, str) and name.endswith("_id"):
                details += stored_id_detail(name, value)
            elif value is not None:
                details.append(Detail(name, name, str(list(value) if isinstance(value, tuple) else value)))
        return details

    def after_result(self, result: CallResult[Any]) -> None:
        for widget in self.values.values():
            if isinstance(widget, SensitiveLineEdit):
                widget.mask_value()

    def clear_inputs(self) -> None:
        for source_field in self.sources.values():
            source_field.clear()
        for widget in self.values.values():
            if isinstance(widget, QCheckBox):
                widget.setChecked(False)
            elif isinstance(widget, SensitiveLineEdit):
                widget.clear_value()
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
