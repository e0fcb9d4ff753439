CREATE TABLE `member_keys` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`key` blob NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`username` text NOT NULL,
	`address` text NOT NULL,
	`ok` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_username` ON `sign_in_attempts` (`username`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_address` ON `sign_in_attempts` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`staff_id` integer NOT NULL,
	`transport` text NOT NULL,
	`address` text,
	`user_agent` text,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`locked_at` text,
	`pin_failures` integer DEFAULT 0 NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_sessions_token` ON `staff_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `staff_sessions_staff` ON `staff_sessions` (`staff_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `via` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `subject_member_id` integer;--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_log` (`actor_staff_id`,`at`);--> statement-breakpoint
ALTER TABLE `members` ADD `trainer_staff_id` integer REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `staff` ADD `username` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `password_hash` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `pin_hash` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `disabled_at` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `password_changed_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username` ON `staff` (`username`);--> statement-breakpoint
CREATE TRIGGER `audit_log_append_only_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be changed'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_append_only_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be deleted'); END;
