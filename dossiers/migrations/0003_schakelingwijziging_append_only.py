from django.db import migrations

# The Groeipakket history is evidence of what the child-benefit funds were (to be) told: rows
# are never deleted and never rewritten; only the feed's 'verzonden_op' stamp may be set.
SQL = """
CREATE FUNCTION dossiers_schakelingwijziging_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'dossiers_schakelingwijziging is append-only: DELETE is not allowed';
    END IF;
    IF (NEW.id, NEW.voorziening_id, NEW.dossier_id, NEW.schakeling_id, NEW.actie, NEW.voor,
        NEW.na, NEW.groeipakket, NEW.gebruiker_id, NEW.tijdstip)
       IS DISTINCT FROM
       (OLD.id, OLD.voorziening_id, OLD.dossier_id, OLD.schakeling_id, OLD.actie, OLD.voor,
        OLD.na, OLD.groeipakket, OLD.gebruiker_id, OLD.tijdstip) THEN
        RAISE EXCEPTION 'dossiers_schakelingwijziging is append-only: only verzonden_op may change';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dossiers_schakelingwijziging_guard
BEFORE UPDATE OR DELETE ON dossiers_schakelingwijziging
FOR EACH ROW EXECUTE FUNCTION dossiers_schakelingwijziging_guard();
"""

REVERSE_SQL = """
DROP TRIGGER dossiers_schakelingwijziging_guard ON dossiers_schakelingwijziging;
DROP FUNCTION dossiers_schakelingwijziging_guard();
"""


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0002_beslissingen_schakelingen")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
