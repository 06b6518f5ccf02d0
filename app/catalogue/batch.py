"""The batch inspection's words, for the command line and the Batch page alike: the batch's own refusals
(app.core.batch.Refusal), a row's outcome and billing, the report's column headings and its sentences."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from app.catalogue.words import error_words
from app.core import batch
from app.core.errors import InputRejected
from app.i18n import QT_TRANSLATE_NOOP, translate

# The words of the batch's own refusals (app.core.batch.Refusal), by rule or rule:variant.
REFUSALS: dict[str, str] = {
    "archive_too_large": QT_TRANSLATE_NOOP(
        "Batch", "The archive is larger than {limit_mb} MB ({size:,} bytes): it was not opened."),
    "archive_unreadable": QT_TRANSLATE_NOOP("Batch", "The archive cannot be read as a zip file ({reason})."),
    "archive_members": QT_TRANSLATE_NOOP("Batch", "The archive holds more than {limit} files: it was not opened."),
    "archive_bomb": QT_TRANSLATE_NOOP(
        "Batch", "The archive would expand to more than {limit_mb} MB: refused as a possible zip bomb."),
    "member_bomb": QT_TRANSLATE_NOOP(
        "Batch", "The file expands {ratio} times its compressed size (the limit is {limit}): refused as a possible "
               "zip bomb."),
    "member_unsafe_name": QT_TRANSLATE_NOOP(
        "Batch", "The file's name in the archive leads outside it (an absolute path or ..): refused."),
    "member_encrypted": QT_TRANSLATE_NOOP(
        "Batch", "The file is encrypted in the archive (a password-protected zip): it cannot be read."),
    "member_nested_archive": QT_TRANSLATE_NOOP(
        "Batch", "An archive inside an archive is not opened: give it to the batch by itself."),
    "member_unreadable": QT_TRANSLATE_NOOP("Batch", "The file cannot be read from the archive ({reason})."),
    "member_changed": QT_TRANSLATE_NOOP(
        "Batch", "The file changed in the archive after it was listed: nothing was sent; run the batch again."),
    "not_capture:image": QT_TRANSLATE_NOOP("Batch", "This is an image, not a liveness capture."),
    "not_capture:text": QT_TRANSLATE_NOOP("Batch", "This is a text file, not a liveness capture."),
    "not_capture:document": QT_TRANSLATE_NOOP("Batch", "This is a PDF document, not a liveness capture."),
}

STATUS_WORDS: dict[str, str] = {
    "ok": QT_TRANSLATE_NOOP("Batch", "Answered"),
    "refused": QT_TRANSLATE_NOOP("Batch", "Refused locally"),
    "api_error": QT_TRANSLATE_NOOP("Batch", "API error"),
    "transport": QT_TRANSLATE_NOOP("Batch", "No answer"),
}
BILLING_WORDS: dict[str, str] = {
    "billed": QT_TRANSLATE_NOOP("Batch", "billed"),
    "not_billed": QT_TRANSLATE_NOOP("Batch", "not billed"),
    "unknown": QT_TRANSLATE_NOOP("Batch", "unknown: a person must decide"),
}
HEADINGS: dict[str, str] = {
    "file": QT_TRANSLATE_NOOP("Batch", "File"),
    "size": QT_TRANSLATE_NOOP("Batch", "Size (bytes)"),
    "sha256": QT_TRANSLATE_NOOP("Batch", "SHA-256"),
    "endpoint": QT_TRANSLATE_NOOP("Batch", "Call"),
    "status": QT_TRANSLATE_NOOP("Batch", "Outcome"),
    "code": QT_TRANSLATE_NOOP("Batch", "Code"),
    "verdict": QT_TRANSLATE_NOOP("Batch", "Verdict"),
    "liveness_result": QT_TRANSLATE_NOOP("Batch", "Liveness result"),
    "hack_score": QT_TRANSLATE_NOOP("Batch", "Hack score"),
    "motions": QT_TRANSLATE_NOOP("Batch", "Motions"),
    "request_id": QT_TRANSLATE_NOOP("Batch", "request_id"),
    "sequence_id": QT_TRANSLATE_NOOP("Batch", "sequence_id"),
    "billed": QT_TRANSLATE_NOOP("Batch", "Billed"),
    "reason": QT_TRANSLATE_NOOP("Batch", "Reason"),
    "case_id": QT_TRANSLATE_NOOP("Batch", "Case"),
}


def describe(problem: batch.ItemRefusal | batch.Refusal) -> str:
    """A row's reason in the catalogue's words: the rule's (rejection()), the batch's own, or the error's."""
    if isinstance(problem, batch.Refusal):
        key = problem.rule + (f":{problem.variant}" if problem.variant else "")
        text = REFUSALS.get(key) or REFUSALS.get(problem.rule)
        return translate("Batch", text).format(**problem.params) if text else key
    what, remedy = error_words(problem)
    if isinstance(problem, InputRejected):
        return what  # nothing was sent: the row says so by its outcome
    return f"{what} {remedy}".strip()


def status_words(status: str) -> str:
    return translate("Batch", STATUS_WORDS[status]) if status in STATUS_WORDS else status


def billing_words(billing: str) -> str:
    return translate("Batch", BILLING_WORDS[billing]) if billing in BILLING_WORDS else billing


def heading_words(column: str) -> str:
    return translate("Batch", HEADINGS[column]) if column in HEADINGS else column


class ReportWords:
    """The HTML report's words in the reader's language (app.core.batch.ReportWords); the verdict and motion
    names are the window's (app.ui.words), handed in so that the catalogue stays below the UI."""

    def __init__(self, verdict: Callable[[str], str], motion: Callable[[int], str]) -> None:
        self.verdict, self.motion = verdict, motion

    def title(self) -> str:
        return translate("Cli", "LinkFace Desk batch report")

    def heading(self, column: str) -> str:
        return heading_words(column)

    def status(self, status: str) -> str:
        return status_words(status)

    def billed(self, billing: str) -> str:
        return billing_words(billing)

    def summary(self, counts: Mapping[str, int], billed: int, unknown: int) -> str:
        return translate("Cli", "{ok} answered 0000, {api} API errors, {transport} without an answer, {refused} "
                                "refused locally; {billed} billed, {unknown} with billing unknown.").format(
            ok=counts.get("ok", 0), api=counts.get("api_error", 0), transport=counts.get("transport", 0),
            refused=counts.get("refused", 0), billed=billed, unknown=unknown)

    def made(self, when: str, profile: str, sandbox: bool) -> str:
        text = translate("Cli", "Made {when} on the profile {profile}.").format(when=when, profile=profile)
        return text + (" " + translate("Cli", "Sandbox: not real results.") if sandbox else "")
