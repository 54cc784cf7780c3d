-- CreateTable
CREATE TABLE "OAuthRecord" (
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grantId" TEXT,
    "uid" TEXT,
    "userCode" TEXT,
    "expiresAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthRecord_pkey" PRIMARY KEY ("kind","id")
);

-- CreateTable
CREATE TABLE "OAuthConnection" (
    "id" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "agentTokenId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientName" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "OAuthConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OAuthRecord_grantId_idx" ON "OAuthRecord"("grantId");

-- CreateIndex
CREATE INDEX "OAuthRecord_uid_idx" ON "OAuthRecord"("uid");

-- CreateIndex
CREATE INDEX "OAuthRecord_expiresAt_idx" ON "OAuthRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthConnection_grantId_key" ON "OAuthConnection"("grantId");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthConnection_agentTokenId_key" ON "OAuthConnection"("agentTokenId");

-- CreateIndex
CREATE INDEX "OAuthConnection_tenantId_createdAt_idx" ON "OAuthConnection"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "OAuthConnection_userId_createdAt_idx" ON "OAuthConnection"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "OAuthConnection" ADD CONSTRAINT "OAuthConnection_agentTokenId_fkey" FOREIGN KEY ("agentTokenId") REFERENCES "AgentToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
