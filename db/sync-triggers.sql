--> statement-breakpoint
-- The change sequence (sync_changes) for the phones' pull cursor, kept by triggers so that every
-- path that changes what a phone sees moves the cursor. Hand-written; appended to the migration
-- that drizzle-kit generated for db/sync-schema.ts (source: db/sync-triggers.sql).
CREATE TRIGGER `sync_plans_insert` AFTER INSERT ON `plans` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NEW.`member_id`, 'plan', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `sync_plans_update` AFTER UPDATE ON `plans` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NEW.`member_id`, 'plan', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `sync_prescriptions_update` AFTER UPDATE ON `prescriptions` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) SELECT p.`member_id`, 'plan', p.`id` FROM `plan_sessions` s JOIN `plan_weeks` w ON w.`id` = s.`plan_week_id` JOIN `plans` p ON p.`id` = w.`plan_id` WHERE s.`id` = NEW.`plan_session_id`; END;
--> statement-breakpoint
CREATE TRIGGER `sync_members_update` AFTER UPDATE ON `members` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NEW.`id`, 'member', NULL); END;
--> statement-breakpoint
CREATE TRIGGER `sync_occurrences_insert` AFTER INSERT ON `class_occurrences` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NULL, 'timetable', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `sync_occurrences_update` AFTER UPDATE ON `class_occurrences` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NULL, 'timetable', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `sync_bookings_insert` AFTER INSERT ON `class_bookings` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NEW.`member_id`, 'bookings', NEW.`id`); INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NULL, 'timetable', NEW.`occurrence_id`); END;
--> statement-breakpoint
CREATE TRIGGER `sync_bookings_update` AFTER UPDATE ON `class_bookings` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NEW.`member_id`, 'bookings', NEW.`id`); INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NULL, 'timetable', NEW.`occurrence_id`); END;
--> statement-breakpoint
CREATE TRIGGER `sync_set_log_versions_insert` AFTER INSERT ON `set_log_versions` BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NEW.`member_id`, 'log', NEW.`op_id`); END;
--> statement-breakpoint
CREATE TRIGGER `sync_ops_rejected` AFTER INSERT ON `sync_ops` WHEN NEW.`status` = 'rejected' BEGIN INSERT INTO `sync_changes` (`member_id`, `kind`, `ref`) VALUES (NEW.`member_id`, 'rejected', NEW.`op_id`); END;
