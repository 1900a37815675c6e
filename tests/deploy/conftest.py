"""The smoke test's outside pieces are the search tests' own (a private redis-server, osmem-server)."""

from tests.search.conftest import broker, search_server  # noqa: F401  (fixtures)
