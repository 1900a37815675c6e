"""Anonymous throttling: `API_THROTTLE_RATE` requests per client address (behind the trusted proxies, an
IPv6 client by its /64, tracker/accounts/client_address.py), counted in the shared cache so that every worker
process sees the same count. Over the rate the API answers 429 with `Retry-After` (Django REST framework's
`Throttled`)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from tracker.accounts.client_address import client_network


class AnonymousRateThrottle(SimpleRateThrottle):
    scope = "anonymous"

    def get_rate(self):
        # Read on every request, so that a change of the setting (and the tests' override) is seen.
        return settings.API_THROTTLE_RATE or None

    def __init__(self):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_network(request)}
