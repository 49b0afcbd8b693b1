"""Files that enter and leave the app: convention files and spreadsheets."""
