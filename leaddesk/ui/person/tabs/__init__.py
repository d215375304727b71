"""The tabs of the person page: Overview, Delegations, Promises, 1:1s, Feedback, Timeline.

Each tab is a QWidget with `__init__(ctx, parent)`, `show_person(person_id)` and `select(ref_id)`.
"""
