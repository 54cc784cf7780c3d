-- AlterTable
ALTER TABLE "ToolRequest" ADD COLUMN     "estCallsPerWeek" INTEGER,
ADD COLUMN     "estMinutesSavedPerCall" DOUBLE PRECISION,
ADD COLUMN     "estTeams" INTEGER;
