"""The site-wide log of public revisions (sequence, site_previous_hash, site_hash), filled for the
revisions already published in the order they were published, and on PostgreSQL a trigger that refuses
any change to a public revision except the editors' audit link to a Wagtail revision (which Django sets
to NULL when that Wagtail revision is deleted)."""

import hashlib
import json

from django.db import migrations, models

TRIGGER = "public_revisions_are_permanent"

CREATE_TRIGGER = f"""
CREATE OR REPLACE FUNCTION tracker_refuse_public_revision_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.id, NEW.content_type_id, NEW.object_id, NEW.number, NEW.published_at, NEW.edit_summary,
            NEW.publisher, NEW.snapshot_format, NEW.content::text, NEW.previous_hash, NEW.hash, NEW.sequence,
            NEW.site_previous_hash, NEW.site_hash)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.content_type_id, OLD.object_id, OLD.number, OLD.published_at, OLD.edit_summary,
            OLD.publisher, OLD.snapshot_format, OLD.content::text, OLD.previous_hash, OLD.hash, OLD.sequence,
            OLD.site_previous_hash, OLD.site_hash)
    THEN
        RETURN NEW;  -- only the link to an editor's Wagtail revision changed
    END IF;
    RAISE EXCEPTION USING
        MESSAGE = 'A published revision can never be changed or deleted (public revision ' || OLD.id || ').',
        ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON tracker_publicrevision
    FOR EACH ROW EXECUTE FUNCTION tracker_refuse_public_revision_change();
"""
DROP_TRIGGER = f"""
DROP TRIGGER IF EXISTS {TRIGGER} ON tracker_publicrevision;
DROP FUNCTION IF EXISTS tracker_refuse_public_revision_change();
"""


def _hash(**fields):
    # The same canonical JSON and SHA-256 as tracker.models.public_revisions.chain_hash, frozen here.
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fill_site_log(apps, schema_editor):
    PublicRevision = apps.get_model("tracker", "PublicRevision")
    previous = ""
    ordered = PublicRevision.objects.order_by("published_at", "id").values_list("id", "hash")
    for sequence, (pk, record_hash) in enumerate(ordered.iterator(chunk_size=2000), start=1):
        site_hash = _hash(sequence=sequence, hash=record_hash, site_previous_hash=previous)
        PublicRevision.objects.filter(pk=pk).update(sequence=sequence, site_previous_hash=previous, site_hash=site_hash)
        previous = site_hash


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0005_organisations_and_tips")]

    operations = [
        migrations.AddField(
            model_name="publicrevision",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True, verbose_name="site-wide sequence number"),
        ),
        migrations.AddField(
            model_name="publicrevision",
            name="site_previous_hash",
            field=models.CharField(blank=True, default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="publicrevision",
            name="site_hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(fill_site_log, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="publicrevision",
            name="sequence",
            field=models.PositiveBigIntegerField(unique=True, verbose_name="site-wide sequence number"),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
