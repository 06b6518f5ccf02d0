"""The endpoint registry: everything the app knows about each call, declared once.

For each endpoint: its path, its request and data types, its form fields (and which of them are
personal data), its sources (kind, field names, limits), the response aliases API-NOTES allows,
whether it can be billed, and how its result is read. Validation, the client's multipart parts,
history's person columns, the CLI's subcommands, the sandbox's routes and the window's pages are
derived from these entries or dispatch on them; see app/README.md for adding a call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.contract import (
    LIVENESS_SOURCE,
    SELFIE_SOURCE,
    CallResult,
    Endpoint,
    FieldKind,
    FormField,
    HackData,
    HackRequest,
    IdNumberData,
    IdNumberRequest,
    ParseData,
    ParseRequest,
    Request,
    ResultData,
    SelfieData,
    SelfieRequest,
    SourceSpec,
    TokenData,
    TokenRequest,
)
from app.core.interpret import (
    DEFAULT_FACE_THRESHOLD,
    Reading,
    read_hack,
    read_id_number,
    read_parse,
    read_selfie,
    read_token,
)


@dataclass(frozen=True)
class EndpointSpec:
    """One call, as the vendor documents it and as this app reads it."""

    endpoint: Endpoint
    path: str
    request: type[Request]
    data: type[ResultData]
    form: tuple[FormField, ...]
    sources: tuple[SourceSpec, ...]
    read: Callable[[Any, float], Reading]  # the data type's reading (interpret.read_*)
    billable: bool = True  # the server's `charge` says whether it was; False: never billed
    face_data: bool = True  # it processes a face (a capture or a photo): consent comes first (app.core.cases)
    aliases: Mapping[str, str] = field(default_factory=dict)  # canonical response field -> allowed alias
    personal_results: Mapping[str, FieldKind] = field(default_factory=dict)  # response fields holding personal
    #                                                                          data: masked wherever kept

    @property
    def personal_fields(self) -> tuple[FormField, ...]:
        return tuple(f for f in self.form if f.kind.personal)


# The hack score's v1 name (the vendor's older hack page).
_HACK_SCORE_ALIAS = {"hack_score": "score"}

SPECS: dict[Endpoint, EndpointSpec] = {spec.endpoint: spec for spec in (
    EndpointSpec(
        Endpoint.ID_NUMBER, "/v2/sdk/identity/liveness_idnumber_verification", IdNumberRequest, IdNumberData,
        form=(FormField("name", "name", FieldKind.NAME), FormField("id_number", "id_number", FieldKind.ID_NUMBER),
              FormField("auto_hack", "auto_hack", FieldKind.FLAG)),
        sources=(LIVENESS_SOURCE,), read=read_id_number,
        # The document's examples write result/id_name/photo/score; its table's names are canonical.
        aliases={"check_result": "result", "id_name_result": "id_name", "photo_result": "photo",
                 "certificate_score": "score"},
    ),
    EndpointSpec(
        Endpoint.SELFIE, "/v2/sdk/identity/liveness_selfie_verification", SelfieRequest, SelfieData,
        form=(FormField("selfie_auto_rotate", "auto_rotate", FieldKind.FLAG),
              FormField("selfie_auto_hack", "auto_hack", FieldKind.FLAG)),
        sources=(LIVENESS_SOURCE, SELFIE_SOURCE), read=read_selfie, aliases=_HACK_SCORE_ALIAS,
    ),
    EndpointSpec(
        # The document's heading spells it liveness_hack_dectect; the request URL below it is this one.
        Endpoint.HACK, "/v2/sdk/hackness/liveness_hack_detect", HackRequest, HackData,
        form=(), sources=(LIVENESS_SOURCE,), read=read_hack, aliases=_HACK_SCORE_ALIAS,
    ),
    EndpointSpec(
        Endpoint.PARSE, "/v2/sdk/liveness/parse_liveness_result", ParseRequest, ParseData,
        form=(), sources=(LIVENESS_SOURCE,), read=read_parse,
    ),
    EndpointSpec(
        Endpoint.TOKEN, "/v2/sdk/get_token", TokenRequest, TokenData,
        form=(FormField("detection_type", "detection_type", FieldKind.DETECTION_TYPE),), sources=(),
        read=read_token, billable=False, face_data=False,  # the document's only success example says charge 2
    ),
)}
assert set(SPECS) == set(Endpoint), "every endpoint is declared once"
ENDPOINT_FOR_PATH = {spec.path: spec.endpoint for spec in SPECS.values()}


def spec(endpoint: Endpoint) -> EndpointSpec:
    return SPECS[endpoint]


def read(result: CallResult[Any], face_threshold: float = DEFAULT_FACE_THRESHOLD) -> Reading:
    """The one reading of a result."""
    return spec(result.endpoint).read(result.data, face_threshold)


def parse_data(endpoint: Endpoint, data: dict[str, Any]) -> ResultData:
    """The endpoint's typed data from a 0000 answer's ``data``, with the aliases it allows."""
    declared = spec(endpoint)
    return declared.data.from_json(data, declared.aliases)


def form_values(request: Request) -> dict[str, str]:
    """The request's form fields as the API spells them (flags as true/false)."""
    values: dict[str, str] = {}
    for form_field in spec(request.endpoint).form:
        value = getattr(request, form_field.attribute)
        values[form_field.name] = ("true" if value else "false") if form_field.kind is FieldKind.FLAG else value
    return values


def person_values(request: Request) -> dict[FieldKind, str]:
    """The request's personal data by kind (a name, an ID number): what must be masked wherever it is kept."""
    return {f.kind: getattr(request, f.attribute) for f in spec(request.endpoint).personal_fields}
