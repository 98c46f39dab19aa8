"""Alembic environment: always run programmatically by gateway.db.init_schema (or a
test) with the connection in `config.attributes["connection"]`; no alembic.ini."""
from alembic import context

from gateway.db import load_models

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=load_models(),
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
