"""Many rows into one table through the driver's executemany, values converted once per column.

SQLAlchemy's `execute(insert(table), [dict, ...])` works out each row's parameters one by one
(names, types, processors): a third of importing a 10,000-row tracker. Here the statement is
compiled once for the database in use, each column's converter (how that database stores a date,
a time, a yes/no) is looked up once, and the rows go to the driver as plain tuples: the same
stored values as the ORM would write, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection

from selfeval.store.model_base import Base


def insert_rows(
    connection: Connection,
    model: type[Base],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Insert `rows` (values in the order of `columns`, which name every column of the table:
    no default is filled in here) in the connection's transaction; the number inserted."""
    table: Table = model.__table__  # type: ignore[assignment]  # every model is a Table
    if sorted(columns) != sorted(table.c.keys()):
        raise ValueError(f"insert_rows into {table.name} needs every column, not {columns}")
    dialect = connection.dialect
    statement = insert(table).compile(dialect=dialect, column_keys=list(columns))
    converters = [
        _repeating(table.c[name].type._cached_bind_processor(dialect)) for name in columns
    ]
    converted = (
        [
            value if convert is None or value is None else convert(value)
            for value, convert in zip(row, converters, strict=True)
        ]
        for row in rows
    )
    parameters: list[Any]
    if statement.positional:  # SQLite: ? in the statement's own order
        where = [list(columns).index(name) for name in statement.positiontup or ()]
        parameters = [tuple(values[i] for i in where) for values in converted]
    else:  # PostgreSQL: %(name)s
        parameters = [dict(zip(columns, values, strict=True)) for values in converted]
    if parameters:
        connection.exec_driver_sql(str(statement), parameters)
    return len(parameters)


def _repeating(convert: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """A converter that remembers its last value: every row of an import shares one time."""
    if convert is None:
        return None
    last: list[Any] = [object(), None]

    def remembered(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, convert(value)
        return last[1]

    return remembered
