"""One piece of background work that failed: which job, on what, why, and what happens next."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from borgerpost.core.models import Municipality
from borgerpost.core.tenancy import TenantQuerySet


class JobProblem(models.Model):
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    job = models.CharField(max_length=40)  # "held letter", "mail intake", "retention", ...
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    reason = models.CharField("årsag", max_length=500)  # Danish, never content
    attempts = models.PositiveIntegerField(default=1)
    first_failed_at = models.DateTimeField(default=timezone.now)
    last_failed_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # Trying again will not help: a person must act (and the job skips it until then).
    parked = models.BooleanField(default=False)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["-last_failed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "object_type", "object_id"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_problem_per_job_and_object",
            )
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.object_type} {self.object_id}: {self.reason}"

    @property
    def label(self) -> str:
        return JOB_LABELS.get(self.job, self.job)


JOB_LABELS = {
    "held letter": "Frigivelse af et tilbageholdt brev",
    "mail intake": "Indlæsning af mail fra en postkasse",
    "retention": "Sletning af personoplysninger",
    "deadline reminders": "Daglige påmindelser om frister",
    "daily job retention": "Start af den daglige sletning",
    "daily job deadline-reminders": "Start af de daglige påmindelser",
}
