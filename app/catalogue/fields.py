"""The words of the settings a person edits: the label and help of each profile field and preference.

The declarations (app.core.profiles.PROFILE_FIELDS, app.ui.preferences.PREFERENCES) give only ids;
the Settings dialog shows these words as labels and tooltips, and the CLI as the help of its flags.
A help text's ``{default}``, ``{low}`` and ``{high}`` come from the declaration.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from app.core.profiles import PROXY_NONE, PROXY_SYSTEM
from app.i18n import QT_TRANSLATE_NOOP, endonym

LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "base_url": QT_TRANSLATE_NOOP("Fields", "Base URL"),
    "api_id": QT_TRANSLATE_NOOP("Fields", "api_id"),
    "timestamp_unit": QT_TRANSLATE_NOOP("Fields", "Timestamp unit"),
    "connect_timeout": QT_TRANSLATE_NOOP("Fields", "Connect timeout"),
    "read_timeout": QT_TRANSLATE_NOOP("Fields", "Read timeout"),
    "proxy": QT_TRANSLATE_NOOP("Fields", "Proxy"),
    "ca_bundle": QT_TRANSLATE_NOOP("Fields", "Extra CA certificate"),
    "face_threshold": QT_TRANSLATE_NOOP("Fields", "Face score threshold"),
    "detection_types": QT_TRANSLATE_NOOP("Fields", "Detection types"),
    "record_history": QT_TRANSLATE_NOOP("Fields", "History"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language"),
    "idle_timeout_s": QT_TRANSLATE_NOOP("Fields", "Clear the screen after no input for"),
    "capture_folder": QT_TRANSLATE_NOOP("Fields", "Capture folder"),
}

HELP: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP(
        "Fields", "The profile's name, under which its secret is kept in the keychain: 1 to 64 characters, without "
                  "quotes or backslashes."),
    "base_url": QT_TRANSLATE_NOOP(
        "Fields", "The API's address, https://… (plain http only to this computer, 127.0.0.1); default {default}."),
    "api_id": QT_TRANSLATE_NOOP("Fields", "The account's api_id, as the vendor issued it."),
    "timestamp_unit": QT_TRANSLATE_NOOP(
        "Fields", "How the signature's timestamp is counted, as the vendor set up the account: ms or s (default "
                  "{default})."),
    "connect_timeout": QT_TRANSLATE_NOOP(
        "Fields", "Seconds to wait for the server to accept the connection ({low} to {high}; default {default})."),
    "read_timeout": QT_TRANSLATE_NOOP(
        "Fields", "Seconds to wait for the server's answer ({low} to {high}; default {default})."),
    "proxy": QT_TRANSLATE_NOOP(
        "Fields", "The system's proxy settings, a direct connection, or a proxy's URL, such as "
                  "http://proxy.example:8080."),
    "ca_bundle": QT_TRANSLATE_NOOP(
        "Fields", "A file of extra CA certificates (PEM) to trust besides the system's, for a bank's own "
                  "certificate authority."),
    "face_threshold": QT_TRANSLATE_NOOP(
        "Fields", "The face_score operating threshold: from this score two faces are read as the same person "
                  "({low} to {high}; default {default})."),
    "detection_types": QT_TRANSLATE_NOOP(
        "Fields", "The detection types the account may ask for, separated by commas (default {default})."),
    "record_history": QT_TRANSLATE_NOOP("Fields", "Record this profile's calls in the history (on by default)."),
    "language": QT_TRANSLATE_NOOP("Fields", "The window's language; by default the system's."),
    "idle_timeout_s": QT_TRANSLATE_NOOP(
        "Fields", "After this long without input the window clears the customer's data ({low} to {high} s)."),
    "capture_folder": QT_TRANSLATE_NOOP(
        "Fields", "Where the capture app saves the customers' files: choosing a capture or a selfie starts there. "
                  "Empty: the folder used last."),
}

CHECK_BOXES: dict[str, str] = {"record_history": QT_TRANSLATE_NOOP("Fields", "Record calls")}
PLACEHOLDERS: dict[str, str] = {"ca_bundle": QT_TRANSLATE_NOOP("Fields", "none: the system's trusted certificates"),
                                "capture_folder": QT_TRANSLATE_NOOP("Fields", "none: the folder used last")}
FILE_CHOICES: dict[str, tuple[str, str]] = {
    "ca_bundle": (QT_TRANSLATE_NOOP("Fields", "Choose a CA certificate"),
                  QT_TRANSLATE_NOOP("Fields", "Certificates (*.pem *.crt *.cer)")),
}
FOLDER_CHOICES: dict[str, str] = {"capture_folder": QT_TRANSLATE_NOOP("Fields", "Choose the capture folder")}
UNITS: dict[str, str] = {"s": QT_TRANSLATE_NOOP("Fields", " s")}
SUGGESTIONS: dict[tuple[str, str], str] = {  # an open field's usual values, in words (the CLI takes the value)
    ("proxy", PROXY_SYSTEM): QT_TRANSLATE_NOOP("Fields", "The system's proxy settings"),
    ("proxy", PROXY_NONE): QT_TRANSLATE_NOOP("Fields", "No proxy: connect directly"),
}
FOLLOW_THE_SYSTEM = QT_TRANSLATE_NOOP("Fields", "Follow the system")


class Declared(Protocol):
    """What the words need of a declaration: a ProfileField or a Preference."""

    @property
    def name(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def help(self) -> str: ...

    @property
    def default(self) -> Any: ...

    @property
    def low(self) -> float: ...

    @property
    def high(self) -> float: ...

    @property
    def unit(self) -> str: ...

    def to_text(self, value: object) -> str: ...


def _words(text: str) -> str:
    return QCoreApplication.translate("Fields", text)


def field_label(declared: Declared) -> str:
    return _words(LABELS[declared.label])


def field_help(declared: Declared) -> str:
    return _words(HELP[declared.help]).format(default=declared.to_text(declared.default), low=f"{declared.low:g}",
                                              high=f"{declared.high:g}")


def check_box_text(declared: Declared) -> str:
    """A check box's own words (its label stands beside it)."""
    return _words(CHECK_BOXES.get(declared.label, LABELS[declared.label]))


def placeholder(declared: Declared) -> str:
    """What an empty text box means, if anything."""
    return _words(PLACEHOLDERS[declared.label]) if declared.label in PLACEHOLDERS else ""


def file_choice(declared: Declared) -> tuple[str, str]:
    """The file dialog's title and name filter for a file field."""
    title, name_filter = FILE_CHOICES[declared.label]
    return _words(title), _words(name_filter)


def folder_choice(declared: Declared) -> str:
    """The folder dialog's title for a folder field."""
    return _words(FOLDER_CHOICES[declared.label])


def unit_suffix(declared: Declared) -> str:
    return _words(UNITS[declared.unit]) if declared.unit else ""


def choice_label(declared: Declared, value: object) -> str:
    """How one of a field's choices or suggestions is shown: a language in its own words, a suggestion in
    the catalogue's, anything else as it is written."""
    if declared.label == "language":
        return endonym(str(value)) if value else _words(FOLLOW_THE_SYSTEM)
    text = declared.to_text(value)
    return _words(SUGGESTIONS[declared.label, text]) if (declared.label, text) in SUGGESTIONS else text
