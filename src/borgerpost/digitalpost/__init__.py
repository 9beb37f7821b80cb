"""Digital Post: secure letters to a citizen's digital mailbox, addressed by CPR or CVR."""
