"""The follower's pages: the follow form, the confirmation, the manage page (what the address follows, how
often, stop one, export, delete everything) and the one-click unsubscribe. Every page past the form is
reached through a signed link from an e-mail; none shows any address but the reader's own."""

import json
import logging
import smtplib

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tracker.following import subscribing, throttle
from tracker.following.forms import FollowForm
from tracker.following.subjects import (
    SEARCH_FILTERS,
    follow_label,
    records_by_key,
    search_label,
    search_query_string,
)
from tracker.following.tokens import manage_token, read_confirm_token, read_manage_token
from tracker.models import Follow, Follower
from tracker.models.following import Frequency

SEARCH_PARAMS = ("q", *SEARCH_FILTERS)
log = logging.getLogger(__name__)


def _what(form):
    if form.record is not None:
        return f"{form.record._meta.verbose_name.capitalize()}: {form.record}"
    return search_label(form.search) if form.search else ""


def _search_params(data):
    return {name: data.get(name, "") for name in SEARCH_PARAMS if data.get(name)}


@never_cache
@require_http_methods(["GET", "POST"])
def follow(request):
    data = request.POST if request.method == "POST" else request.GET
    params = _search_params(data)
    initial = {"target": data.get("target", ""), "language": getattr(request, "LANGUAGE_CODE", "en")}
    if request.method == "GET":
        form = FollowForm(initial=initial, search_params=params)
        preview = FollowForm({**initial, "email": "preview@example.org"}, search_params=params)
        what = _what(preview) if preview.is_valid() else ""
        problem = "" if what else " ".join(preview.non_field_errors() + preview.errors.get("target", []))
        context = {"form": form, "what": what, "problem": problem, "params": params}
        return render(request, "following/follow.html", context, status=200 if what else 400)
    form = FollowForm(request.POST, search_params=params)
    if form.is_valid():
        email = subscribing.normalise(form.cleaned_data["email"])
        if throttle.exhausted(request, email):
            return render(request, "following/too_many.html", status=429)
        throttle.count(request, email)
        try:
            subscribing.ask_to_follow(
                email,
                kind=form.kind,
                object_id=form.record.pk if form.record is not None else None,
                search=form.search,
                language=form.cleaned_data.get("language") or "en",
            )
        except (smtplib.SMTPException, OSError):
            log.exception("The confirmation e-mail could not be sent")
            return render(request, "following/not_sent.html", status=503)
        return render(request, "following/check_inbox.html", {"what": _what(form)})
    what = _what(form)
    problem = "" if what else " ".join(form.non_field_errors() + form.errors.get("target", []))
    context = {"form": form, "what": what, "problem": problem, "params": params}
    return render(request, "following/follow.html", context, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    found = read_confirm_token(token)
    if found is None:
        return render(request, "following/link_expired.html", status=400)
    if request.method == "GET":
        return render(request, "following/confirm.html", {"token": token})
    confirmed = subscribing.confirm(*found)
    if confirmed is None:
        return render(request, "following/link_expired.html", status=400)
    return redirect(reverse("tracker:follow_manage", args=[manage_token(confirmed.follower_id)]) + "?confirmed=1")


def _follower(token):
    follower_id = read_manage_token(token)
    follower = Follower.objects.filter(pk=follower_id).first() if follower_id else None
    if follower is None:
        raise Http404
    return follower


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        follower = _follower(token)
    except Http404:
        return render(request, "following/unsubscribed.html", {"gone": True}, status=404)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "frequency" and request.POST.get("frequency") in Frequency.values:
            subscribing.set_frequency(follower, request.POST["frequency"])
            return redirect(reverse("tracker:follow_manage", args=[token]) + "?saved=1")
        if action == "stop" and request.POST.get("follow", "").isdigit():
            if subscribing.stop_following(follower, int(request.POST["follow"])):
                return render(request, "following/unsubscribed.html")
            return redirect(reverse("tracker:follow_manage", args=[token]) + "?stopped=1")
        if action == "delete":
            subscribing.leave(follower.pk)
            return render(request, "following/unsubscribed.html", {"deleted": True})
        return render(request, "following/manage.html", _manage_context(follower, token, error=True), status=400)
    return render(request, "following/manage.html", _manage_context(follower, token, flags=request.GET))


def _manage_context(follower, token, error=False, flags=None):
    follows = list(Follow.objects.filter(follower=follower).order_by("pk"))
    records = records_by_key([(f.kind, f.object_id) for f in follows if f.object_id is not None])
    rows = [
        {
            "follow": f,
            "label": follow_label(f, records),
            "record": records.get((f.kind, f.object_id)),
            "search_link": f"{reverse(settings.SEARCH_PAGE)}?{search_query_string(f.search)}"
            if f.kind == "search"
            else "",
        }
        for f in follows
    ]
    flags = flags or {}
    return {
        "follower": follower,
        "rows": rows,
        "token": token,
        "frequencies": Frequency.choices,
        "error": error,
        "confirmed": "confirmed" in flags,
        "saved": "saved" in flags,
        "stopped": "stopped" in flags,
    }


@never_cache
def export(request, token):
    follower = _follower(token)
    body = json.dumps(subscribing.export(follower), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="following.json"'
    return response


# RFC 8058: mail programs POST "List-Unsubscribe=One-Click" here without a cookie or a CSRF token; the
# signed address is what authorises it. A GET (a link scanner, or a click) only shows the button.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    follower_id = read_manage_token(token)
    if follower_id is None:
        return render(request, "following/link_expired.html", status=400)
    if request.method == "GET":
        exists = Follower.objects.filter(pk=follower_id).exists()
        return render(request, "following/unsubscribe.html", {"token": token, "exists": exists})
    subscribing.leave(follower_id)
    return render(request, "following/unsubscribed.html")
