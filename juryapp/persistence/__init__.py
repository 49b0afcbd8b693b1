"""Storage of a convention in SQLite or PostgreSQL through SQLAlchemy."""
