-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "traceId" TEXT;
