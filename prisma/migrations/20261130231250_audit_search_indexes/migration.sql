-- DropIndex
DROP INDEX "AuditEvent_tenantId_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_createdAt_id_idx" ON "AuditEvent"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorLabel_createdAt_idx" ON "AuditEvent"("actorLabel", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_resourceId_createdAt_idx" ON "AuditEvent"("resourceId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_resourcesTouched_idx" ON "AuditEvent" USING GIN ("resourcesTouched");

-- CreateIndex
CREATE INDEX "AuditEvent_errorCode_createdAt_idx" ON "AuditEvent"("errorCode", "createdAt");
