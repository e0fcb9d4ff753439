ALTER TABLE `members` ADD `questionnaire` text;--> statement-breakpoint
ALTER TABLE `members` ADD `questionnaire_at` text;