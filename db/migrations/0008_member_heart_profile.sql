ALTER TABLE `members` ADD `nickname` text;--> statement-breakpoint
ALTER TABLE `members` ADD `resting_hr_bpm` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `max_hr_bpm` integer;