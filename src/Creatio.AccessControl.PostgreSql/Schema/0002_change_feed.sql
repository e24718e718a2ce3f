-- The change feed: every committed batch is one row of AccessChangeLog, by version. The payload is the batch's
-- AccessModelDelta in its JSON form, kept as written (json, not jsonb: its members stay in their order).
ALTER TABLE "AccessChangeLog" ALTER COLUMN "Payload" TYPE json USING "Payload"::json;
ALTER TABLE "AccessChangeLog" ADD COLUMN "BaseVersion" bigint;
ALTER TABLE "AccessChangeLog" ADD COLUMN "Actor" text;
UPDATE "AccessChangeLog" SET "BaseVersion" = "Version" - 1, "Actor" = 'system' WHERE "BaseVersion" IS NULL;
ALTER TABLE "AccessChangeLog" ALTER COLUMN "BaseVersion" SET NOT NULL;
ALTER TABLE "AccessChangeLog" ALTER COLUMN "Actor" SET NOT NULL;
ALTER TABLE "AccessChangeLog" ADD CONSTRAINT "CK_AccessChangeLog_Versions" CHECK ("Version" > "BaseVersion");
