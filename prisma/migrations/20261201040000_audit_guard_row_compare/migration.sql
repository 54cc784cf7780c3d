-- The append-only guard compares the old and new rows as records instead of as jsonb documents: the same rule
-- (sealing sets hash, prevHash and sealedAt once, every other column unchanged), about a third cheaper per sealed
-- row because no jsonb is built. The body is an E'' string with \073 for each semicolon (the migration runner splits
-- scripts at every semicolon character).
CREATE OR REPLACE FUNCTION "audit_event_guard"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  unsealed "AuditEvent"\073
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    unsealed := NEW\073
    unsealed."hash" := OLD."hash"\073
    unsealed."prevHash" := OLD."prevHash"\073
    unsealed."sealedAt" := OLD."sealedAt"\073
    IF OLD."hash" IS NULL AND NEW."hash" IS NOT NULL AND NEW."sealedAt" IS NOT NULL AND unsealed IS NOT DISTINCT FROM OLD THEN
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
