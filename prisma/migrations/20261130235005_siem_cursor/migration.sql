-- CreateTable
CREATE TABLE "SiemCursor" (
    "sink" TEXT NOT NULL,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiemCursor_pkey" PRIMARY KEY ("sink")
);
