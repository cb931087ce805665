from django.db import migrations

# 000 §7: the activity log is evidence; the database itself refuses to rewrite it. The function
# serves every append-only table. TRUNCATE stays allowed: an operator's tool (and how test runs
# reset the database), never a code path of the application.
SQL = """
CREATE FUNCTION binc_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER binc_activiteit_append_only
BEFORE UPDATE OR DELETE ON binc_activiteit
FOR EACH ROW EXECUTE FUNCTION binc_append_only();
"""

REVERSE_SQL = """
DROP TRIGGER binc_activiteit_append_only ON binc_activiteit;
DROP FUNCTION binc_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("binc", "0001_initial")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
