"""The files of deploy/ work as docs/deploy.md uses them: the VCL compiles with Debian's varnishd,
gunicorn accepts its configuration and finds the application, and the service units start what exists."""

import re
import shutil
import subprocess
from pathlib import Path

from config.celery import QUEUES
from tests.conftest import need
from tests.deploy import stack

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_the_vcl_compiles(tmp_path):
    need("varnishd", shutil.which(stack.VARNISHD), "install Debian's varnish package")
    result = subprocess.run(  # noqa: S603
        [stack.VARNISHD, "-C", "-j", "none", "-f", str(DEPLOY / "varnish" / "tracker.vcl"), "-n", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_gunicorn_accepts_its_configuration():
    need("gunicorn", stack.GUNICORN.exists(), "install the project (pip install -e .)")
    result = subprocess.run(  # noqa: S603
        [str(stack.GUNICORN), "-c", "deploy/gunicorn.conf.py", "--check-config", "config.wsgi"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_units_run_the_repository_s_files_and_every_queue_has_a_worker():
    web = (DEPLOY / "systemd" / "tracker-web.service").read_text()
    assert "gunicorn -c deploy/gunicorn.conf.py config.wsgi" in web
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in web
    worker = (DEPLOY / "systemd" / "tracker-worker@.service").read_text()
    assert "celery -A config worker -Q %I" in worker
    guide = (ROOT / "docs" / "deploy.md").read_text()
    enabled = set()
    for instance in re.findall(r"tracker-worker@([a-z,]+)", guide):
        enabled |= set(instance.split(","))
    assert enabled == set(QUEUES)
    varnish = (DEPLOY / "systemd" / "varnish.service.d" / "tracker.conf").read_text()
    assert "deploy/varnish/tracker.vcl" in varnish and "127.0.0.1:6081" in varnish
    nginx = (DEPLOY / "nginx" / "tracker.conf").read_text()
    assert "127.0.0.1:6081" in nginx and "X-Forwarded-Proto" in nginx


def test_the_production_environment_template_names_every_required_variable():
    template = (DEPLOY / "tracker.env.example").read_text()
    names = set(re.findall(r"^([A-Z_]+)=", template, re.MULTILINE))
    required = {"DATABASE_URL", "CACHE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DIGEST_SIGNING_KEY"}
    assert required | {"CELERY_BROKER_URL", "FRONTEND_CACHE_URL", "TRUSTED_PROXIES", "STATIC_ROOT"} <= names
    # Every link of every e-mail starts with SITE_URL, and DEFAULT_FROM_EMAIL sends them.
    assert {"EMAIL_URL", "SITE_URL", "DEFAULT_FROM_EMAIL"} <= names
