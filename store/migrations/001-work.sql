-- The city's work as the request workflows report it. Mutable rows (requests, tasks, fees,
-- suspensions) carry the workflow's revision and are only ever replaced by a later one; history
-- rows (holders, events, escalations, deadline changes, notifications) are written once.

CREATE TABLE requests (
  tracking_code      text PRIMARY KEY,
  service_id         text NOT NULL,
  service_title_fa   text NOT NULL,
  service_title_en   text NOT NULL,
  domain             text NOT NULL,
  definition_version integer NOT NULL,
  district           text NOT NULL,
  channel            text NOT NULL,
  intake_office      text,
  -- The office of record and how it got the request: walk-in, chosen, rule.
  office             text,
  office_how         text,
  state              text NOT NULL,
  sla                text NOT NULL,
  started_at         timestamptz NOT NULL,
  ended_at           timestamptz,
  target_deadline    timestamptz NOT NULL,
  statutory_deadline timestamptz,
  suspended_since    timestamptz,
  received_at        timestamptz,
  -- HMAC of the applicant's national id: found by exact match, never read back.
  national_id_hash   text,
  revision           bigint NOT NULL,
  written_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requests_by_national_id ON requests (national_id_hash) WHERE national_id_hash IS NOT NULL;
CREATE INDEX requests_by_start ON requests (started_at);
CREATE INDEX requests_by_end ON requests (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX requests_by_service ON requests (service_id, district, started_at);
CREATE INDEX requests_active_by_district ON requests (district) WHERE state = 'active';

CREATE TABLE tasks (
  task_id            text PRIMARY KEY,
  tracking_code      text NOT NULL REFERENCES requests,
  service_id         text NOT NULL,
  district           text NOT NULL,
  step_id            text NOT NULL,
  kind               text NOT NULL,
  title_fa           text NOT NULL,
  title_en           text NOT NULL,
  -- Who holds it: a principal (office:o-0101, department:d05.urban-planning/reviewer, head:…),
  -- and the unit it belongs to for reports (o-0101, d05.urban-planning) and its department.
  holder             text NOT NULL,
  holder_title_fa    text NOT NULL,
  holder_title_en    text NOT NULL,
  holder_unit        text,
  holder_department  text,
  supervisor         text NOT NULL,
  claimed_by         text,
  claimed_at         timestamptz,
  status             text NOT NULL,
  opened_at          timestamptz NOT NULL,
  closed_at          timestamptz,
  deadline           timestamptz NOT NULL,
  original_deadline  timestamptz NOT NULL,
  at_risk_at         timestamptz NOT NULL,
  statutory_deadline timestamptz,
  clock              text NOT NULL,
  sla                text NOT NULL,
  -- When it passed its deadline, and who held it then: breaches count against them.
  breached_at        timestamptz,
  breached_holder    text,
  breached_unit      text,
  escalation_level   integer NOT NULL,
  on_applicant       boolean NOT NULL,
  outcome            text,
  actor              text,
  note               text,
  -- Working minutes from opening to closing, counted on the task's own clock.
  working_minutes    integer,
  revision           bigint NOT NULL
);
CREATE INDEX tasks_open_by_holder ON tasks (holder, deadline, task_id) WHERE status = 'open';
CREATE INDEX tasks_open_by_deadline ON tasks (deadline, task_id) WHERE status = 'open';
CREATE INDEX tasks_open_by_unit ON tasks (holder_unit) WHERE status = 'open';
CREATE INDEX tasks_by_request ON tasks (tracking_code);
CREATE INDEX tasks_done_by_close ON tasks (closed_at) WHERE status = 'done';
CREATE INDEX tasks_by_breach ON tasks (breached_at) WHERE breached_at IS NOT NULL;
CREATE INDEX tasks_by_breached_holder ON tasks (breached_holder) WHERE breached_holder IS NOT NULL;
CREATE INDEX tasks_done_by_holder ON tasks (holder) WHERE status = 'done';

-- Every holder a task has had, in order, and why: routed, moved by a manager or a licence change,
-- reassigned by its ladder. The routing decision (candidates, loads, the rule) is kept with it.
CREATE TABLE task_holders (
  task_id         text NOT NULL,
  seq             integer NOT NULL,
  tracking_code   text NOT NULL,
  at              timestamptz NOT NULL,
  holder          text NOT NULL,
  holder_title_fa text NOT NULL,
  holder_title_en text NOT NULL,
  how             text NOT NULL,
  reason          text NOT NULL,
  decision        jsonb,
  PRIMARY KEY (task_id, seq)
);
CREATE INDEX task_holders_by_holder ON task_holders (holder);
CREATE INDEX task_holders_by_request ON task_holders (tracking_code);

-- What happened to a request, in order: the workflow's journal.
CREATE TABLE request_events (
  tracking_code text NOT NULL,
  seq           integer NOT NULL,
  at            timestamptz NOT NULL,
  kind          text NOT NULL,
  step_id       text NOT NULL,
  title_fa      text NOT NULL,
  title_en      text NOT NULL,
  task_id       text,
  outcome       text,
  actor         text,
  note          text,
  PRIMARY KEY (tracking_code, seq)
);

CREATE TABLE escalations (
  tracking_code  text NOT NULL,
  seq            integer NOT NULL,
  task_id        text,
  step_id        text NOT NULL,
  at             timestamptz NOT NULL,
  level          integer NOT NULL,
  action         text NOT NULL,
  reason         text NOT NULL,
  from_principal text NOT NULL,
  to_principal   text NOT NULL,
  to_title_fa    text NOT NULL,
  to_title_en    text NOT NULL,
  PRIMARY KEY (tracking_code, seq)
);
CREATE INDEX escalations_by_target ON escalations (to_principal, at);
CREATE INDEX escalations_by_task ON escalations (task_id);
CREATE INDEX escalations_by_time ON escalations (at);

CREATE TABLE deadline_changes (
  tracking_code text NOT NULL,
  seq           integer NOT NULL,
  at            timestamptz NOT NULL,
  of_what       text NOT NULL,
  kind          text NOT NULL,
  from_at       timestamptz NOT NULL,
  to_at         timestamptz NOT NULL,
  cause         text NOT NULL,
  reason        text NOT NULL,
  changed_by    text NOT NULL,
  PRIMARY KEY (tracking_code, seq)
);

CREATE TABLE suspensions (
  tracking_code text NOT NULL,
  seq           integer NOT NULL,
  from_at       timestamptz NOT NULL,
  to_at         timestamptz,
  reason        text NOT NULL,
  suspended_by  text NOT NULL,
  task_id       text,
  revision      bigint NOT NULL,
  PRIMARY KEY (tracking_code, seq)
);

CREATE TABLE fees (
  tracking_code text NOT NULL,
  seq           integer NOT NULL,
  fee_id        text NOT NULL,
  bill_id       text NOT NULL,
  title_fa      text NOT NULL,
  title_en      text NOT NULL,
  amount        numeric NOT NULL,
  status        text NOT NULL,
  paid_at       timestamptz,
  receipt       text,
  refund        text,
  revision      bigint NOT NULL,
  PRIMARY KEY (tracking_code, seq)
);
CREATE INDEX fees_by_bill ON fees (bill_id);

-- Reminders, breaches, escalations and messages, for the people of the unit they are sent to.
CREATE TABLE notifications (
  id            text PRIMARY KEY,
  tracking_code text NOT NULL,
  task_id       text,
  kind          text NOT NULL,
  recipient     text NOT NULL,
  at            timestamptz NOT NULL,
  message_fa    text NOT NULL,
  message_en    text NOT NULL
);
CREATE INDEX notifications_by_recipient ON notifications (recipient, at DESC);

CREATE TABLE notification_reads (
  notification_id text NOT NULL REFERENCES notifications,
  reader          text NOT NULL,
  read_at         timestamptz NOT NULL,
  PRIMARY KEY (notification_id, reader)
);
