-- Open tasks counted, kept by a trigger in the same transaction as the task's own row, so the
-- SLA summaries and the worklists' counts over a city's hundreds of thousands of open tasks read
-- a few thousand counters instead. Empty text stands for no value, so each key can be unique.

-- What the summaries group and filter on: the unit holding the task (an office or a department's
-- unit, and its department), the unit that held it when it breached, service, step, district.
CREATE TABLE open_task_counts (
  holder_kind       text NOT NULL,
  holder_unit       text NOT NULL,
  holder_department text NOT NULL,
  breached_kind     text NOT NULL,
  breached_unit     text NOT NULL,
  service_id        text NOT NULL,
  step_id           text NOT NULL,
  district          text NOT NULL,
  sla               text NOT NULL,
  escalated         boolean NOT NULL,
  n                 integer NOT NULL,
  PRIMARY KEY (service_id, step_id, district, holder_unit, sla, escalated, holder_kind, holder_department,
               breached_unit, breached_kind)
);

-- What a worklist counts: a holder's open tasks per SLA state, claimed or not.
CREATE TABLE open_task_counts_by_holder (
  holder  text NOT NULL,
  sla     text NOT NULL,
  claimed boolean NOT NULL,
  n       integer NOT NULL,
  PRIMARY KEY (holder, sla, claimed)
);

CREATE FUNCTION count_open_task() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted boolean := TG_OP <> 'INSERT' AND OLD.status = 'open';
  new_counted boolean := TG_OP <> 'DELETE' AND NEW.status = 'open';
BEGIN
  IF old_counted AND new_counted
     AND OLD.holder = NEW.holder AND OLD.service_id = NEW.service_id AND OLD.step_id = NEW.step_id
     AND OLD.district = NEW.district AND OLD.sla = NEW.sla
     AND (OLD.escalation_level > 0) = (NEW.escalation_level > 0)
     AND (OLD.claimed_by IS NULL) = (NEW.claimed_by IS NULL)
     AND OLD.breached_holder IS NOT DISTINCT FROM NEW.breached_holder
     AND OLD.holder_unit IS NOT DISTINCT FROM NEW.holder_unit
     AND OLD.holder_department IS NOT DISTINCT FROM NEW.holder_department
     AND OLD.breached_unit IS NOT DISTINCT FROM NEW.breached_unit THEN
    RETURN NULL;
  END IF;
  IF old_counted THEN
    UPDATE open_task_counts SET n = n - 1
     WHERE service_id = OLD.service_id AND step_id = OLD.step_id AND district = OLD.district
       AND holder_unit = coalesce(OLD.holder_unit, '') AND sla = OLD.sla
       AND escalated = (OLD.escalation_level > 0) AND holder_kind = split_part(OLD.holder, ':', 1)
       AND holder_department = coalesce(OLD.holder_department, '')
       AND breached_unit = coalesce(OLD.breached_unit, '')
       AND breached_kind = coalesce(split_part(OLD.breached_holder, ':', 1), '');
    UPDATE open_task_counts_by_holder SET n = n - 1
     WHERE holder = OLD.holder AND sla = OLD.sla AND claimed = (OLD.claimed_by IS NOT NULL);
  END IF;
  IF new_counted THEN
    INSERT INTO open_task_counts AS c (holder_kind, holder_unit, holder_department, breached_kind,
                                       breached_unit, service_id, step_id, district, sla, escalated, n)
    VALUES (split_part(NEW.holder, ':', 1), coalesce(NEW.holder_unit, ''), coalesce(NEW.holder_department, ''),
            coalesce(split_part(NEW.breached_holder, ':', 1), ''), coalesce(NEW.breached_unit, ''),
            NEW.service_id, NEW.step_id, NEW.district, NEW.sla, NEW.escalation_level > 0, 1)
    ON CONFLICT (service_id, step_id, district, holder_unit, sla, escalated, holder_kind, holder_department,
                 breached_unit, breached_kind)
    DO UPDATE SET n = c.n + 1;
    INSERT INTO open_task_counts_by_holder AS c (holder, sla, claimed, n)
    VALUES (NEW.holder, NEW.sla, NEW.claimed_by IS NOT NULL, 1)
    ON CONFLICT (holder, sla, claimed) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tasks_counted AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION count_open_task();

-- Counts every open task again: for the tasks written before the counters, and after a rebuild.
CREATE FUNCTION recount_open_tasks() RETURNS void LANGUAGE sql AS $$
  DELETE FROM open_task_counts;
  DELETE FROM open_task_counts_by_holder;
  INSERT INTO open_task_counts (holder_kind, holder_unit, holder_department, breached_kind, breached_unit,
                                service_id, step_id, district, sla, escalated, n)
  SELECT split_part(holder, ':', 1), coalesce(holder_unit, ''), coalesce(holder_department, ''),
         coalesce(split_part(breached_holder, ':', 1), ''), coalesce(breached_unit, ''), service_id, step_id,
         district, sla, escalation_level > 0, count(*)
    FROM tasks WHERE status = 'open'
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  INSERT INTO open_task_counts_by_holder (holder, sla, claimed, n)
  SELECT holder, sla, claimed_by IS NOT NULL, count(*) FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3;
$$;

SELECT recount_open_tasks();

-- Emptying the tasks (an operator starting the store again from Temporal) empties their counts.
CREATE FUNCTION forget_open_task_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM open_task_counts;
  DELETE FROM open_task_counts_by_holder;
  RETURN NULL;
END
$$;

CREATE TRIGGER tasks_emptied AFTER TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION forget_open_task_counts();

-- The breach list reads breaches newest deadline first; a worklist counts what its reader claimed.
CREATE INDEX tasks_open_by_sla ON tasks (sla, deadline, task_id) WHERE status = 'open';
CREATE INDEX tasks_open_by_claimant ON tasks (claimed_by) WHERE status = 'open' AND claimed_by IS NOT NULL;
