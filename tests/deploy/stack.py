"""The production stack of docs/deploy.md, started for a test: the release step (check --deploy,
collectstatic, migrate, search_index --rebuild) run with the production settings, then gunicorn with
deploy/gunicorn.conf.py, a Celery worker on every queue, and varnishd with deploy/varnish/tracker.vcl in
front, each on a free port, each stopped after the test. PostgreSQL (the test database), a private
redis-server and osmem-server (the search server) come from the search tests' fixtures."""

import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import requests

from config.celery import QUEUES
from tests.processes import answering, stop, wait_for

ROOT = Path(__file__).resolve().parents[2]
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
GUNICORN = Path(sys.executable).parent / "gunicorn"
SIGNING_SEED = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="  # an Ed25519 seed, base64
HOST = "tracker.test"


def production_environment(directory, database_url, redis_port, search_url, proxy_port):
    """The variables of deploy/tracker.env.example, for this test's services."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "CACHE_", "CELERY_"))}
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url,
        "CACHE_URL": f"redis://127.0.0.1:{redis_port}/1",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0",
        "ELASTICSEARCH_URL": search_url,
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{proxy_port}",
        "TRUSTED_PROXIES": "127.0.0.1",
        "SECRET_KEY": "smoke-test-" + "k3y" * 20,
        "ALLOWED_HOSTS": HOST,
        "DIGEST_SIGNING_KEY": SIGNING_SEED,
        "STATIC_ROOT": str(directory / "static"),
        "EMAIL_URL": "consolemail://",
        "PYTHONPATH": str(ROOT),
    }


def manage(env, *args, timeout=300):
    """`manage.py <args>` with the production settings; fails the test with its output if it fails."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class Service:
    """One process of the stack, its output in a log file that a failure message ends with."""

    def __init__(self, name, directory, command, env, port=None):
        self.name, self.port, self.log = name, port, directory / f"{name}.log"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def last_lines(self, count=40):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-count:])

    def wait(self, ready, what):
        def ready_or_dead():
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited ({self.process.returncode}):\n{self.last_lines()}")
            return ready()

        wait_for(ready_or_dead, timeout=90, what=f"{self.name} ({what})", log=self.last_lines)

    def stop(self):
        stop(self.process)


@contextlib.contextmanager
def services_running(*, after=()):
    """The services a benchmark starts (append each to the list this yields). When the block fails, each
    one's last lines are printed; on leaving, each is stopped, the last started first, then each of
    `after` is called (stop the broker, drop the database's copy, remove the folder)."""
    services = []
    try:
        yield services
    except Exception:
        for service in services:
            print(f"--- {service.name} ---\n{service.last_lines()}", file=sys.stderr)
        raise
    finally:
        for service in reversed(services):
            service.stop()
        for cleanup in after:
            cleanup()


def start_gunicorn(directory, env, port):
    service = Service(
        "gunicorn",
        directory,
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
        {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"},
        port,
    )
    service.wait(lambda: answering(port), "listening")
    return service


def start_worker(directory, env, queues=QUEUES, name="worker"):
    """A Celery worker listening to `queues` (every queue by default), its log in `<name>.log`."""
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", ",".join(queues)]
    command += ["--pool", "solo", "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO"]
    command += ["-n", f"{name}-{os.getpid()}@%h"]
    service = Service(name, directory, command, env)
    service.wait(lambda: b" ready." in service.log.read_bytes(), "ready")
    return service


def start_varnish(directory, backend_port, port):
    """varnishd as this user (no jail: it never changes user, even as root), in the foreground, with the
    repository's VCL pointed at gunicorn's port."""
    vcl = (ROOT / "deploy" / "varnish" / "tracker.vcl").read_text()
    vcl, replaced = re.subn(r'\.port = "\d+";', f'.port = "{backend_port}";', vcl)
    assert replaced == 1, "deploy/varnish/tracker.vcl names one backend port"
    (directory / "tracker.vcl").write_text(vcl)
    command = [VARNISHD, "-F", "-j", "none", "-n", str(directory / "varnish"), "-a", f"127.0.0.1:{port}"]
    command += ["-f", str(directory / "tracker.vcl"), "-s", "malloc,64m", "-T", "none"]
    service = Service("varnishd", directory, command, dict(os.environ), port)
    service.wait(lambda: answering(port), "listening")
    return service


class Proxy:
    """Requests to the site through Varnish, as nginx sends them (HTTPS already terminated)."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = requests.Session()

    def get(self, path, **headers):
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip", **headers}
        return self.session.get(self.base + path, headers=headers, allow_redirects=False, timeout=30)
