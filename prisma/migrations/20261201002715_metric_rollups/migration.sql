-- CreateTable
CREATE TABLE "MetricRollup" (
    "grain" TEXT NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "tenantId" TEXT NOT NULL,
    "toolSlug" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "denied" INTEGER NOT NULL DEFAULT 0,
    "held" INTEGER NOT NULL DEFAULT 0,
    "untraced" INTEGER NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,
    "latencyHist" INTEGER[],

    CONSTRAINT "MetricRollup_pkey" PRIMARY KEY ("grain","bucketStart","tenantId","toolSlug")
);

-- CreateTable
CREATE TABLE "MetricActorRollup" (
    "hourStart" TIMESTAMP(3) NOT NULL,
    "tenantId" TEXT NOT NULL,
    "toolSlug" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MetricActorRollup_pkey" PRIMARY KEY ("hourStart","tenantId","toolSlug","actorId")
);

-- CreateTable
CREATE TABLE "MetricFirstCall" (
    "tenantId" TEXT NOT NULL,
    "toolSlug" TEXT NOT NULL,
    "firstSuccessAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MetricFirstCall_pkey" PRIMARY KEY ("tenantId","toolSlug")
);

-- CreateTable
CREATE TABLE "MetricTask" (
    "tenantId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "costMicros" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricTask_pkey" PRIMARY KEY ("tenantId","traceId")
);

-- CreateTable
CREATE TABLE "MetricRollupCursor" (
    "name" TEXT NOT NULL,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricRollupCursor_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "MetricRollup_grain_tenantId_bucketStart_idx" ON "MetricRollup"("grain", "tenantId", "bucketStart");

-- CreateIndex
CREATE INDEX "MetricActorRollup_tenantId_hourStart_idx" ON "MetricActorRollup"("tenantId", "hourStart");

-- CreateIndex
CREATE INDEX "MetricTask_firstAt_idx" ON "MetricTask"("firstAt");

-- CreateIndex
CREATE INDEX "MetricTask_tenantId_firstAt_idx" ON "MetricTask"("tenantId", "firstAt");
