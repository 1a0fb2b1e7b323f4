CREATE TABLE "revenue" (
    "revenue_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_name" VARCHAR(50) NOT NULL,
    "currency" VARCHAR(100) NOT NULL,
    "revenue" DECIMAL(19,4),
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revenue_pkey" PRIMARY KEY ("revenue_id")
);
CREATE UNIQUE INDEX "revenue_revenue_id_key" ON "revenue"("revenue_id");
CREATE INDEX "revenue_website_id_idx" ON "revenue"("website_id");
CREATE INDEX "revenue_session_id_idx" ON "revenue"("session_id");
CREATE INDEX "revenue_website_id_created_at_idx" ON "revenue"("website_id", "created_at");
CREATE INDEX "revenue_website_id_session_id_created_at_idx" ON "revenue"("website_id", "session_id", "created_at");
