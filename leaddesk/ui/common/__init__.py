"""What two or more features share: base view and dialogs, pickers, navigation, presenter mode."""
