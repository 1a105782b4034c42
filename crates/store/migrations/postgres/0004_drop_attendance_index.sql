-- Nearly every meeting matches the default attendance filter, so this index
-- only misled SQLite's planner away from the position index (a scan through
-- it costs more than reading the table). The area and text filters narrow.
DROP INDEX meetings_by_attendance;
