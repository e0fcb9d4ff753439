CREATE TABLE `rir_member_states` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`population_version` text NOT NULL,
	`state` text NOT NULL,
	`sets` integer NOT NULL,
	`last_set_at` text,
	`last_set_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rir_predictions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_log_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`exercise_id` text NOT NULL,
	`performed_at` text NOT NULL,
	`predicted_rtf` real NOT NULL,
	`predicted_rir` real NOT NULL,
	`low80` real NOT NULL,
	`high80` real NOT NULL,
	`source` text NOT NULL,
	`reported_rir` real,
	`observed_rir` real,
	`model_version` text NOT NULL,
	FOREIGN KEY (`set_log_id`) REFERENCES `set_logs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rir_predictions_set` ON `rir_predictions` (`set_log_id`);--> statement-breakpoint
CREATE INDEX `rir_predictions_member` ON `rir_predictions` (`member_id`,`performed_at`);