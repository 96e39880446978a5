-- How often a run was claimed after its lease expired mid-attempt. The engine fails a run whose
-- workers keep dying on it, rather than resuming it forever.
ALTER TABLE runs ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;
