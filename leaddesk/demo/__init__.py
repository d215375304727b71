"""Realistic demo data: the seeded, scalable world of a leader of leaders.

`generate_world` is pure: it draws only from `random.Random(seed)` and dates everything from
`today`, so the same seed and day give the same rows. `build_demo` loads that world into a new
store. The reference data set (bench, `leaddesk demo`) is people=200, years=10.

The modules: `world` (the entry points), `stories` (how each direct report's story plays out
over time), `builder` with its parts `meetings`, `promises`, `delegations` and `feedback` (the
rows, drawn in one fixed order), and the text pools `texts`, `texts_areas` and `names`.
"""

from leaddesk.demo.stories import DemoWorld, Story
from leaddesk.demo.world import MAX_PEOPLE, MAX_YEARS, build_demo, generate_world

__all__ = ["MAX_PEOPLE", "MAX_YEARS", "DemoWorld", "Story", "build_demo", "generate_world"]
