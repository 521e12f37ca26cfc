"""One way a record's input is checked, wherever it is typed: pydantic's verdict as one line a
user can act on (an InputError, never a traceback), and a record's view turned back into the
input that would make it again (for Undo, and to change one field of it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from selfeval.errors import InputError
from selfeval.services.evidence import describe_validation_error

Model = TypeVar("Model", bound=BaseModel)


def checked_input(model: type[Model], fields: Mapping[str, object]) -> Model:
    try:
        return model.model_validate(dict(fields))
    except ValidationError as err:
        raise InputError(describe_validation_error(err)) from None


def input_of(view: object, model: type[Model]) -> Model:
    """The input that would make `view` again: each of the input's fields read from the view of
    the same name (its tuples as lists)."""
    values = {}
    for name in model.model_fields:
        value = getattr(view, name)
        values[name] = list(value) if isinstance(value, tuple) else value
    return model.model_validate(values)
