-- Deliveries of notifications beyond the web app: one row per notification, channel and address.
-- A delivery is claimed (sending) before it goes out and marked sent after; one left sending by a
-- crash is never sent again by itself (it may have gone out): it becomes uncertain, for operations.
CREATE TABLE notification_deliveries (
  notification_id text NOT NULL REFERENCES notifications,
  channel         text NOT NULL,
  address         text NOT NULL,
  state           text NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_at      timestamptz,
  claimed_by      text,
  sent_at         timestamptz,
  last_error      text,
  PRIMARY KEY (notification_id, channel, address)
);
CREATE INDEX deliveries_due ON notification_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_sending ON notification_deliveries (claimed_at) WHERE state = 'sending';
