CREATE TABLE `booking_credits` (
	`booking_id` integer PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`source` text NOT NULL,
	`sale_id` integer,
	`membership_id` integer,
	`state` text NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `class_bookings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sale_id`) REFERENCES `payment_sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `credit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`sale_id` integer NOT NULL,
	`booking_id` integer,
	`reason` text NOT NULL,
	`delta` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sale_id`) REFERENCES `payment_sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `class_bookings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `credit_entries_member` ON `credit_entries` (`member_id`,`sale_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `credit_entries_one_purchase` ON `credit_entries` (`sale_id`) WHERE reason = 'purchase';--> statement-breakpoint
CREATE UNIQUE INDEX `credit_entries_one_per_booking` ON `credit_entries` (`booking_id`,`reason`) WHERE booking_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `member_contacts` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`consent_email` integer DEFAULT false NOT NULL,
	`consent_sms` integer DEFAULT false NOT NULL,
	`stripe_customer_id` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`sale_id` integer,
	`status` text NOT NULL,
	`start_date` text NOT NULL,
	`renewal_date` text NOT NULL,
	`frozen_until` text,
	`stripe_subscription_id` text,
	`cancelled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `payment_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_id`) REFERENCES `payment_sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_member` ON `memberships` (`member_id`,`status`);--> statement-breakpoint
CREATE TABLE `payment_mismatches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`sale_id` integer,
	`stripe_object_id` text,
	`message` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` integer,
	`resolution` text,
	FOREIGN KEY (`sale_id`) REFERENCES `payment_sales`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_mismatches_once` ON `payment_mismatches` (`kind`,`stripe_object_id`);--> statement-breakpoint
CREATE TABLE `payment_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`credits` integer,
	`interval_months` integer,
	`stripe_product_id` text,
	`stripe_price_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `payment_sales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`member_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`method` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`stripe_object_id` text,
	`pay_url` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`recorded_by` integer,
	`created_at` text NOT NULL,
	`paid_at` text,
	`receipt_no` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `payment_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_sales_op` ON `payment_sales` (`op_id`);--> statement-breakpoint
CREATE INDEX `payment_sales_member` ON `payment_sales` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `payment_sales_status` ON `payment_sales` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_sales_stripe_object` ON `payment_sales` (`stripe_object_id`);--> statement-breakpoint
CREATE TABLE `payment_sync` (
	`id` integer PRIMARY KEY NOT NULL,
	`cursor_event_id` text,
	`cursor_created` integer,
	`last_sync_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`created` integer NOT NULL,
	`via` text NOT NULL,
	`effect` text NOT NULL,
	`processed_at` text NOT NULL
);
