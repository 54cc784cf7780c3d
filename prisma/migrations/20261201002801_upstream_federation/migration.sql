-- AlterTable
ALTER TABLE "UpstreamServer" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "discovery" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "lastCheckedAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "latencyMs" INTEGER,
ADD COLUMN     "namespace" TEXT,
ADD COLUMN     "timeoutMs" INTEGER NOT NULL DEFAULT 10000;

-- CreateTable
CREATE TABLE "TrustedHost" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT,
    "pattern" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustedHost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrustedHost_tenantId_idx" ON "TrustedHost"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamServer_tenantId_namespace_key" ON "UpstreamServer"("tenantId", "namespace");

-- AddForeignKey
ALTER TABLE "TrustedHost" ADD CONSTRAINT "TrustedHost_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
