"""Starting and waiting for the real outside processes of a test or a benchmark (a free port, a private
redis-server). No Django here: bench/load.py imports it before any settings exist."""

import shutil
import socket
import subprocess
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answering(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_for(condition, timeout=30.0, interval=0.2, what="condition", log=None):
    """Poll until `condition()` is true; on giving up, the message ends with `log()` if given."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    message = f"Gave up after {timeout:.0f}s waiting for {what}."
    raise AssertionError(f"{message}\n{log()}" if log else message)


class Broker:
    """A private redis-server (never the shared one), so a test can stop and restart it."""

    def __init__(self, directory):
        self.port = free_port()
        self.directory = directory
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        args = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("redis-server"), *args, "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: answering(self.port), timeout=10, what="redis-server to start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def stop(process, timeout=30):
    """Stop `process`: asked to end, then killed if it has not within `timeout` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
