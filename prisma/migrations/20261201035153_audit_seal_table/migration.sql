-- Seals move from columns of AuditEvent (set by an UPDATE of the whole wide, many times indexed row, checked by a
-- trigger) to an insert-only table of their own, one narrow row per sealed event. Existing seals are kept as they
-- are: the chain hash never covered the seal columns (lib/server/audit-chain/columns.ts, HASHED_COLUMNS).
-- Function bodies are E'' strings with \073 for each semicolon (the migration runner splits scripts at semicolons).

-- CreateTable
CREATE TABLE "AuditSeal" (
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("seq")
);

INSERT INTO "AuditSeal" ("seq", "hash", "prevHash", "sealedAt")
  SELECT "seq", "hash", "prevHash", "sealedAt" FROM "AuditEvent" WHERE "hash" IS NOT NULL;

-- AuditEvent: no UPDATE at all now. DELETE: only the retention purge, which sets the transaction-local audit.purge
-- and may remove only sealed events at or before a purge anchor (a signed checkpoint).
CREATE OR REPLACE FUNCTION "audit_event_guard"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    RAISE EXCEPTION ''AuditEvent is append-only: event seq % cannot be updated'', OLD."seq"
      USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  IF current_setting(''audit.purge'', true) = ''on''
     AND EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."seq" = OLD."seq")
     AND OLD."seq" <= (SELECT max("seq") FROM "AuditChainAnchor" WHERE "tenantId" = OLD."tenantId") THEN
    RETURN OLD\073
  END IF\073
  RAISE EXCEPTION ''AuditEvent is append-only: event seq % cannot be deleted (only the retention purge removes events before its anchor)'', OLD."seq"
    USING ERRCODE = ''insufficient_privilege''\073
END';

-- AlterTable
ALTER TABLE "AuditEvent" DROP COLUMN "hash",
DROP COLUMN "prevHash",
DROP COLUMN "sealedAt";

-- Seals are append-only without exception (a purge removes events, never their seals).
CREATE TRIGGER "AuditSeal_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditSeal" FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditSeal" FROM PUBLIC;
