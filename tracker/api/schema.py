"""The OpenAPI document covers the open-data API only (not Wagtail's admin API, which is for editors)."""


def only_open_data(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
