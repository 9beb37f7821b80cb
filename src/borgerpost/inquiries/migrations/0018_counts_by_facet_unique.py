from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0017_counts_by_facet_filled")]

    operations = [
        migrations.AddConstraint(
            model_name="inboxcount",
            constraint=models.UniqueConstraint(
                fields=("municipality", "viewer", "due", "status", "path", "channel"),
                name="count_once",
            ),
        ),
    ]
