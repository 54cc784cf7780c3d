-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "sealedAt" TIMESTAMP(3),
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "TenantPolicy" ADD COLUMN     "auditRetentionDays" INTEGER NOT NULL DEFAULT 365;

-- CreateTable
CREATE TABLE "AuditChainGap" (
    "fromSeq" BIGINT NOT NULL,
    "toSeq" BIGINT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainGap_pkey" PRIMARY KEY ("fromSeq")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditChainAnchor" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "verified" INTEGER NOT NULL,
    "upToSeq" BIGINT,
    "message" TEXT NOT NULL,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthFailureCounter" (
    "source" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "auditEventId" TEXT,

    CONSTRAINT "AuthFailureCounter_pkey" PRIMARY KEY ("source","minute")
);

-- CreateIndex
CREATE INDEX "AuditChainAnchor_seq_idx" ON "AuditChainAnchor"("seq");

-- CreateIndex
CREATE INDEX "AuditVerification_at_idx" ON "AuditVerification"("at");

-- CreateIndex
CREATE INDEX "AuthFailureCounter_minute_idx" ON "AuthFailureCounter"("minute");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- Append-only audit, enforced by the database. The function bodies are E'' strings with \073 for each semicolon:
-- the migration runner splits scripts at every semicolon character.
-- UPDATE: only sealing (hash, prevHash and sealedAt set once on an unsealed row, every other column unchanged).
-- DELETE: only the retention purge, which sets the transaction-local audit.purge and may remove only sealed events
-- at or before a purge anchor (a signed checkpoint), so nothing that audit:verify still checks can disappear.
CREATE FUNCTION "audit_event_guard"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    IF OLD."hash" IS NULL AND NEW."hash" IS NOT NULL AND NEW."sealedAt" IS NOT NULL
       AND (to_jsonb(OLD) - ''hash'' - ''prevHash'' - ''sealedAt'') = (to_jsonb(NEW) - ''hash'' - ''prevHash'' - ''sealedAt'') THEN
      RETURN NEW\073
    END IF\073
    RAISE EXCEPTION ''AuditEvent is append-only: event seq % cannot be updated (only the sealer sets its hash, once)'', OLD."seq"
      USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  IF current_setting(''audit.purge'', true) = ''on'' AND OLD."hash" IS NOT NULL
     AND OLD."seq" <= (SELECT max("seq") FROM "AuditChainAnchor" WHERE "tenantId" = OLD."tenantId") THEN
    RETURN OLD\073
  END IF\073
  RAISE EXCEPTION ''AuditEvent is append-only: event seq % cannot be deleted (only the retention purge removes events before its anchor)'', OLD."seq"
    USING ERRCODE = ''insufficient_privilege''\073
END';

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_guard"();

-- The chain's side tables are append-only without exception, and no table of the trail may be truncated.
CREATE FUNCTION "audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''% is append-only: % refused'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''insufficient_privilege''\073
END';

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
CREATE TRIGGER "AuditCheckpoint_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditCheckpoint" FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
CREATE TRIGGER "AuditChainGap_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditChainGap" FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
CREATE TRIGGER "AuditChainAnchor_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditChainAnchor" FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent", "AuditCheckpoint", "AuditChainGap", "AuditChainAnchor" FROM PUBLIC;
