-- Open tasks counted per unit only, without service, step and district: the SLA summaries by
-- office and by department, which read every unit of the city at once, then read a few thousand
-- counters instead of one per unit, service, step and district. Kept by its own trigger in the
-- same transaction as the task's row; empty text stands for no value, as in open_task_counts.
CREATE TABLE open_task_counts_by_unit (
  holder_kind       text NOT NULL,
  holder_unit       text NOT NULL,
  holder_department text NOT NULL,
  breached_kind     text NOT NULL,
  breached_unit     text NOT NULL,
  sla               text NOT NULL,
  escalated         boolean NOT NULL,
  n                 integer NOT NULL,
  PRIMARY KEY (holder_unit, breached_unit, sla, escalated, holder_kind, holder_department, breached_kind)
);

CREATE FUNCTION count_open_task_by_unit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted boolean := TG_OP <> 'INSERT' AND OLD.status = 'open';
  new_counted boolean := TG_OP <> 'DELETE' AND NEW.status = 'open';
BEGIN
  IF old_counted AND new_counted
     AND split_part(OLD.holder, ':', 1) = split_part(NEW.holder, ':', 1) AND OLD.sla = NEW.sla
     AND (OLD.escalation_level > 0) = (NEW.escalation_level > 0)
     AND OLD.breached_holder IS NOT DISTINCT FROM NEW.breached_holder
     AND OLD.holder_unit IS NOT DISTINCT FROM NEW.holder_unit
     AND OLD.holder_department IS NOT DISTINCT FROM NEW.holder_department
     AND OLD.breached_unit IS NOT DISTINCT FROM NEW.breached_unit THEN
    RETURN NULL;
  END IF;
  IF old_counted THEN
    UPDATE open_task_counts_by_unit SET n = n - 1
     WHERE holder_unit = coalesce(OLD.holder_unit, '') AND breached_unit = coalesce(OLD.breached_unit, '')
       AND sla = OLD.sla AND escalated = (OLD.escalation_level > 0)
       AND holder_kind = split_part(OLD.holder, ':', 1)
       AND holder_department = coalesce(OLD.holder_department, '')
       AND breached_kind = coalesce(split_part(OLD.breached_holder, ':', 1), '');
  END IF;
  IF new_counted THEN
    INSERT INTO open_task_counts_by_unit AS c (holder_kind, holder_unit, holder_department, breached_kind,
                                               breached_unit, sla, escalated, n)
    VALUES (split_part(NEW.holder, ':', 1), coalesce(NEW.holder_unit, ''), coalesce(NEW.holder_department, ''),
            coalesce(split_part(NEW.breached_holder, ':', 1), ''), coalesce(NEW.breached_unit, ''),
            NEW.sla, NEW.escalation_level > 0, 1)
    ON CONFLICT (holder_unit, breached_unit, sla, escalated, holder_kind, holder_department, breached_kind)
    DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tasks_counted_by_unit AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION count_open_task_by_unit();

-- A recount (after a rebuild) and an emptied tasks table now cover these counters too.
CREATE OR REPLACE FUNCTION recount_open_tasks() RETURNS void LANGUAGE sql AS $$
  DELETE FROM open_task_counts;
  DELETE FROM open_task_counts_by_holder;
  DELETE FROM open_task_counts_by_unit;
  INSERT INTO open_task_counts (holder_kind, holder_unit, holder_department, breached_kind, breached_unit,
                                service_id, step_id, district, sla, escalated, n)
  SELECT split_part(holder, ':', 1), coalesce(holder_unit, ''), coalesce(holder_department, ''),
         coalesce(split_part(breached_holder, ':', 1), ''), coalesce(breached_unit, ''), service_id, step_id,
         district, sla, escalation_level > 0, count(*)
    FROM tasks WHERE status = 'open'
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  INSERT INTO open_task_counts_by_holder (holder, sla, claimed, n)
  SELECT holder, sla, claimed_by IS NOT NULL, count(*) FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3;
  INSERT INTO open_task_counts_by_unit (holder_kind, holder_unit, holder_department, breached_kind,
                                        breached_unit, sla, escalated, n)
  SELECT holder_kind, holder_unit, holder_department, breached_kind, breached_unit, sla, escalated, sum(n)
    FROM open_task_counts
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
$$;

CREATE OR REPLACE FUNCTION forget_open_task_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM open_task_counts;
  DELETE FROM open_task_counts_by_holder;
  DELETE FROM open_task_counts_by_unit;
  RETURN NULL;
END
$$;

SELECT recount_open_tasks();
