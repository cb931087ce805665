from django.db import migrations

# 000 §7: the activity log is evidence. The database itself refuses to rewrite it. TRUNCATE
# stays allowed: it is an operator's tool (and how test runs reset the database), never a
# code path of the application.
SQL = """
CREATE FUNCTION binc_activiteit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'binc_activiteit is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER binc_activiteit_append_only
BEFORE UPDATE OR DELETE ON binc_activiteit
FOR EACH ROW EXECUTE FUNCTION binc_activiteit_append_only();
"""

REVERSE_SQL = """
DROP TRIGGER binc_activiteit_append_only ON binc_activiteit;
DROP FUNCTION binc_activiteit_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("binc", "0001_initial")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
