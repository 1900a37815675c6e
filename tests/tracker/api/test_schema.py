"""The OpenAPI document is valid OpenAPI 3 and the API keeps to it: Schemathesis generates requests for every
operation from the live document (in-process, through the site's WSGI application and all its middleware) and
finds no server error and no answer the document does not describe; and, from requests that break the
document (its coverage phase's boundary and wrong-type values, and negative fuzzing), no invalid value
accepted: each answers 400 (or 404), never 200 and never 5xx."""

import contextlib
import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/v1/schema/?format=json"
EXAMPLES = 12
# Every check of Schemathesis but one: a filter naming a place, office or person the tracker does not know
# answers 400 saying so, as the HTML list does, though any string is a valid value in the document.
EXCLUDED = [positive_data_acceptance]


def test_the_openapi_document_is_valid(client):
    answer = client.get(SCHEMA_URL)
    assert answer.status_code == 200
    document = json.loads(answer.content)
    validate(document)
    paths = set(document["paths"])
    for path in (
        "/api/v1/commitments/",
        "/api/v1/commitments/{slug}/",
        "/api/v1/commitments/{slug}/revisions/",
        "/api/v1/commitments/{slug}/revisions/{number}/",
        "/api/v1/people/",
        "/api/v1/offices/",
        "/api/v1/organisations/",
        "/api/v1/jurisdictions/",
        "/api/v1/tenures/",
        "/api/v1/digests/",
        "/api/v1/search/",
        "/api/v1/popolo.json",
    ):
        assert path in paths
    filters = {p["name"] for p in document["paths"]["/api/v1/commitments/"]["get"]["parameters"]}
    assert {"status", "sector", "jurisdiction", "office_kind", "owner", "overdue", "on", "changed_since"} <= filters
    assert not any(path.startswith("/admin") for path in paths)


@contextlib.contextmanager
def requests_in_the_test_transaction():
    """The WSGI application closes the database connection at each request's start and end; within a test's
    transaction that would end it, so (as Django's test client does) it keeps the connection meanwhile."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def real_addresses(quetta, digest):
    """Path parameters naming records that exist, for each kind, so that generated requests reach them too."""
    from tracker.models import Tenure

    slugs = {
        "commitments": quetta.files.slug,
        "decisions": quetta.decision.slug,
        "people": quetta.people.c.slug,
        "offices": quetta.dc.slug,
        "organisations": quetta.dc.organization.slug,
        "jurisdictions": quetta.quetta.slug,
    }
    return {
        **{f"/api/v1/{segment}/{{slug}}": {"slug": slug, "number": 1} for segment, slug in slugs.items()},
        "/api/v1/digests/{stamp}": {"stamp": digest.stamp},
        "/api/v1/tenures/{id}": {"id": Tenure.objects.first().pk},
    }


def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_document(quetta):
    from tracker.history.digest import sign_what_is_new

    real = real_addresses(quetta, sign_what_is_new())
    failures, reached = [], set()
    with requests_in_the_test_transaction():
        schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) > 20
        for operation in operations:
            strategies = [operation.as_strategy()]
            for prefix, parameters in real.items():
                if operation.path.startswith(prefix):
                    named = {name: value for name, value in parameters.items() if "{" + name + "}" in operation.path}
                    strategies.append(operation.as_strategy(path_parameters=named))
            for strategy in strategies:

                @given(case=strategy)
                @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
                def check(case):
                    # Uncompressed: the site gzips for clients that ask, and the in-process client asks but
                    # does not inflate (what a client that asks for gzip gets is tested in tests/deploy/).
                    response = case.call(headers={"Accept-Encoding": "identity"})
                    if response.status_code == 200:
                        reached.add(case.operation.path)
                    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}"
                    case.validate_response(response, excluded_checks=EXCLUDED)

                try:
                    check()
                except Exception as error:  # noqa: BLE001 - every operation is tried, failures reported together
                    failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)
    # The generated requests reached every operation's records, not only its 404s and 400s.
    assert reached == {operation.path for operation in operations}


def test_schemathesis_finds_no_invalid_value_accepted(quetta):
    """Negative testing: the coverage phase's cases (each parameter's boundaries, an empty value, a wrong type,
    in both modes) and negative fuzzing of every operation. A request that breaks the document must not be
    answered 2xx (Schemathesis' negative_data_rejection), nor 5xx."""
    from tracker.history.digest import sign_what_is_new

    real = real_addresses(quetta, sign_what_is_new())
    failures, negative = [], 0

    def check(case):
        response = case.call(headers={"Accept-Encoding": "identity"})
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}"
        case.validate_response(response, excluded_checks=EXCLUDED)

    with requests_in_the_test_transaction():
        schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())
        operations = [result.ok() for result in schema.get_all_operations()]
        for operation in operations:
            config = schema.config.generation_for(operation=operation, phase="coverage")
            modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
            for case in schema.iter_coverage_cases(operation, generation_modes=modes, generation_config=config):
                negative += case.meta.generation.mode.is_negative
                if case.meta.generation.mode.is_positive and case.path_parameters:
                    named = next((p for prefix, p in real.items() if operation.path.startswith(prefix)), {})
                    case.path_parameters.update({k: v for k, v in named.items() if k in case.path_parameters})
                try:
                    check(case)
                except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - all reported together
                    failures.append(f"{operation.label} (coverage) {case.query}: {error}")

            @given(case=operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
            @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def fuzz(case):
                check(case)

            try:
                fuzz()
            except Unsatisfiable:
                pass  # an operation without parameters has nothing to break
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001
                failures.append(f"{operation.label} (negative fuzzing): {error}")
    assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures[:40])
    assert negative > 300  # the document's limits give Schemathesis something to break
