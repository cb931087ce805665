from django.db import migrations

# The audit tables refuse TRUNCATE too: no role but a superuser (a DBA's tool, and how test runs
# reset their database) can empty them. The application runs as a role that may only read and
# append to them (`manage.py app_rol`), so it can neither truncate nor disable these triggers.
SQL = """
CREATE FUNCTION binc_geen_truncate() RETURNS trigger AS $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION '% is append-only: TRUNCATE is not allowed', TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER binc_activiteit_geen_truncate BEFORE TRUNCATE ON binc_activiteit
FOR EACH STATEMENT EXECUTE FUNCTION binc_geen_truncate();
CREATE TRIGGER binc_rijksregisteropzoeking_geen_truncate BEFORE TRUNCATE
ON binc_rijksregisteropzoeking FOR EACH STATEMENT EXECUTE FUNCTION binc_geen_truncate();
CREATE TRIGGER binc_inzage_geen_truncate BEFORE TRUNCATE ON binc_inzage
FOR EACH STATEMENT EXECUTE FUNCTION binc_geen_truncate();
"""

REVERSE_SQL = """
DROP TRIGGER binc_inzage_geen_truncate ON binc_inzage;
DROP TRIGGER binc_rijksregisteropzoeking_geen_truncate ON binc_rijksregisteropzoeking;
DROP TRIGGER binc_activiteit_geen_truncate ON binc_activiteit;
DROP FUNCTION binc_geen_truncate();
"""


class Migration(migrations.Migration):
    dependencies = [("binc", "0010_dutch_messages")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
