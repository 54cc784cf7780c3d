-- Approvals loop: the states of a held call up to its single execution, with principal, idempotency and task columns.
-- Earlier states map: rejected becomes denied, failed becomes void (nothing had run: the old gate never executed).
-- AlterEnum
BEGIN;
CREATE TYPE "ApprovalStatus_new" AS ENUM ('pending', 'approved', 'denied', 'expired', 'executed', 'void', 'executing', 'cancelled');
ALTER TABLE "public"."ApprovalRequest" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "ApprovalRequest" ALTER COLUMN "status" TYPE "ApprovalStatus_new" USING ((CASE "status"::text WHEN 'rejected' THEN 'denied' WHEN 'failed' THEN 'void' ELSE "status"::text END)::"ApprovalStatus_new");
ALTER TYPE "ApprovalStatus" RENAME TO "ApprovalStatus_old";
ALTER TYPE "ApprovalStatus_new" RENAME TO "ApprovalStatus";
DROP TYPE "public"."ApprovalStatus_old";
ALTER TABLE "ApprovalRequest" ALTER COLUMN "status" SET DEFAULT 'pending';
COMMIT;

-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "asTask" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "executionStartedAt" TIMESTAMP(3),
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "statusReason" TEXT,
ADD COLUMN     "taskTtlMs" INTEGER,
ADD COLUMN     "teamId" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "userId" TEXT;

-- AlterTable
ALTER TABLE "TenantToolPolicy" ADD COLUMN     "approvalTtlMinutes" INTEGER;

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "tokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "toolSlug" TEXT NOT NULL,
    "argumentsHash" TEXT NOT NULL,
    "approvalId" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("tokenId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE INDEX "ApprovalRequest_tokenId_createdAt_idx" ON "ApprovalRequest"("tokenId", "createdAt");

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "AgentToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
