CREATE TABLE `class_attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`class_type_id` text NOT NULL,
	`start_min` integer NOT NULL,
	`room_id` text NOT NULL,
	`trainer_id` text,
	`capacity` integer NOT NULL,
	`booked` integer NOT NULL,
	`attended` integer NOT NULL,
	`waitlisted` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `class_attendance_type` ON `class_attendance` (`class_type_id`,`date`);--> statement-breakpoint
CREATE TABLE `club_class_types` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`duration_min` integer NOT NULL,
	`max_capacity` integer NOT NULL,
	`price` real NOT NULL,
	`required_qualification` text NOT NULL,
	`allowed_room_types` text NOT NULL,
	`required_equipment` text NOT NULL,
	`min_per_week` integer NOT NULL,
	`max_per_week` integer NOT NULL,
	`color` text NOT NULL,
	`demand_share` real NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `club_occupancy` (
	`date` text NOT NULL,
	`hour` integer NOT NULL,
	`entries` real NOT NULL,
	PRIMARY KEY(`date`, `hour`)
);
--> statement-breakpoint
CREATE TABLE `club_rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`capacity` integer NOT NULL,
	`type` text NOT NULL,
	`equipment` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `club_trainers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`qualifications` text NOT NULL,
	`availability` text NOT NULL,
	`absences` text NOT NULL,
	`max_hours_per_week` real NOT NULL,
	`preferred` text NOT NULL,
	`avoided` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schedule_scenarios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`week_start` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`published_at` text,
	`published_by` integer,
	`based_on_id` integer,
	`backend` text NOT NULL,
	`solve_status` text NOT NULL,
	`solve_s` real,
	`first_feasible_s` real,
	`gap_pct` real,
	`weights` text NOT NULL,
	`demand_source` text NOT NULL,
	`club` text NOT NULL,
	`demand` text NOT NULL,
	`timetable` text NOT NULL,
	`history` text NOT NULL,
	`notes` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedule_scenarios_week` ON `schedule_scenarios` (`week_start`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `schedule_one_published_week` ON `schedule_scenarios` (`week_start`) WHERE status = 'published';