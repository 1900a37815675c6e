"""The public pages of signed digests: every digest ever made, each one's listing and signature, and the
public key to check them with (tracker/history/digest.py says what a digest is)."""

import base64

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from tracker.history import digest, signing
from tracker.models import SignedDigest

PER_PAGE = 100


def digest_index(request):
    """Every signed digest, newest first, with the public key and how to check one."""
    page = Paginator(SignedDigest.objects.order_by("-ends_at"), PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, **digest.checking_context()}
    return render(request, "history/digests.html", context)


def _named(stamp):
    found = digest.signed_digest_named(stamp)
    if found is None:
        raise Http404("No signed digest has this name: see /history/digests/ for every one.")
    return found


def signed_digest_listing(request, stamp):
    """Exactly the bytes the digest is the SHA-256 of, and that its signature signs."""
    found = _named(stamp)
    response = HttpResponse(digest.signed_listing(found), content_type="text/plain; charset=utf-8")
    response["X-Digest-SHA256"] = found.sha256
    response["X-Digest-Signature"] = found.signature
    response["Content-Disposition"] = f'inline; filename="digest-{found.stamp}.txt"'
    return response


def signed_digest_signature(request, stamp):
    """The raw 64-byte Ed25519 signature, for `openssl pkeyutl -verify ... -sigfile`."""
    found = _named(stamp)
    response = HttpResponse(base64.b64decode(found.signature), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="digest-{found.stamp}.sig"'
    return response


def public_key(request):
    response = HttpResponse(signing.public_key_pem(), content_type="application/x-pem-file")
    response["Content-Disposition"] = 'inline; filename="tracker-digest-key.pem"'
    return response
