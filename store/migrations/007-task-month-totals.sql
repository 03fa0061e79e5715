-- Tasks breached and tasks finished (and of those, on time) per month, district and domain, kept
-- by a trigger in the same transaction as the task's own row: the managers' dashboard over a year
-- of a city's history reads a few thousand totals instead of every task of the year. Months are
-- UTC months; a report adds the part-months at the two ends of its range from the tasks.
CREATE TABLE task_month_totals (
  month    date NOT NULL,
  district text NOT NULL,
  domain   text NOT NULL,
  breaches integer NOT NULL,
  done     integer NOT NULL,
  on_time  integer NOT NULL,
  PRIMARY KEY (month, district, domain)
);

-- What one task adds to the totals (sign 1), or takes back (sign -1): its breach in the month it
-- breached, and its close in the month it closed. The domain is its request's.
CREATE FUNCTION add_to_month_totals(t tasks, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  task_domain text;
BEGIN
  IF t.breached_at IS NULL AND t.status <> 'done' THEN
    RETURN;
  END IF;
  task_domain := coalesce((SELECT r.domain FROM requests r WHERE r.tracking_code = t.tracking_code), '');
  IF t.breached_at IS NOT NULL THEN
    INSERT INTO task_month_totals AS m (month, district, domain, breaches, done, on_time)
    VALUES (date_trunc('month', t.breached_at AT TIME ZONE 'UTC')::date, t.district, task_domain, sign, 0, 0)
    ON CONFLICT (month, district, domain) DO UPDATE SET breaches = m.breaches + sign;
  END IF;
  IF t.status = 'done' AND t.closed_at IS NOT NULL THEN
    INSERT INTO task_month_totals AS m (month, district, domain, breaches, done, on_time)
    VALUES (date_trunc('month', t.closed_at AT TIME ZONE 'UTC')::date, t.district, task_domain, 0, sign,
            CASE WHEN t.closed_at <= t.deadline AND t.breached_at IS NULL THEN sign ELSE 0 END)
    ON CONFLICT (month, district, domain)
    DO UPDATE SET done = m.done + sign, on_time = m.on_time + EXCLUDED.on_time;
  END IF;
END
$$;

CREATE FUNCTION total_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most writes of a task (a claim, a move, a reminder) change nothing the totals count.
  IF TG_OP = 'UPDATE'
     AND OLD.breached_at IS NOT DISTINCT FROM NEW.breached_at
     AND (OLD.status = 'done') = (NEW.status = 'done')
     AND OLD.district = NEW.district
     AND (NEW.status <> 'done'
          OR (OLD.closed_at IS NOT DISTINCT FROM NEW.closed_at AND OLD.deadline IS NOT DISTINCT FROM NEW.deadline))
  THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM add_to_month_totals(OLD, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM add_to_month_totals(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tasks_totalled AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION total_task();

-- Totals every task again: for the tasks written before the totals, and after a rebuild.
CREATE FUNCTION retotal_months() RETURNS void LANGUAGE sql AS $$
  DELETE FROM task_month_totals;
  INSERT INTO task_month_totals (month, district, domain, breaches, done, on_time)
  SELECT month, district, domain, sum(breaches)::int, sum(done)::int, sum(on_time)::int
    FROM (SELECT date_trunc('month', t.breached_at AT TIME ZONE 'UTC')::date AS month, t.district,
                 coalesce(r.domain, '') AS domain, 1 AS breaches, 0 AS done, 0 AS on_time
            FROM tasks t LEFT JOIN requests r ON r.tracking_code = t.tracking_code
           WHERE t.breached_at IS NOT NULL
          UNION ALL
          SELECT date_trunc('month', t.closed_at AT TIME ZONE 'UTC')::date, t.district, coalesce(r.domain, ''), 0, 1,
                 (t.closed_at <= t.deadline AND t.breached_at IS NULL)::int
            FROM tasks t LEFT JOIN requests r ON r.tracking_code = t.tracking_code
           WHERE t.status = 'done' AND t.closed_at IS NOT NULL) counted
   GROUP BY 1, 2, 3;
$$;

SELECT retotal_months();

-- Emptying the tasks (an operator starting the store again from Temporal) empties their totals.
CREATE FUNCTION forget_month_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_month_totals;
  RETURN NULL;
END
$$;

CREATE TRIGGER tasks_emptied_of_totals AFTER TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION forget_month_totals();
