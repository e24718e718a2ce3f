-- Objects that keep their records and record rights in the database only (ObjectDefinition.KeepsRecordsInDatabase):
-- the flag is stored with the object, so that a model read back from PostgreSQL keeps it.
ALTER TABLE "SysEntitySchema" ADD COLUMN "KeepsRecordsInDatabase" boolean NOT NULL DEFAULT false;
