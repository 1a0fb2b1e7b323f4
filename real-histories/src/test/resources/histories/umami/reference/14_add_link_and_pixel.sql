ALTER TABLE "report" ALTER COLUMN "type" SET DATA TYPE VARCHAR(50);
ALTER TABLE "revenue" ALTER COLUMN "currency" SET DATA TYPE VARCHAR(10);
ALTER TABLE "segment" ALTER COLUMN "type" SET DATA TYPE VARCHAR(50);
CREATE TABLE "link" (
    "link_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "slug" VARCHAR(100) NOT NULL,
    "user_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "link_pkey" PRIMARY KEY ("link_id")
);
CREATE TABLE "pixel" (
    "pixel_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "slug" VARCHAR(100) NOT NULL,
    "user_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "pixel_pkey" PRIMARY KEY ("pixel_id")
);
CREATE UNIQUE INDEX "link_link_id_key" ON "link"("link_id");
CREATE UNIQUE INDEX "link_slug_key" ON "link"("slug");
CREATE INDEX "link_slug_idx" ON "link"("slug");
CREATE INDEX "link_user_id_idx" ON "link"("user_id");
CREATE INDEX "link_team_id_idx" ON "link"("team_id");
CREATE INDEX "link_created_at_idx" ON "link"("created_at");
CREATE UNIQUE INDEX "pixel_pixel_id_key" ON "pixel"("pixel_id");
CREATE UNIQUE INDEX "pixel_slug_key" ON "pixel"("slug");
CREATE INDEX "pixel_slug_idx" ON "pixel"("slug");
CREATE INDEX "pixel_user_id_idx" ON "pixel"("user_id");
CREATE INDEX "pixel_team_id_idx" ON "pixel"("team_id");
CREATE INDEX "pixel_created_at_idx" ON "pixel"("created_at");
