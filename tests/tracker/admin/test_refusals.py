"""An editor refused a record another organisation keeps is told which organisation keeps it and whom to
ask (its editors and the moderators, by name and e-mail), instead of a bare "Sorry, you do not have
permission"; nothing of the record is changed."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import scenario
from tests.tracker.admin.editing import SNIPPET
from tracker.models import Commitment, EditingOrganisation, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum_record(django_user_model, moderator):
    moderator.first_name, moderator.last_name = "Maryam", "Kakar"
    moderator.save()
    forum = EditingOrganisation.objects.create(name="Quetta Civic Forum")
    bilal = django_user_model.objects.create_user("bilal", "bilal@example.org", "pass", first_name="Bilal")
    bilal.groups.add(Group.objects.get(name="Editors"))
    Membership.objects.create(organisation=forum, user=bilal)
    return scenario.published_commitment(title="Solar lights on every Quetta street", maintained_by=forum)


def messages_after(client, url):
    response = client.get(url, follow=True)
    return response, [str(m) for m in response.context["messages"]]


def test_the_refusal_names_the_organisation_that_keeps_it_and_whom_to_ask(client, editor, forum_record):
    client.force_login(editor)
    response, said = messages_after(client, reverse(f"{SNIPPET}:edit", args=[forum_record.pk]))
    assert response.redirect_chain[-1][0] == reverse(f"{SNIPPET}:list")
    [refusal] = said
    assert "“Solar lights on every Quetta street” is kept by Quetta Civic Forum, not by your organisation" in refusal
    assert "Ask one of its editors (Bilal <bilal@example.org>)" in refusal
    assert "or a moderator (Maryam Kakar <moderator@example.org>)" in refusal
    assert "Sorry, you do not have permission" not in " ".join(said)


def test_a_post_from_another_organisation_changes_nothing(client, editor, forum_record):
    client.force_login(editor)
    client.post(reverse(f"{SNIPPET}:edit", args=[forum_record.pk]), {"title": "Changed"})
    assert Commitment.objects.get(pk=forum_record.pk).get_latest_revision_as_object().title.startswith("Solar")


def test_an_editor_without_an_organisation_is_told_to_ask_for_one(client, editor, forum_record):
    Membership.objects.filter(user=editor).delete()
    client.force_login(editor)
    _response, said = messages_after(client, reverse(f"{SNIPPET}:history", args=[forum_record.pk]))
    assert any("You do not belong to an editing organisation yet" in m for m in said), said
