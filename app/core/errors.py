"""What can go wrong, as a small hierarchy the window and the CLI can present.

Core keeps no user text: each error carries stable ids (a rule, a code, a kind) and parameters,
and ``app.catalogue`` turns them into words in the reader's language.

- InputRejected: the local checks refused the input; nothing was sent, nothing billed.
- ApiError: the API answered with a code other than 0000.
- TransportError: the request did not complete (DNS, refused, timeout, TLS).
- ProtocolError: the server answered, but not with a valid envelope; the raw body is kept.
- Cancelled: the operator stopped the call.

Every failure of a call also says whether it was billed: ``billing`` is BILLED or NOT_BILLED when
the server said so (or nothing reached it), and UNKNOWN when the request may have reached the
server but no readable answer came back; the operator must then look it up before retrying.
"""

from __future__ import annotations

from enum import Enum


class Billing(str, Enum):
    """Whether a call cost money: the server's ``charge``, or UNKNOWN when no readable answer came back."""

    BILLED = "billed"
    NOT_BILLED = "not_billed"
    UNKNOWN = "unknown"

    @classmethod
    def from_charge(cls, charge: int) -> Billing:
        return cls.BILLED if charge == 1 else cls.NOT_BILLED


class RecordState(str, Enum):
    """Where the audit record of a sent call went (set by the runtime, which records calls)."""

    RECORDED = "recorded"  # in the history
    JOURNALED = "journaled"  # the history could not take it: in the fallback journal, merged at the next start
    LOST = "lost"  # neither could be written: the operator must note the ids
    NOT_RECORDED = "not_recorded"  # nothing recorded it (the profile does not keep history, or no runtime)


class LinkFaceError(Exception):
    """Base of every error the core raises on purpose."""

    exit_code = 4
    billing = Billing.NOT_BILLED
    record = RecordState.NOT_RECORDED


class InputRejected(LinkFaceError):
    """A local check failed before anything was sent. ``field`` names the input, ``rule`` the rule it broke,
    ``params`` what the message needs (a file name, a limit); ``variant`` picks a wording of the rule."""

    exit_code = 2

    def __init__(self, field: str, rule: str, variant: str = "", **params: object) -> None:
        super().__init__(f"{field}: {rule}" + (f" ({variant})" if variant else "")
                         + (f" {params}" if params else ""))
        self.field = field
        self.rule = rule
        self.variant = variant
        self.params = params


class ApiError(LinkFaceError):
    """The server answered with a code other than 0000. ``clock_offset_s``: how far this computer's clock
    was ahead of the server's ``Date`` header (negative: behind), None without a readable header; a
    signature refused (1000) because of the clock says so by it."""

    exit_code = 3

    def __init__(
        self, code: str, msg: str | None, request_id: str, charge: int, sequence_id: str, raw: str = "",
        clock_offset_s: float | None = None,
    ) -> None:
        super().__init__(f"API error {code} ({msg or 'no message'}); request_id {request_id}")
        self.code = code
        self.msg = msg
        self.request_id = request_id
        self.charge = charge
        self.sequence_id = sequence_id
        self.raw = raw
        self.clock_offset_s = clock_offset_s

    @property
    def known(self) -> bool:
        """The document lists this code (an unknown one is shown as such, never guessed at)."""
        return self.code in DOCUMENTED_CODES

    @property
    def billed(self) -> bool:
        return self.charge == 1

    @property
    def billing(self) -> Billing:  # type: ignore[override]
        return Billing.from_charge(self.charge)


class TransportKind(str, Enum):
    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    TLS = "tls"
    PROXY = "proxy"
    OTHER = "other"
    DEADLINE = "deadline"  # the call as a whole outlived its deadline (a server dripping its answer)


class TransportError(LinkFaceError):
    """The request did not complete. ``may_have_reached_server`` warns against blind retries; ``billing``
    is UNKNOWN when it may have reached the server on a billable call."""

    def __init__(self, kind: TransportKind, detail: str, sequence_id: str, may_have_reached_server: bool,
                 billing: Billing | None = None) -> None:
        super().__init__(f"transport failure: {kind.value} ({detail})")
        self.kind = kind
        self.detail = detail
        self.sequence_id = sequence_id
        self.may_have_reached_server = may_have_reached_server
        self.billing = billing or (Billing.UNKNOWN if may_have_reached_server else Billing.NOT_BILLED)


class ProtocolError(LinkFaceError):
    """The answer is not the documented envelope. ``raw`` keeps it (truncated) for support. The server
    answered, so a billable call may have been billed: ``billing`` is UNKNOWN unless the caller knows better."""

    RAW_LIMIT = 64 * 1024

    def __init__(self, reason: str, raw: str = "", http_status: int | None = None, sequence_id: str = "",
                 billing: Billing = Billing.UNKNOWN) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw[: self.RAW_LIMIT]
        self.http_status = http_status
        self.sequence_id = sequence_id
        self.billing = billing


class Cancelled(LinkFaceError):
    """The operator cancelled the call before it completed."""


# --- the documented codes -----------------------------------------------------------------------

# The union over the endpoints (API-NOTES.md); app.catalogue says what each means and what to do.
DOCUMENTED_CODES = frozenset({"0000", *(str(n) for n in range(1000, 1018)), "9999"})


def error_summary(exc: LinkFaceError) -> dict[str, object]:
    """A JSON-ready description of a failure by its ids (history, diagnostics, the CLI's JSON, which adds
    the words); never a secret."""
    billing = exc.billing.value
    if isinstance(exc, InputRejected):
        return {"type": "input_rejected", "field": exc.field, "rule": exc.rule, "variant": exc.variant,
                "params": {k: v if isinstance(v, (int, float, str)) else str(v) for k, v in exc.params.items()},
                "sent": False, "billing": billing}
    if isinstance(exc, ApiError):
        return {"type": "api_error", "code": exc.code, "msg": exc.msg, "known_code": exc.known,
                "request_id": exc.request_id, "sequence_id": exc.sequence_id, "charge": exc.charge,
                "billed": exc.billed, "billing": billing}
    if isinstance(exc, TransportError):
        return {"type": "transport", "kind": exc.kind.value, "detail": exc.detail, "sequence_id": exc.sequence_id,
                "may_have_reached_server": exc.may_have_reached_server, "billing": billing}
    if isinstance(exc, ProtocolError):
        return {"type": "protocol", "reason": exc.reason, "http_status": exc.http_status,
                "sequence_id": exc.sequence_id, "raw": exc.raw[:2000], "billing": billing}
    if isinstance(exc, Cancelled):
        return {"type": "cancelled", "billing": billing}
    # Errors defined elsewhere in core (KeychainUnavailable, HistoryError) name their kind.
    kind = "".join(f"_{c.lower()}" if c.isupper() else c for c in type(exc).__name__).lstrip("_")
    return {"type": kind, "kind": getattr(exc, "kind", None) or getattr(exc, "reason", None), "detail": str(exc),
            "billing": billing}
