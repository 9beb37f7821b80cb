# Each step of splitting the counters by facet in a transaction of its own: PostgreSQL
# refuses to alter a table with pending trigger events from rows written in the same
# transaction.

from django.db import migrations, models


def split_by_facet(apps, schema_editor):
    """Each counted inquiry takes its status, answer path and channel, and the counters
    are summed again from what is counted (the same as `counts.rebuild`, in SQL)."""
    Inquiry = apps.get_model("inquiries", "Inquiry")
    InboxCount = apps.get_model("inquiries", "InboxCount")
    InboxCounted = apps.get_model("inquiries", "InboxCounted")
    kinds = Inquiry.objects.values_list("status", "path", "channel").distinct().order_by()
    for status, path, channel in kinds:
        of_kind = Inquiry.objects.filter(status=status, path=path, channel=channel)
        InboxCounted.objects.filter(inquiry_pk__in=of_kind.values("pk")).update(
            status=status, path=path, channel=channel
        )
    InboxCount.objects.all().delete()
    sums = (
        InboxCounted.objects.values("municipality_id", "viewer", "due", "status", "path", "channel")
        .annotate(n=models.Count("pk"))
        .order_by()
    )
    InboxCount.objects.bulk_create((InboxCount(**row) for row in sums), batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0016_counts_by_facet")]

    operations = [migrations.RunPython(split_by_facet, migrations.RunPython.noop)]
