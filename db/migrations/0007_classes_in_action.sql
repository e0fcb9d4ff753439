CREATE TABLE `class_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurrence_id` integer NOT NULL,
	`member_id` integer,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`raised_at` text NOT NULL,
	`acknowledged_at` text,
	`acknowledged_by` integer,
	FOREIGN KEY (`occurrence_id`) REFERENCES `class_occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `class_alerts_occurrence` ON `class_alerts` (`occurrence_id`,`raised_at`);--> statement-breakpoint
CREATE TABLE `class_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurrence_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`status` text NOT NULL,
	`queued_at` text NOT NULL,
	`promoted_at` text,
	`cancelled_at` text,
	`checked_in_at` text,
	`walk_in` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`created_by` integer,
	`checked_in_by` integer,
	FOREIGN KEY (`occurrence_id`) REFERENCES `class_occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `class_bookings_occurrence` ON `class_bookings` (`occurrence_id`,`status`,`queued_at`);--> statement-breakpoint
CREATE INDEX `class_bookings_member` ON `class_bookings` (`member_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `class_bookings_one_active` ON `class_bookings` (`occurrence_id`,`member_id`) WHERE status IN ('booked', 'waitlisted', 'checked_in');--> statement-breakpoint
CREATE TABLE `class_heart_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurrence_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`at` text NOT NULL,
	`bpm` integer NOT NULL,
	FOREIGN KEY (`occurrence_id`) REFERENCES `class_occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `class_heart_rates_member` ON `class_heart_rates` (`occurrence_id`,`member_id`,`at`);--> statement-breakpoint
CREATE TABLE `class_occurrences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario_id` integer NOT NULL,
	`week_start` text NOT NULL,
	`class_type_id` text NOT NULL,
	`class_name` text NOT NULL,
	`date` text NOT NULL,
	`start_min` integer NOT NULL,
	`duration_min` integer NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`room_id` text NOT NULL,
	`trainer_id` text NOT NULL,
	`capacity` integer NOT NULL,
	`predicted` real,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`ended_at` text,
	`trainer_notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `schedule_scenarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `class_occurrences_when` ON `class_occurrences` (`starts_at`);--> statement-breakpoint
CREATE INDEX `class_occurrences_week` ON `class_occurrences` (`week_start`,`status`);--> statement-breakpoint
CREATE TABLE `class_summaries` (
	`occurrence_id` integer PRIMARY KEY NOT NULL,
	`generated_at` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`occurrence_id`) REFERENCES `class_occurrences`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `member_cards` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`issued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_cards_code` ON `member_cards` (`code`);--> statement-breakpoint
CREATE TABLE `studio_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`audience` text NOT NULL,
	`member_id` integer,
	`occurrence_id` integer,
	`read_at` text,
	`read_by` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`occurrence_id`) REFERENCES `class_occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `studio_notifications_unread` ON `studio_notifications` (`read_at`,`id`);