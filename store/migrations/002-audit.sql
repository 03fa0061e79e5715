-- The audit trail of every state-changing call, one hash chain for all API instances: each entry
-- keeps its exact JSON and the hash of the one before it, so a changed or removed entry shows.
CREATE TABLE audit_entries (
  seq           bigint PRIMARY KEY,
  at            timestamptz NOT NULL,
  actor         text NOT NULL,
  action        text NOT NULL,
  tracking_code text,
  entry         text NOT NULL,
  prev          text NOT NULL,
  hash          text NOT NULL
);
CREATE INDEX audit_by_time ON audit_entries (at);
CREATE INDEX audit_by_actor ON audit_entries (actor, at);
CREATE INDEX audit_by_request ON audit_entries (tracking_code, at) WHERE tracking_code IS NOT NULL;
