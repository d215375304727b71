"""Weekly reflections: the private journal of the leader's own week."""
