ALTER TABLE "TeamCollection" ADD COLUMN     "data" JSONB;
ALTER TABLE "UserCollection" ADD COLUMN     "data" JSONB;
