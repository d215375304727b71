"""1:1 mode: the agenda, the item panel and the capture strip of a running 1:1."""
