"""A real SMTP server process for the following tests (aiosmtpd): every message it accepts is written,
as received, to <directory>/<n>.eml, and every SMTP session to <directory>/sessions.log, so a test reads
what arrived (headers included) and how many connections carried it. A recipient whose address starts
with "bounce" is refused with 550 (a permanent failure), one starting with "busy" with 451.

    python tests/tracker/following/smtp_server.py <port> <directory>
"""

import asyncio
import itertools
import sys
from pathlib import Path

from aiosmtpd.controller import Controller


class Mailbox:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.numbers = itertools.count(1)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with (self.directory / "sessions.log").open("a") as log:
            log.write(f"{hostname}\n")
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such mailbox"
        if address.startswith("busy"):
            return "451 4.2.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        path = self.directory / f"{next(self.numbers):06d}.eml"
        path.with_suffix(".tmp").write_bytes(envelope.original_content or envelope.content)
        path.with_suffix(".tmp").rename(path)
        return "250 Message accepted"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Mailbox(directory), hostname="127.0.0.1", port=port)
    controller.start()
    (Path(directory) / "ready").write_text("ready")
    try:
        asyncio.run(asyncio.Event().wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
