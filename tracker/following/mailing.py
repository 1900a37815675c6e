"""Sending: every e-mail of a run over one SMTP connection, each with the follower's signed manage link and
the RFC 8058 one-click unsubscribe headers; a permanent refusal (SMTP 5xx for the recipient) stops all
mail to that address. The sender is ALERTS_FROM_EMAIL."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from tracker.following.subjects import follow_label, records_by_key
from tracker.following.tokens import confirm_token, manage_token, site_url
from tracker.models import Follower
from tracker.models.text import plain

log = logging.getLogger(__name__)


def links(follower_id):
    token = manage_token(follower_id)
    return (
        site_url(reverse("tracker:follow_manage", args=[token])),
        site_url(reverse("tracker:follow_unsubscribe", args=[token])),
    )


def headers(unsubscribe_link):
    return {
        "List-Unsubscribe": f"<{unsubscribe_link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def message(to, subject, text, html, unsubscribe_link=None):
    email = EmailMultiAlternatives(
        subject=plain(subject, single_line=True)[:200],
        body=text,
        from_email=settings.ALERTS_FROM_EMAIL,
        to=[to],
        headers=headers(unsubscribe_link) if unsubscribe_link else {"Auto-Submitted": "auto-generated"},
    )
    email.attach_alternative(html, "text/html")
    return email


def send_confirmation(follow):
    """The one e-mail an address gets before it opts in: the link that confirms this follow."""
    follower = follow.follower
    with translation.override(follower.language):
        records = records_by_key([(follow.kind, follow.object_id)]) if follow.object_id else {}
        context = {
            "what": follow_label(follow, records),
            "confirm_link": site_url(reverse("tracker:follow_confirm", args=[confirm_token(follow)])),
            "language": follower.language,
        }
        email = message(
            follower.email,
            render_to_string("following/email/confirm_subject.txt", context).strip(),
            render_to_string("following/email/confirm.txt", context),
            render_to_string("following/email/confirm.html", context),
        )
    email.send()


def _permanent(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _said in error.recipients.values())
    if isinstance(error, smtplib.SMTPSenderRefused):
        return False  # our sender was refused: not the follower's mailbox
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def send_all(messages):
    """Send (follower id, EmailMessage) pairs over one connection. Returns (sent, bounced follower ids).
    A temporary refusal (4xx) is logged and the run goes on; losing the connection stops the run."""
    connection = get_connection(fail_silently=False)
    sent, bounced = 0, []
    connection.open()
    try:
        for follower_id, email in messages:
            email.connection = connection
            try:
                connection.send_messages([email])
            except smtplib.SMTPServerDisconnected:
                raise
            except smtplib.SMTPException as error:
                if _permanent(error):
                    bounced.append(follower_id)
                else:
                    log.warning("Alert to follower %s not sent: %s", follower_id, error)
            else:
                sent += 1
    finally:
        connection.close()
    if bounced:
        Follower.objects.filter(pk__in=bounced).update(bounced_at=timezone.now())
    return sent, bounced
