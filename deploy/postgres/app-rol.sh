#!/bin/sh
# First start of the database container: the role the application runs as. It owns nothing;
# bin/start-web gives it its rights after every migrate (manage.py app_rol).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE binc_app LOGIN PASSWORD '${BINC_APP_PASSWORD}';
SQL
