"""`make demo` looks like the real site: DEBUG off, the site's own 404 and 500 pages, static files
collected and served by WhiteNoise with hashed names, on the port `make demo PORT=…` names."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.views.defaults import server_error

ROOT = Path(__file__).resolve().parent.parent


def demo_recipe(*args):
    """The commands `make demo` runs, without running them."""
    make = shutil.which("make")
    assert make, "make is needed to read the demo's recipe"
    result = subprocess.run([make, "-n", "demo", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_demo_serves_with_debug_off_on_the_chosen_port():
    recipe = demo_recipe("PORT=8123")
    assert "load_demo_data --port 8123" in recipe
    assert "DEBUG=false .venv/bin/python manage.py collectstatic --noinput" in recipe
    assert "DEBUG=false .venv/bin/python manage.py runserver 127.0.0.1:8123" in recipe
    assert "http://127.0.0.1:8123/" in recipe


def test_make_demo_builds_the_downloads_of_its_data_page():
    # /data/ would otherwise say "not built yet" until the nightly task runs, which the demo never does; the
    # files link to where the demo is served.
    recipe = demo_recipe("PORT=8123").splitlines()
    built = [n for n, line in enumerate(recipe) if "manage.py build_downloads" in line]
    loaded = [n for n, line in enumerate(recipe) if "manage.py load_demo_data" in line]
    served = [n for n, line in enumerate(recipe) if "manage.py runserver" in line]
    assert built and loaded and served
    assert loaded[0] < built[0] < served[0]
    assert recipe[built[0]].startswith("SITE_URL=http://127.0.0.1:8123 ")


def test_make_demo_uses_port_8000_unless_told():
    assert "runserver 127.0.0.1:8000" in demo_recipe()


def test_make_demo_links_its_mail_to_the_port_it_serves_on():
    # The demo's e-mails (follow confirmations, alerts, moderation notices) link to SITE_URL, and its pages'
    # links in them to the Wagtail site, which load_demo_data points at the same address.
    recipe = demo_recipe("PORT=8401")
    assert "SITE_URL=http://127.0.0.1:8401 .venv/bin/python manage.py load_demo_data --port 8401" in recipe
    assert "SITE_URL=http://127.0.0.1:8401 DEBUG=false .venv/bin/python manage.py runserver 127.0.0.1:8401" in recipe
    assert ":8000" not in recipe


def dev_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.dev", **env)
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG); print(settings.STORAGES['staticfiles']['BACKEND']); print(settings.MIDDLEWARE[1])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_demo_settings_serve_collected_static_files_with_debug_off():
    debug, storage, middleware = dev_settings(DEBUG="false")
    assert debug == "False"
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert middleware == "whitenoise.middleware.WhiteNoiseMiddleware"


@pytest.mark.django_db
def test_static_files_are_served_with_hashed_names_and_pages_are_the_sites_own(settings, tmp_path):
    from config.settings import dev

    settings.DEBUG = False
    settings.MIDDLEWARE = dev.MIDDLEWARE
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()

    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    html = missing.content.decode()
    assert "We could not find that page" in html
    stylesheet = next(part.split('"')[0] for part in html.split('href="')[1:] if part.startswith("/static/css/site."))
    assert stylesheet != "/static/css/site.css", "a hashed name, cached for ever"
    served = client.get(stylesheet)
    assert served.status_code == 200
    assert "immutable" in served["Cache-Control"]
    assert b".status-delivered" in b"".join(served.streaming_content)

    broken = server_error(RequestFactory().get("/"))
    assert broken.status_code == 500
    assert "Something went wrong on our side" in broken.content.decode()


@pytest.mark.django_db
def test_a_task_run_in_process_says_nothing_about_hostnames(caplog, capfd):
    # The demo runs its tasks in-process; kombu's "No hostname was supplied. Reverting to default
    # 'localhost'" came with every one of them, unexplained, in `load_demo_data`'s output.
    from search.tasks import dispatch_drain

    with caplog.at_level("DEBUG"):
        dispatch_drain()
    assert "hostname" not in caplog.text
    assert "hostname" not in capfd.readouterr().err
