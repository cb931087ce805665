"""The Groeipakket feed (000 §4.2, §4.2.7): every day the child-benefit funds hear of the
changes of schakelingen with impact. The outbox is the schakeling history that dossiers writes
in the transaction of each change (`SchakelingWijziging`); this app builds the day's batch,
delivers it at least once and records the answers."""
