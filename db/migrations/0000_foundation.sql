CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor_staff_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `exercise_name_map` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`name` text NOT NULL,
	`exercise_id` text NOT NULL,
	`method` text NOT NULL,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_name_map_name` ON `exercise_name_map` (`source`,`name`);--> statement-breakpoint
CREATE TABLE `exercises` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL,
	`primary_muscles` text NOT NULL,
	`secondary_muscles` text NOT NULL,
	`equipment` text NOT NULL,
	`level` text NOT NULL,
	`mechanic` text NOT NULL,
	`force` text NOT NULL,
	`pattern` text NOT NULL,
	`substitution_group` text NOT NULL,
	`category` text NOT NULL,
	`source` text NOT NULL,
	`source_id` text,
	`instructions` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exercises_source` ON `exercises` (`source`,`source_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`member_id` integer,
	`staff_id` integer,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`report` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`goal` text NOT NULL,
	`level` text NOT NULL,
	`days_per_week` integer NOT NULL,
	`session_minutes` integer NOT NULL,
	`equipment` text NOT NULL,
	`excluded_muscles` text NOT NULL,
	`excluded_patterns` text NOT NULL,
	`excluded_exercise_ids` text NOT NULL,
	`preferred_unit` text NOT NULL,
	`body_mass_kg` real,
	`notes` text DEFAULT '' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `members_name` ON `members` (`name`);--> statement-breakpoint
CREATE TABLE `plan_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_week_id` integer NOT NULL,
	`day` integer NOT NULL,
	`name` text NOT NULL,
	`estimated_minutes` integer NOT NULL,
	FOREIGN KEY (`plan_week_id`) REFERENCES `plan_weeks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_weeks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`week` integer NOT NULL,
	`is_deload` integer NOT NULL,
	`target_rir` real NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_weeks_week` ON `plan_weeks` (`plan_id`,`week`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`generated_by` text NOT NULL,
	`goal` text NOT NULL,
	`level` text NOT NULL,
	`split` text NOT NULL,
	`days_per_week` integer NOT NULL,
	`session_minutes` integer NOT NULL,
	`notes` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	`archived_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plans_member` ON `plans` (`member_id`,`status`);--> statement-breakpoint
CREATE TABLE `prescriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_session_id` integer NOT NULL,
	`position` integer NOT NULL,
	`exercise_id` text NOT NULL,
	`sets` integer NOT NULL,
	`rep_min` integer NOT NULL,
	`rep_max` integer NOT NULL,
	`target_rir` real NOT NULL,
	`load_kg` real,
	`rest_s` integer NOT NULL,
	`is_calibration` integer NOT NULL,
	`reason` text NOT NULL,
	`e1rm_kg` real,
	`edited_at` text,
	FOREIGN KEY (`plan_session_id`) REFERENCES `plan_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prescriptions_session` ON `prescriptions` (`plan_session_id`);--> statement-breakpoint
CREATE TABLE `set_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workout_session_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`exercise_id` text,
	`exercise_name` text NOT NULL,
	`set_index` integer NOT NULL,
	`set_kind` text DEFAULT 'working' NOT NULL,
	`load_kg` real NOT NULL,
	`reps` integer NOT NULL,
	`rir` real,
	`rpe` real,
	`distance_m` real,
	`duration_s` real,
	`performed_at` text NOT NULL,
	`source` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`workout_session_id`) REFERENCES `workout_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `set_logs_key` ON `set_logs` (`workout_session_id`,`exercise_name`,`set_index`);--> statement-breakpoint
CREATE INDEX `set_logs_member_exercise` ON `set_logs` (`member_id`,`exercise_id`,`performed_at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `workout_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`started_at` text NOT NULL,
	`name` text NOT NULL,
	`duration_s` integer,
	`notes` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`import_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workout_sessions_key` ON `workout_sessions` (`member_id`,`started_at`,`name`);