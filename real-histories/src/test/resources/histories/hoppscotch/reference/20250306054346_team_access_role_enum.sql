ALTER TYPE "TeamMemberRole" RENAME TO "TeamAccessRole";
