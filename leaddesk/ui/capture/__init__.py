"""Quick capture (Ctrl+Shift+N): note a promise, feedback or topic from anywhere."""
