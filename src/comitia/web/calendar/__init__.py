"""The calendar on the web: month grid, list, meeting pages, staff editing and iCalendar feeds."""
