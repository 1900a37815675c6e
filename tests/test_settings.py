"""Production settings refuse to start half-configured, and pass Django's deployment checks when configured."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "x" * 60
SIGNING_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="  # an Ed25519 seed: 32 bytes in base64
# `check` does not connect to them: they only have to be named.
SERVICES = {"DATABASE_URL": "postgres://tracker@127.0.0.1:5432/tracker", "CACHE_URL": "redis://127.0.0.1:6379/1"}
CONFIGURED = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "tracker.example.org", "DIGEST_SIGNING_KEY": SIGNING_KEY}


def manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "DIGEST_SIGNING_KEY",
            "DATABASE_URL",
            "CACHE_URL",
            "TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **SERVICES)
    environment.update(env)
    environment = {k: v for k, v in environment.items() if v is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="tracker.example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_digest_signing_key():
    result = manage("check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="tracker.example.org")
    assert result.returncode != 0
    assert "Set DIGEST_SIGNING_KEY" in result.stderr


def test_production_refuses_to_start_without_a_database_url_rather_than_use_sqlite():
    result = manage("check", **CONFIGURED, DATABASE_URL=None)
    assert result.returncode != 0
    assert "Set DATABASE_URL" in result.stderr
    assert "never falls back to an SQLite file" in result.stderr


def test_production_refuses_to_start_without_the_shared_cache():
    result = manage("check", **CONFIGURED, CACHE_URL=None)
    assert result.returncode != 0
    assert "Set CACHE_URL" in result.stderr


def test_production_refuses_a_timestamp_authority_without_its_certificates(tmp_path):
    missing = tmp_path / "missing-chain.pem"
    result = manage("check", **CONFIGURED, TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES=f"tsa https://tsa.example/ {missing}")
    assert result.returncode != 0
    assert f"TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES: 'tsa https://tsa.example/ {missing}' is not" in result.stderr
    missing.write_text("-----BEGIN CERTIFICATE-----\n")
    result = manage("check", **CONFIGURED, TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES=f"tsa https://tsa.example/ {missing}")
    assert "TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES" not in result.stderr, result.stderr


def test_production_refuses_debug():
    result = manage("check", **CONFIGURED, DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG=true is refused" in result.stderr
    assert manage("check", **CONFIGURED, DEBUG="false").returncode == 0


def test_production_keeps_sessions_and_limits_in_redis():
    code = (
        "from django.conf import settings as s; print(s.CACHES['default']['BACKEND']); print(s.SESSION_ENGINE); "
        "print(s.DEBUG)"
    )
    result = manage("shell", "-v", "0", "-c", code, **CONFIGURED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "config.cache.ResilientRedisCache",  # Django's, answering as an empty cache while Redis is down
        "django.contrib.sessions.backends.cached_db",
        "False",
    ]


def test_production_refuses_one_redis_database_for_the_cache_and_the_broker():
    """The cache is emptied when Redis returns after an outage (config/cache.py): never the broker's queues."""
    result = manage("check", **CONFIGURED, CELERY_BROKER_URL="redis://127.0.0.1:6379/1")
    assert result.returncode != 0
    assert "CACHE_URL and CELERY_BROKER_URL name the same Redis database" in result.stderr
    assert manage("check", **CONFIGURED, CELERY_BROKER_URL="redis://127.0.0.1:6379/0").returncode == 0


def test_deploy_check_is_clean_when_configured():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="tracker.example.org",
        DIGEST_SIGNING_KEY=SIGNING_KEY,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
