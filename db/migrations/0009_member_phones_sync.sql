CREATE TABLE `member_devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`last_seen_at` text,
	`last_address` text,
	`pending_ops` integer DEFAULT 0 NOT NULL,
	`paired_by` integer,
	`revoked_at` text,
	`revoked_by` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`paired_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_devices_token` ON `member_devices` (`token_hash`);--> statement-breakpoint
CREATE INDEX `member_devices_member` ON `member_devices` (`member_id`);--> statement-breakpoint
CREATE TABLE `member_field_clocks` (
	`member_id` integer NOT NULL,
	`field` text NOT NULL,
	`hlc` text NOT NULL,
	`op_id` text NOT NULL,
	PRIMARY KEY(`member_id`, `field`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pairing_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_by` integer,
	`device_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `member_devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairing_codes_code` ON `pairing_codes` (`code_hash`);--> statement-breakpoint
CREATE TABLE `phone_sessions` (
	`session_id` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`workout_session_id` integer NOT NULL,
	`plan_session_id` integer,
	`started_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workout_session_id`) REFERENCES `workout_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_session_id`) REFERENCES `plan_sessions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `set_log_links` (
	`log_id` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`set_log_id` integer,
	`current_op_id` text NOT NULL,
	`current_hlc` text NOT NULL,
	`plan_session_id` integer,
	`prescription_id` integer,
	`set_number` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_log_id`) REFERENCES `set_logs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`plan_session_id`) REFERENCES `plan_sessions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`prescription_id`) REFERENCES `prescriptions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `set_log_links_set` ON `set_log_links` (`set_log_id`);--> statement-breakpoint
CREATE INDEX `set_log_links_prescription` ON `set_log_links` (`prescription_id`);--> statement-breakpoint
CREATE TABLE `set_log_versions` (
	`op_id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`member_id` integer NOT NULL,
	`device_id` integer,
	`hlc` text NOT NULL,
	`payload` text NOT NULL,
	`received_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_id`) REFERENCES `member_devices`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `set_log_versions_log` ON `set_log_versions` (`log_id`);--> statement-breakpoint
CREATE INDEX `set_log_versions_member` ON `set_log_versions` (`member_id`);--> statement-breakpoint
CREATE TABLE `sync_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer,
	`kind` text NOT NULL,
	`ref` text
);
--> statement-breakpoint
CREATE INDEX `sync_changes_member` ON `sync_changes` (`member_id`,`kind`,`seq`);--> statement-breakpoint
CREATE TABLE `sync_ops` (
	`op_id` text PRIMARY KEY NOT NULL,
	`device_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`hlc` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`message` text,
	`received_at` text NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `member_devices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_ops_member` ON `sync_ops` (`member_id`,`status`);--> statement-breakpoint
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
