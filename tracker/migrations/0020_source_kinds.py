"""The kind of each source (tracker/models/evidence.py ranks them), and source addresses limited to http(s).

No data changes: every existing source is left without a kind ("not graded"). Guessing kinds would change
what the live rows hold against their public revisions, and the history's live-record check
(tracker/history/verification.py) would flag every revision published before; editors grade sources as
they next publish the records. The address fields change only their validation (no SQL)."""

import tracker.models.base
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0019_witness_cosignatures"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitmentsource",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("notification", "Official notification or gazette"),
                    ("audit_report", "Audit report (Auditor-General of Pakistan)"),
                    ("court_order", "Court order"),
                    ("finance_accounts", "Finance accounts"),
                    ("rti_reply", "Reply under a right-to-information law"),
                    ("department_website", "Department's own website or dashboard"),
                    ("news_report", "News report"),
                    ("citizen_tip", "Verified citizen tip"),
                    ("plan_or_budget", "Planning or budget document (PC-1, ADP, budget book)"),
                    ("press_release", "Press release"),
                    ("announcement", "Announcement or speech"),
                    ("inauguration", "Inauguration or foundation stone"),
                ],
                default="",
                help_text="What the source is, as the methodology ranks it. Announcements, inaugurations, plans and press releases cannot prove delivery on their own.",
                max_length=30,
                verbose_name="kind of source",
            ),
        ),
        migrations.AddField(
            model_name="decisionsource",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("notification", "Official notification or gazette"),
                    ("audit_report", "Audit report (Auditor-General of Pakistan)"),
                    ("court_order", "Court order"),
                    ("finance_accounts", "Finance accounts"),
                    ("rti_reply", "Reply under a right-to-information law"),
                    ("department_website", "Department's own website or dashboard"),
                    ("news_report", "News report"),
                    ("citizen_tip", "Verified citizen tip"),
                    ("plan_or_budget", "Planning or budget document (PC-1, ADP, budget book)"),
                    ("press_release", "Press release"),
                    ("announcement", "Announcement or speech"),
                    ("inauguration", "Inauguration or foundation stone"),
                ],
                default="",
                help_text="What the source is, as the methodology ranks it. Announcements, inaugurations, plans and press releases cannot prove delivery on their own.",
                max_length=30,
                verbose_name="kind of source",
            ),
        ),
        migrations.AddField(
            model_name="historicalcommitmentsource",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("notification", "Official notification or gazette"),
                    ("audit_report", "Audit report (Auditor-General of Pakistan)"),
                    ("court_order", "Court order"),
                    ("finance_accounts", "Finance accounts"),
                    ("rti_reply", "Reply under a right-to-information law"),
                    ("department_website", "Department's own website or dashboard"),
                    ("news_report", "News report"),
                    ("citizen_tip", "Verified citizen tip"),
                    ("plan_or_budget", "Planning or budget document (PC-1, ADP, budget book)"),
                    ("press_release", "Press release"),
                    ("announcement", "Announcement or speech"),
                    ("inauguration", "Inauguration or foundation stone"),
                ],
                default="",
                help_text="What the source is, as the methodology ranks it. Announcements, inaugurations, plans and press releases cannot prove delivery on their own.",
                max_length=30,
                verbose_name="kind of source",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecisionsource",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("notification", "Official notification or gazette"),
                    ("audit_report", "Audit report (Auditor-General of Pakistan)"),
                    ("court_order", "Court order"),
                    ("finance_accounts", "Finance accounts"),
                    ("rti_reply", "Reply under a right-to-information law"),
                    ("department_website", "Department's own website or dashboard"),
                    ("news_report", "News report"),
                    ("citizen_tip", "Verified citizen tip"),
                    ("plan_or_budget", "Planning or budget document (PC-1, ADP, budget book)"),
                    ("press_release", "Press release"),
                    ("announcement", "Announcement or speech"),
                    ("inauguration", "Inauguration or foundation stone"),
                ],
                default="",
                help_text="What the source is, as the methodology ranks it. Announcements, inaugurations, plans and press releases cannot prove delivery on their own.",
                max_length=30,
                verbose_name="kind of source",
            ),
        ),
        migrations.AddField(
            model_name="historicalstatuschange",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("notification", "Official notification or gazette"),
                    ("audit_report", "Audit report (Auditor-General of Pakistan)"),
                    ("court_order", "Court order"),
                    ("finance_accounts", "Finance accounts"),
                    ("rti_reply", "Reply under a right-to-information law"),
                    ("department_website", "Department's own website or dashboard"),
                    ("news_report", "News report"),
                    ("citizen_tip", "Verified citizen tip"),
                    ("plan_or_budget", "Planning or budget document (PC-1, ADP, budget book)"),
                    ("press_release", "Press release"),
                    ("announcement", "Announcement or speech"),
                    ("inauguration", "Inauguration or foundation stone"),
                ],
                default="",
                help_text="What the source is, as the methodology ranks it. Announcements, inaugurations, plans and press releases cannot prove delivery on their own.",
                max_length=30,
                verbose_name="kind of source",
            ),
        ),
        migrations.AddField(
            model_name="statuschange",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("notification", "Official notification or gazette"),
                    ("audit_report", "Audit report (Auditor-General of Pakistan)"),
                    ("court_order", "Court order"),
                    ("finance_accounts", "Finance accounts"),
                    ("rti_reply", "Reply under a right-to-information law"),
                    ("department_website", "Department's own website or dashboard"),
                    ("news_report", "News report"),
                    ("citizen_tip", "Verified citizen tip"),
                    ("plan_or_budget", "Planning or budget document (PC-1, ADP, budget book)"),
                    ("press_release", "Press release"),
                    ("announcement", "Announcement or speech"),
                    ("inauguration", "Inauguration or foundation stone"),
                ],
                default="",
                help_text="What the source is, as the methodology ranks it. Announcements, inaugurations, plans and press releases cannot prove delivery on their own.",
                max_length=30,
                verbose_name="kind of source",
            ),
        ),
        migrations.AlterField(
            model_name="commitmentsource",
            name="archive_url",
            field=tracker.models.base.WebAddressField(
                blank=True,
                help_text="A copy in a web archive, in case the page changes.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AlterField(
            model_name="commitmentsource",
            name="url",
            field=tracker.models.base.WebAddressField(
                error_messages={
                    "blank": "Give the address (URL) of the source: every status change and source needs one."
                },
                max_length=500,
                verbose_name="source URL",
            ),
        ),
        migrations.AlterField(
            model_name="decisionsource",
            name="archive_url",
            field=tracker.models.base.WebAddressField(
                blank=True,
                help_text="A copy in a web archive, in case the page changes.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AlterField(
            model_name="decisionsource",
            name="url",
            field=tracker.models.base.WebAddressField(
                error_messages={
                    "blank": "Give the address (URL) of the source: every status change and source needs one."
                },
                max_length=500,
                verbose_name="source URL",
            ),
        ),
        migrations.AlterField(
            model_name="historicalcommitmentsource",
            name="archive_url",
            field=tracker.models.base.WebAddressField(
                blank=True,
                help_text="A copy in a web archive, in case the page changes.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AlterField(
            model_name="historicalcommitmentsource",
            name="url",
            field=tracker.models.base.WebAddressField(
                error_messages={
                    "blank": "Give the address (URL) of the source: every status change and source needs one."
                },
                max_length=500,
                verbose_name="source URL",
            ),
        ),
        migrations.AlterField(
            model_name="historicaldecisionsource",
            name="archive_url",
            field=tracker.models.base.WebAddressField(
                blank=True,
                help_text="A copy in a web archive, in case the page changes.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AlterField(
            model_name="historicaldecisionsource",
            name="url",
            field=tracker.models.base.WebAddressField(
                error_messages={
                    "blank": "Give the address (URL) of the source: every status change and source needs one."
                },
                max_length=500,
                verbose_name="source URL",
            ),
        ),
        migrations.AlterField(
            model_name="historicalstatuschange",
            name="archive_url",
            field=tracker.models.base.WebAddressField(
                blank=True,
                help_text="A copy in a web archive, in case the page changes.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AlterField(
            model_name="historicalstatuschange",
            name="url",
            field=tracker.models.base.WebAddressField(
                error_messages={
                    "blank": "Give the address (URL) of the source: every status change and source needs one."
                },
                max_length=500,
                verbose_name="source URL",
            ),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="archive_url",
            field=tracker.models.base.WebAddressField(
                blank=True,
                help_text="A copy in a web archive, in case the page changes.",
                max_length=500,
                verbose_name="archived copy",
            ),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="url",
            field=tracker.models.base.WebAddressField(
                error_messages={
                    "blank": "Give the address (URL) of the source: every status change and source needs one."
                },
                max_length=500,
                verbose_name="source URL",
            ),
        ),
    ]
