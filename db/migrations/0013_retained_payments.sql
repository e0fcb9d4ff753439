CREATE TABLE `retained_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`op_id` text NOT NULL,
	`product_id` integer NOT NULL,
	`product_name` text NOT NULL,
	`method` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`stripe_object_id` text,
	`receipt_no` text,
	`recorded_by` integer,
	`created_at` text NOT NULL,
	`paid_at` text,
	`erased_at` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `payment_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retained_payments_sale` ON `retained_payments` (`sale_id`);--> statement-breakpoint
CREATE INDEX `retained_payments_paid` ON `retained_payments` (`status`,`paid_at`);