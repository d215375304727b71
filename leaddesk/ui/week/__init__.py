"""This week: the weekly focus, Needs attention and the team grid."""
