"""Wagtail's reference index, which the admin shows as a record's "usage" (and reads before a deletion),
stays true through publishes: the publish writes it once at its end rather than at each save, so it
must name what the record points at as published, and forget what a later publish took away."""

import pytest
from wagtail.models import ReferenceIndex

from tests import factories, scenario
from tracker.models import vocabulary

pytestmark = pytest.mark.django_db


def users_of(record):
    """The records whose usage names `record`, as the admin's usage view lists them."""
    return {(ref.content_type.model, ref.object_id) for ref in ReferenceIndex.get_references_to(record)}


def test_an_office_s_usage_follows_the_commitments_that_name_it_as_owner(admin_client):
    deputy_commissioner, mayor = factories.OfficeFactory(), factories.OfficeFactory()
    water = scenario.published_commitment(owner_office=deputy_commissioner, title="Water for Sariab")
    assert ("commitment", str(water.pk)) in users_of(deputy_commissioner)
    assert users_of(mayor) == set()

    # The mayor's office takes the commitment over in a second publish.
    water.owners.clear()
    water.owners.add(
        factories.CommitmentOwnerFactory.build(commitment=water, office=mayor, role=vocabulary.OwnershipRole.POLITICAL)
    )
    scenario.publish(water, summary="The mayor's office owns it now")
    assert users_of(deputy_commissioner) == set()
    assert ("commitment", str(water.pk)) in users_of(mayor)

    page = admin_client.get(f"/admin/snippets/tracker/office/usage/{mayor.pk}/")
    assert page.status_code == 200 and "Water for Sariab" in page.content.decode()
