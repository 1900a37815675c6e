"""Every Urdu text an editor types in the admin (each `<field>_ur`, of a record and of its inline parts) is
an Urdu field: written right to left (dir="rtl", so the full stop lands at its end), marked lang="ur" and
drawn in the site's own Nastaliq face. The English fields beside them stay left to right."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests import factories
from tracker.models import Commitment, Decision, Jurisdiction, Office, Organization, Person

pytestmark = pytest.mark.django_db

# The Urdu fields each kind's form must show (the inline parts' empty forms are named `__prefix__`).
URDU_FIELDS = {
    Commitment: {"title_ur", "text_ur", "status_changes-__prefix__-note_ur", "movements-__prefix__-note_ur"},
    Decision: {"title_ur", "summary_ur"},
    Office: {"title_ur"},
    Person: {"name_ur", "summary_ur"},
    Organization: {"name_ur"},
    Jurisdiction: {"name_ur"},
}


class Fields(HTMLParser):
    """The attributes of every input and textarea of a page, by name."""

    def __init__(self, html):
        super().__init__()
        self.found = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"input", "textarea"} and attrs.get("name"):
            self.found[attrs["name"]] = attrs


def fields_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Fields(response.content.decode()).found


def assert_urdu_only_where_urdu(fields, expected):
    urdu = {name for name in fields if name.endswith("_ur")}
    assert expected <= urdu
    for name in urdu:
        assert (fields[name].get("dir"), fields[name].get("lang")) == ("rtl", "ur"), name
        english = fields.get(name.removesuffix("_ur"))
        assert english is not None, f"{name} has no English field beside it"
        assert "dir" not in english and "lang" not in english, name.removesuffix("_ur")
    for name, attrs in fields.items():
        if not name.endswith("_ur"):
            assert attrs.get("dir") != "rtl" and attrs.get("lang") != "ur", name


def url(model, action, *args):
    return reverse(f"wagtailsnippets_tracker_{model._meta.model_name}:{action}", args=args)


@pytest.mark.parametrize("model", list(URDU_FIELDS), ids=lambda model: model.__name__)
def test_every_urdu_field_of_a_new_record_is_written_right_to_left(client, admin_user, model):
    client.force_login(admin_user)
    assert_urdu_only_where_urdu(fields_of(client, url(model, "add")), URDU_FIELDS[model])


def records():
    """One record of each kind, the commitment with a status change and a movement to edit inline."""
    change = factories.StatusChangeFactory(note="Work began", note_ur="کام شروع ہوا")
    factories.MovementFactory(commitment=change.commitment, note="Sent to finance", note_ur="محکمہ خزانہ کو بھیجا گیا")
    decision = factories.DecisionFactory()
    return {
        Commitment: change.commitment,
        Decision: decision,
        Office: decision.deciding_office,
        Person: factories.PersonFactory(),
        Organization: decision.deciding_office.organization,
        Jurisdiction: decision.deciding_office.organization.jurisdiction,
    }


def test_every_urdu_field_of_a_record_and_its_parts_is_written_right_to_left_when_edited(client, admin_user):
    client.force_login(admin_user)
    for model, record in records().items():
        fields = fields_of(client, url(model, "edit", record.pk))
        expected = set(URDU_FIELDS[model])
        if model is Commitment:
            expected |= {"status_changes-0-note_ur", "movements-0-note_ur"}
        assert_urdu_only_where_urdu(fields, expected)


def test_the_admin_draws_urdu_fields_in_the_sites_nastaliq_face(client, admin_user):
    client.force_login(admin_user)
    html = client.get(url(Commitment, "add")).content.decode()
    assert 'href="/static/css/admin-urdu.css"' in html
    admin = Path(finders.find("css/admin-urdu.css")).read_text()
    assert re.search(r'\[lang\|=ur\][^{]*\{[^}]*font-family:"Noto Nastaliq Urdu"', admin)
    # The same self-hosted faces as the public Urdu pages (static/css/urdu.css), nothing from elsewhere.
    urdu = Path(finders.find("css/urdu.css")).read_text()
    assert re.findall(r"@font-face\{.*?\}", admin, re.S) == re.findall(r"@font-face\{.*?\}", urdu, re.S)
    assert "http" not in re.sub(r"/\*.*?\*/", "", admin, flags=re.S)
