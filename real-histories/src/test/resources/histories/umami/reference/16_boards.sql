CREATE TABLE "board" (
    "board_id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "parameters" JSONB NOT NULL,
    "slug" VARCHAR(100) NOT NULL,
    "user_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "board_pkey" PRIMARY KEY ("board_id")
);
CREATE UNIQUE INDEX "board_slug_key" ON "board"("slug");
CREATE INDEX "board_slug_idx" ON "board"("slug");
CREATE INDEX "board_user_id_idx" ON "board"("user_id");
CREATE INDEX "board_team_id_idx" ON "board"("team_id");
CREATE INDEX "board_created_at_idx" ON "board"("created_at");
