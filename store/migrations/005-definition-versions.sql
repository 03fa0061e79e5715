-- Published versions of service definitions: immutable and numbered per service. Every process
-- of a deployment reads them from here, so API instances share one catalog without a volume.
CREATE TABLE definition_versions (
  service_id       text NOT NULL,
  version          integer NOT NULL,
  hash             text NOT NULL,
  published_at     timestamptz NOT NULL,
  published_by     text NOT NULL,
  note             text NOT NULL,
  rolled_back_from integer,
  -- The YAML as the designer wrote it, and its compiled plan (json keeps the text as written).
  source           text NOT NULL,
  plan             json NOT NULL,
  PRIMARY KEY (service_id, version)
);
