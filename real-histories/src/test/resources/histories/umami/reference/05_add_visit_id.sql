ALTER TABLE "website_event" ADD COLUMN "visit_id" UUID NULL;
ALTER TABLE "website_event" ALTER COLUMN "visit_id" SET NOT NULL;
CREATE INDEX "website_event_visit_id_idx" ON "website_event"("visit_id");
CREATE INDEX "website_event_website_id_visit_id_created_at_idx" ON "website_event"("website_id", "visit_id", "created_at");
