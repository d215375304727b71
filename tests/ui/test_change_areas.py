"""Every screen names the change areas it shows with ChangeArea members, never strings."""

from __future__ import annotations

import importlib
import pkgutil

import leaddesk.ui
from leaddesk.services.changes import ChangeArea
from leaddesk.ui.common.base_view import BaseView


def all_views() -> list[type[BaseView]]:
    """Every BaseView subclass in leaddesk.ui, wherever its module lives."""
    for module in pkgutil.walk_packages(leaddesk.ui.__path__, "leaddesk.ui."):
        importlib.import_module(module.name)
    found: list[type[BaseView]] = []
    todo = [BaseView]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def test_every_view_declares_its_areas_as_a_frozenset_of_change_areas() -> None:
    views = all_views()
    names = {cls.__name__ for cls in views}
    assert {"BoardView", "PeopleView", "PersonView", "WeekView", "OneOnOneView"} <= names
    assert {"ReflectionsView", "SettingsView"} <= names
    for cls in views:
        assert isinstance(cls.areas, frozenset), cls.__name__
        assert all(isinstance(area, ChangeArea) for area in cls.areas), cls.__name__
