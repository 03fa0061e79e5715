-- Every change to an office's licence, as the licence registry made it: who, when, why.
CREATE TABLE licence_changes (
  office_id   text NOT NULL,
  seq         integer NOT NULL,
  at          timestamptz NOT NULL,
  action      text NOT NULL,
  status      text NOT NULL,
  reason      text NOT NULL,
  changed_by  text NOT NULL,
  valid_until date,
  PRIMARY KEY (office_id, seq)
);
CREATE INDEX licence_changes_by_time ON licence_changes (at);
