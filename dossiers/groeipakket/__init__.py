"""The daily Groeipakket feed (D227) to the child-benefit funds: what is sent (`berichten`, pure),
the day's batch built from the schakeling history (`batch`), its XML (`xml`), the delivery
adapters (`adapters`) and the relay that delivers at least once (`relay`)."""
