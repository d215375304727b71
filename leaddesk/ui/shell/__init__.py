"""The main window's own parts: the lock overlay, About, single instance, GC on the GUI thread."""
