"""Plumbing without domain knowledge, shared by every app: calendar arithmetic, Dutch numbers,
optimistic locking, conditional forms, error pages and problem details, response headers,
uploads, Excel downloads, the embedded PostgreSQL. It imports no app."""
