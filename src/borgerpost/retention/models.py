from django.db import models

from borgerpost.core.models import Municipality


class DeletionLog(models.Model):
    """What was deleted, when and by which rule. Never the content."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    record_type = models.CharField(max_length=40)
    record_id = models.CharField(max_length=40)
    rule = models.CharField(max_length=60)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
