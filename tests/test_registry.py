"""The endpoint registry is the one declaration: what is derived from it stays derived.

The window's page list and task names are not imported from the registry (the window's first
paint must not load core), so these tests hold them to it instead."""

from __future__ import annotations

from app.cli.main import build_parser
from app.core.contract import Endpoint
from app.core.endpoints import ENDPOINT_FOR_PATH, SPECS, spec


def test_every_endpoint_is_declared_once_with_a_unique_path() -> None:
    assert set(SPECS) == set(Endpoint)
    assert len(ENDPOINT_FOR_PATH) == len(SPECS)
    for endpoint, declared in SPECS.items():
        assert declared.endpoint is endpoint and declared.request.endpoint is endpoint
        assert {s.attribute for s in declared.sources}.isdisjoint(f.attribute for f in declared.form)


def test_the_windows_pages_follow_the_registry() -> None:
    from app.catalogue.tasks import TASK_NAMES
    from app.ui.pages.registry import PAGES, page_class

    assert [entry.endpoint for entry in PAGES] == [endpoint.value for endpoint in SPECS]
    assert list(TASK_NAMES) == [endpoint.value for endpoint in SPECS]
    for entry in PAGES:
        assert page_class(entry).endpoint is Endpoint(entry.endpoint), entry


def test_the_cli_has_a_subcommand_per_endpoint_with_its_flags() -> None:
    parser = build_parser()
    for endpoint, declared in SPECS.items():
        args = ["call", endpoint.value]
        for source in declared.sources:
            args += [f"--{source.attribute}-id", "x"]
        for form_field in declared.form:
            if form_field.kind.personal:
                args += ["--" + form_field.attribute.replace("_", "-"), "x"]
        parsed = parser.parse_args(args)
        assert parsed.endpoint == endpoint.value
        assert all(hasattr(parsed, f.attribute) for f in declared.form)
        assert spec(Endpoint(parsed.endpoint)) is declared
