"""The person page: header, tabs and the dialogs each tab opens."""
