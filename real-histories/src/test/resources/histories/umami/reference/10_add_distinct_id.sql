ALTER TABLE "session" ADD COLUMN     "distinct_id" VARCHAR(50);
ALTER TABLE "session_data" ADD COLUMN     "distinct_id" VARCHAR(50);
