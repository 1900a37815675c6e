"""Two editors creating records of the same name at once get two slugs, not an error."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from tests.factories import PersonFactory
from tracker.models import Person
from tracker.models.base import TrackerRecord


def _stale_first_check(monkeypatch):
    """Make the first free-slug check of a save answer as if it ran before another editor's insert."""
    real = TrackerRecord._unique_slug
    calls = []

    def unique_slug(record):
        calls.append(record)
        if len(calls) == 1:
            return real(record).rsplit("-", 1)[0]  # "name-2" seen as "name": the other row not there yet
        return real(record)

    monkeypatch.setattr(TrackerRecord, "_unique_slug", unique_slug)
    return calls


@pytest.mark.django_db
def test_a_slug_taken_between_the_check_and_the_insert_moves_on_to_the_next(monkeypatch):
    first = PersonFactory(name="Rahima Khan")
    assert first.slug == "rahima-khan"
    calls = _stale_first_check(monkeypatch)
    with transaction.atomic():  # as in a publish: the retry must not spoil the surrounding transaction
        second = PersonFactory(name="Rahima Khan")
        assert Person.objects.count() == 2
    assert len(calls) == 2
    assert second.slug == "rahima-khan-2"
    assert sorted(Person.objects.values_list("slug", flat=True)) == ["rahima-khan", "rahima-khan-2"]


@pytest.mark.django_db
def test_a_slug_the_editor_chose_is_never_changed(monkeypatch):
    PersonFactory(name="Rahima Khan", slug="rahima")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(name="Someone else", slug="rahima")


@pytest.mark.django_db
def test_another_constraint_failing_is_not_hidden_by_a_slug_retry(monkeypatch):
    clash = PersonFactory.build(name="Rahima Khan", pk=PersonFactory(name="Other").pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save(force_insert=True)
    assert Person.objects.filter(name="Rahima Khan").count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two concurrent writers need PostgreSQL")
def test_two_editors_saving_the_same_name_at_once_get_two_slugs(monkeypatch):
    """Two connections both find `rahima-khan` free, then both insert it."""
    real = TrackerRecord._unique_slug
    both_checked = threading.Barrier(2, timeout=10)

    def unique_slug(record):
        slug = real(record)
        if threading.current_thread() is not threading.main_thread() and not getattr(record, "_checked", False):
            record._checked = True
            both_checked.wait()  # neither inserts before both have checked
        return slug

    monkeypatch.setattr(TrackerRecord, "_unique_slug", unique_slug)
    errors, saved = [], []

    def editor():
        try:
            with transaction.atomic():
                saved.append(PersonFactory(name="Rahima Khan").slug)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=editor) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(saved) == ["rahima-khan", "rahima-khan-2"]


@pytest.mark.django_db
def test_when_every_try_is_taken_first_the_editor_is_told_and_nothing_is_saved(monkeypatch):
    from django.core.exceptions import ValidationError

    PersonFactory(name="Rahima Khan")
    monkeypatch.setattr(TrackerRecord, "_unique_slug", lambda record: "rahima-khan")  # always taken first
    with pytest.raises(ValidationError) as refused, transaction.atomic():
        PersonFactory(name="Rahima Khan")
    assert "were being saved at the same moment" in str(refused.value.message_dict["slug"])
    assert Person.objects.filter(name="Rahima Khan").count() == 1
