"""Each municipality's audit entries become a chain of their own, MACed under the audit
key. The old single SHA-256 chain is verified first: the upgrade refuses to re-seal a log
that has already been changed."""

import hashlib
import hmac
import json

from django.db import migrations, models


def _legacy_hash(entry):
    data = json.dumps(
        {
            "prev": entry.prev_hash,
            "municipality": entry.municipality_id,
            "actor": entry.actor_id,
            "at": entry.at.isoformat(),
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "details": entry.details,
        },
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _payload(entry):
    return json.dumps(
        {
            "prev": entry.prev_hash,
            "chain": entry.chain,
            "municipality": entry.municipality_id,
            "actor": entry.actor_id,
            "at": entry.at.isoformat(),
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "details": entry.details,
        },
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    ).encode("utf-8")


def rechain(apps, schema_editor):
    from borgerpost.audit.log import audit_key

    Entry = apps.get_model("core", "AuditEntry")
    Head = apps.get_model("core", "AuditChainHead")
    previous = ""
    for entry in Entry.objects.order_by("pk").iterator():
        if entry.prev_hash != previous or _legacy_hash(entry) != entry.hash:
            raise RuntimeError(
                f"Revisionsloggen er brudt ved post {entry.pk} og forsegles ikke igen. "
                "Undersøg den med en tidligere version (borgerpost audit verify)."
            )
        previous = entry.hash
    key = audit_key()
    heads = {}
    for entry in Entry.objects.order_by("pk").iterator():
        chain = entry.municipality_id or 0
        entry.chain = chain
        entry.prev_hash = heads.get(chain, ("", 0))[0]
        entry.hash = hmac.new(key, _payload(entry), hashlib.sha256).hexdigest()
        Entry.objects.filter(pk=entry.pk).update(
            chain=chain, prev_hash=entry.prev_hash, hash=entry.hash
        )
        heads[chain] = (entry.hash, entry.pk)
    Head.objects.all().delete()
    for chain, (last_hash, last_id) in heads.items():
        Head.objects.create(chain=chain, last_hash=last_hash, last_entry_id=last_id)


class Migration(migrations.Migration):
    dependencies = [("core", "0010_dispatch_time_defaults_callable")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="chain",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="auditentry",
            index=models.Index(fields=["chain", "id"], name="audit_chain_order"),
        ),
        migrations.AddField(
            model_name="auditchainhead",
            name="chain",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="auditchainhead",
            name="last_entry_id",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RunPython(rechain, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditchainhead",
            name="chain",
            field=models.PositiveBigIntegerField(unique=True),
        ),
    ]
