-- AlterTable
ALTER TABLE "ToolVersion" ADD COLUMN     "contractExamples" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "ContractRun" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "toolVersionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "tenantId" TEXT,
    "passed" BOOLEAN NOT NULL,
    "total" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "results" JSONB NOT NULL,
    "ranById" TEXT,
    "ranByLabel" TEXT NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolPrompt" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "arguments" JSONB NOT NULL DEFAULT '[]',
    "template" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ToolPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContractRun_toolVersionId_ranAt_idx" ON "ContractRun"("toolVersionId", "ranAt");

-- CreateIndex
CREATE INDEX "ContractRun_toolId_ranAt_idx" ON "ContractRun"("toolId", "ranAt");

-- CreateIndex
CREATE UNIQUE INDEX "ToolPrompt_toolId_name_key" ON "ToolPrompt"("toolId", "name");

-- AddForeignKey
ALTER TABLE "ContractRun" ADD CONSTRAINT "ContractRun_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRun" ADD CONSTRAINT "ContractRun_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolPrompt" ADD CONSTRAINT "ToolPrompt_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;
