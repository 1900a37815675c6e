"""`tracker-verify prove --page ADDRESS`: a reader proves the revision they are looking at from its page's address
(in either language) or a saved copy of the page, without looking up its hash or leaf; the verifier reads them
from the page and refuses a page that shows something other than what the log holds."""

import datetime

from django.db import transaction
from django.test import Client
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tests.verifier.test_verifier import verify
from tracker.history import transparency
from tracker.models import PublicRevision


def test_prove_a_revision_by_its_page_address(tmp_path, live_server):
    key = transparency.current_key().verifier_key
    record = CommitmentFactory(title="Girls' school in Turbat")
    with transaction.atomic():
        add_revisions(record, 12, start=timezone.now() - datetime.timedelta(days=1))
    transparency.make_checkpoint()
    revision = PublicRevision.objects.for_record(record).get(number=5)
    leaf = revision.sequence - 1
    page = f"{live_server.url}/commitments/{record.slug}/history/5/"

    code, out = verify("--log", live_server.url, "--key", key, "prove", "--page", page, cwd=tmp_path)
    assert code == 0, out
    assert f"The page {page} shows revision {revision.hash}, leaf {leaf} of the log." in out
    assert f"Revision {revision.hash} is leaf {leaf} of the signed tree of 12 entries" in out

    urdu = f"{live_server.url}/ur/commitments/{record.slug}/history/5/"
    code, out = verify("--log", live_server.url, "--key", key, "prove", "--page", urdu, cwd=tmp_path)
    assert code == 0 and f"is leaf {leaf} of the signed tree" in out, out

    # A page that is not a revision's is refused in words.
    record_page = f"{live_server.url}/commitments/{record.slug}/"
    code, out = verify("--log", live_server.url, "--key", key, "prove", "--page", record_page, cwd=tmp_path)
    assert code == 1 and "is not a revision's page" in out, out

    # A saved copy altered to show another revision's hash at that leaf: the log holds something else.
    saved = tmp_path / "revision-5.html"
    other = PublicRevision.objects.for_record(record).get(number=6)
    html = Client().get(f"/commitments/{record.slug}/history/5/").content.decode()
    saved.write_text(html.replace(f'content="{revision.hash}"', f'content="{other.hash}"'))
    code, out = verify("--log", live_server.url, "--key", key, "prove", "--page", saved, cwd=tmp_path)
    assert code == 1, out
    assert f"the page shows the revision hash {other.hash} as leaf {leaf}, but the log's leaf {leaf} is" in out
    saved.write_text(html)
    code, out = verify("--log", live_server.url, "--key", key, "prove", "--page", saved, cwd=tmp_path)
    assert code == 0 and f"is leaf {leaf} of the signed tree" in out, out

    # A revision published after the latest checkpoint is not in the signed tree yet.
    with transaction.atomic():
        add_revisions(record, 1, start=timezone.now())
    newest = f"{live_server.url}/commitments/{record.slug}/history/13/"
    code, out = verify("--log", live_server.url, "--key", key, "prove", "--page", newest, cwd=tmp_path)
    assert code == 1 and "the signed tree of 12 entries does not have yet" in out, out
