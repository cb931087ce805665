from django.db import migrations

# 001 §1: lookups in the national register are audited; the log cannot be rewritten.
SQL = """
CREATE TRIGGER binc_rijksregisteropzoeking_append_only
BEFORE UPDATE OR DELETE ON binc_rijksregisteropzoeking
FOR EACH ROW EXECUTE FUNCTION binc_append_only();
"""
REVERSE_SQL = "DROP TRIGGER binc_rijksregisteropzoeking_append_only ON binc_rijksregisteropzoeking;"


class Migration(migrations.Migration):
    dependencies = [("binc", "0005_rijksregisteropzoeking")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
