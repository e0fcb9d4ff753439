ALTER TABLE `members` ADD `sex` text;--> statement-breakpoint
ALTER TABLE `members` ADD `birth_year` integer;