"""The API's documentation pages are served from the site's own static files (drf-spectacular-sidecar's copies
of Swagger UI and Redoc), never from another site, under a Content-Security-Policy that allows scripts from
this site only."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ["/api/docs/", "/api/docs/redoc/"])
def test_the_documentation_loads_only_this_sites_files(client, address):
    answer = client.get(address)
    assert answer.status_code == 200
    content = answer.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', content)
    assert sources, content[:500]
    for source in sources:
        assert source.startswith("/"), f"{address} loads {source} from another site"
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), f"{source} is not among the static files"
    assert "/api/v1/schema/" in content or "/api/docs/?script=" in content
    policy = answer["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_swagger_ui_is_started_by_a_script_of_this_site(client):
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    assert "/api/v1/schema/" in script.content.decode()


def test_the_schema_answers_json_and_yaml(client):
    assert client.get("/api/v1/schema/").json()["openapi"].startswith("3.")
    assert client.get("/api/v1/schema/", {"format": "yaml"}).content.startswith(b"openapi: 3")
