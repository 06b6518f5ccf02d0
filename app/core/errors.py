"""What can go wrong, as a small hierarchy the window and the CLI can present, and the code catalogue.

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

from dataclasses import dataclass
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
    """A local check failed before anything was sent. ``field`` names the input, ``rule`` the rule."""

    exit_code = 2

    def __init__(self, field: str, rule: str, message: str, message_zh: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.rule = rule
        self.message = message
        self.message_zh = message_zh


class ApiError(LinkFaceError):
    """The server answered with a code other than 0000."""

    exit_code = 3

    def __init__(
        self, code: str, msg: str | None, request_id: str, charge: int, sequence_id: str, raw: str = ""
    ) -> None:
        info = describe(code)
        super().__init__(f"API error {code}: {info.en} ({msg or 'no message'}); request_id {request_id}")
        self.code = code
        self.msg = msg
        self.request_id = request_id
        self.charge = charge
        self.sequence_id = sequence_id
        self.raw = raw
        self.info = info

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


_TRANSPORT_TEXT: dict[TransportKind, tuple[str, str, str, str]] = {
    TransportKind.DNS: (
        "The server's name could not be resolved.",
        "无法解析服务器地址。",
        "Check the base URL and the network; call IT if other sites also fail.",
        "请检查服务地址和网络；若其他网站也打不开，请联系 IT。",
    ),
    TransportKind.REFUSED: (
        "The server refused the connection.",
        "服务器拒绝连接。",
        "Check the base URL and port, and that the service is up.",
        "请检查服务地址和端口，并确认服务正在运行。",
    ),
    TransportKind.TIMEOUT: (
        "The server did not answer in time.",
        "服务器响应超时。",
        "Check the network, then try again; if it was a billable call, check history before retrying.",
        "请检查网络后重试；若为计费调用，请先查看历史记录再重试。",
    ),
    TransportKind.TLS: (
        "The server's certificate could not be verified.",
        "无法验证服务器证书。",
        "Ask IT whether a corporate CA must be added to the profile's trust settings.",
        "请联系 IT，确认是否需要在配置的信任设置中加入企业 CA 证书。",
    ),
    TransportKind.PROXY: (
        "The proxy could not be reached or refused the request.",
        "无法连接代理服务器或代理拒绝请求。",
        "Check the profile's proxy setting with IT.",
        "请与 IT 核对配置中的代理设置。",
    ),
    TransportKind.OTHER: (
        "The connection failed.",
        "连接失败。",
        "Check the network and try again.",
        "请检查网络后重试。",
    ),
    TransportKind.DEADLINE: (
        "The server took too long to answer the whole call.",
        "服务器完成本次调用的时间过长。",
        "Check the network, then try again.",
        "请检查网络后重试。",
    ),
}

# What to do after a failure whose billing is unknown: the request may have been checked and billed.
UNKNOWN_BILLING_REMEDY = (
    "The call may have been billed: look it up in History by its sequence id before you retry.",
    "本次调用可能已计费：重试前请先在历史记录中按 sequence id 查询。",
)


class TransportError(LinkFaceError):
    """The request did not complete. ``may_have_reached_server`` warns against blind retries; ``billing``
    is UNKNOWN when it may have reached the server on a billable call."""

    def __init__(self, kind: TransportKind, detail: str, sequence_id: str, may_have_reached_server: bool,
                 billing: Billing | None = None) -> None:
        en, _zh, _remedy_en, _remedy_zh = _TRANSPORT_TEXT[kind]
        super().__init__(f"{en} ({detail})")
        self.kind = kind
        self.detail = detail
        self.sequence_id = sequence_id
        self.may_have_reached_server = may_have_reached_server
        self.billing = billing or (Billing.UNKNOWN if may_have_reached_server else Billing.NOT_BILLED)

    @property
    def text(self) -> tuple[str, str, str, str]:
        """(en, zh, remedy_en, remedy_zh)."""
        return _TRANSPORT_TEXT[self.kind]


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


# --- the catalogue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeInfo:
    """One API code: what it means and what the operator should do, in both languages."""

    code: str
    zh: str
    en: str
    remedy_zh: str
    remedy_en: str
    known: bool = True


def _c(code: str, zh: str, en: str, remedy_zh: str, remedy_en: str) -> CodeInfo:
    return CodeInfo(code, zh, en, remedy_zh, remedy_en)


CATALOGUE: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        _c("0000", "调用成功", "Success", "无需处理。", "Nothing to do."),
        _c("1000", "验签失败", "Signature check failed",
           "请检查 API 密钥是否正确，以及本机时钟是否准确。",
           "Check the API secret, and that this computer's clock is correct."),
        _c("1001", "参数非UTF-8编码", "A parameter is not UTF-8",
           "请检查姓名等输入中是否有特殊字符；仍失败请联系 IT。",
           "Check the name and other inputs for unusual characters; call IT if it persists."),
        _c("1002", "请求参数错误", "Bad request parameter",
           "请核对输入项；若输入无误，请将 request_id 提供给技术支持。",
           "Check the inputs; if they are right, quote the request_id to support."),
        _c("1003", "加密文件错误", "Liveness file is invalid",
           "活体文件损坏或不是 SDK 生成的文件，请让客户重新采集。",
           "The liveness file is damaged or not from the SDK: ask the customer to capture again."),
        _c("1004", "未检测出人脸", "No face detected",
           "请让客户正对镜头、光线充足后重新采集。",
           "Ask the customer to retake, facing the camera in good light."),
        _c("1005", "网络图片获取超时", "Fetching the network image timed out",
           "请确认地址可访问后重试，或改为上传本地文件。",
           "Check that the URL is reachable and retry, or upload the file instead."),
        _c("1006", "网络图片获取失败", "Fetching the network image failed",
           "请检查地址是否正确，或改为上传本地文件。",
           "Check the URL, or upload the file instead."),
        _c("1007", "应用冻结", "Application frozen (not authorized)",
           "账户已被冻结，请联系管理员与供应商。",
           "The account is frozen: contact your administrator and the vendor."),
        _c("1008", "应用过期", "Application expired",
           "账户已过期，请联系管理员续期。",
           "The account has expired: ask your administrator to renew it."),
        _c("1009", "调用频率过高", "Call rate too high",
           "请稍等一分钟后再试。",
           "Wait a minute before trying again."),
        _c("1010", "免费次数用尽", "Free quota used up",
           "调用次数已用完，请联系管理员。",
           "The call quota is used up: contact your administrator."),
        _c("1011", "服务无权限", "No permission for this service",
           "账户未开通此服务，请联系管理员。",
           "The account is not enabled for this service: contact your administrator."),
        _c("1012", "请求路径错误", "Wrong request path",
           "请检查配置中的服务地址；仍失败请联系 IT。",
           "Check the profile's base URL; call IT if it persists."),
        _c("1013", "图片体积过大", "Image too large",
           "请使用不超过 5 MB 的照片。",
           "Use a photo of at most 5 MB."),
        _c("1014", "图片不存在", "Image does not exist",
           "照片编号无效或已过期，请重新上传照片。",
           "The image id is unknown or expired: upload the photo again."),
        _c("1015", "文件不是图片或已损坏", "Not an image, or damaged",
           "请选择有效的 JPG/PNG/BMP/GIF/TIFF 照片。",
           "Choose a valid JPG, PNG, BMP, GIF or TIFF photo."),
        _c("1016", "图片大小或格式不符合要求", "Image size or format not accepted",
           "照片宽高须在 9–4000 像素之间，格式为 JPG/PNG/BMP/GIF/TIFF。",
           "The photo must be 9 to 4000 pixels wide and high, in JPG, PNG, BMP, GIF or TIFF."),
        _c("1017", "数据源服务出错", "Data-source service error",
           "公安数据源暂时不可用，请稍后重试。",
           "The ID data source is unavailable: try again later."),
        _c("9999", "其他错误", "Other error (server internal error)",
           "请稍后重试；仍失败请将 request_id 提供给技术支持。",
           "Try again later; if it persists, quote the request_id to support."),
    )
}


def describe(code: str) -> CodeInfo:
    """The catalogue entry for a code; an unknown code gets a generic entry that keeps the code."""
    if code in CATALOGUE:
        return CATALOGUE[code]
    return CodeInfo(
        code,
        f"未知错误码 {code}",
        f"Unknown code {code}",
        "请将错误码和 request_id 提供给技术支持。",
        "Quote the code and the request_id to support.",
        known=False,
    )


def error_summary(exc: LinkFaceError) -> dict[str, object]:
    """A JSON-ready description of a failure (for the CLI, history and diagnostics); never a secret."""
    billing = exc.billing.value
    if isinstance(exc, InputRejected):
        return {"type": "input_rejected", "field": exc.field, "rule": exc.rule, "message": exc.message,
                "message_zh": exc.message_zh, "sent": False, "billing": billing}
    if isinstance(exc, ApiError):
        return {"type": "api_error", "code": exc.code, "msg": exc.msg, "message": exc.info.en,
                "message_zh": exc.info.zh, "remedy": exc.info.remedy_en, "remedy_zh": exc.info.remedy_zh,
                "known_code": exc.info.known, "request_id": exc.request_id, "sequence_id": exc.sequence_id,
                "charge": exc.charge, "billed": exc.billed, "billing": billing}
    if isinstance(exc, TransportError):
        en, zh, remedy_en, remedy_zh = exc.text
        if exc.billing is Billing.UNKNOWN:
            remedy_en, remedy_zh = f"{remedy_en} {UNKNOWN_BILLING_REMEDY[0]}", f"{remedy_zh}{UNKNOWN_BILLING_REMEDY[1]}"
        return {"type": "transport", "kind": exc.kind.value, "detail": exc.detail, "message": en,
                "message_zh": zh, "remedy": remedy_en, "remedy_zh": remedy_zh, "sequence_id": exc.sequence_id,
                "may_have_reached_server": exc.may_have_reached_server, "billing": billing}
    if isinstance(exc, ProtocolError):
        remedy_en, remedy_zh = (UNKNOWN_BILLING_REMEDY if exc.billing is Billing.UNKNOWN else
                                ("Nothing was billed: try again.", "本次未计费，可以重试。"))
        return {"type": "protocol", "message": f"The server's answer could not be used: {exc.reason}.",
                "message_zh": f"无法使用服务器的应答：{exc.reason}。", "reason": exc.reason,
                "remedy": remedy_en, "remedy_zh": remedy_zh, "http_status": exc.http_status,
                "sequence_id": exc.sequence_id, "raw": exc.raw[:2000], "billing": billing}
    if isinstance(exc, Cancelled):
        return {"type": "cancelled", "message": str(exc), "billing": billing}
    # Errors defined elsewhere in core (KeychainUnavailable, HistoryError) carry their own bilingual text.
    kind = "".join(f"_{c.lower()}" if c.isupper() else c for c in type(exc).__name__).lstrip("_")
    return {"type": kind, "message": str(exc), "message_zh": getattr(exc, "message_zh", None), "billing": billing}
