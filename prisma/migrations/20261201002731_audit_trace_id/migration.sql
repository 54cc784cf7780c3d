-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "traceId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_traceId_createdAt_idx" ON "AuditEvent"("traceId", "createdAt");
