/**
 * Time to a deadline as people count it: working days or hours on the city calendar
 * ("۲ روز کاری مانده"), or days and hours of the clock for steps that run on every minute;
 * or how long past it. The date is beside it.
 */
import { useTranslation } from 'react-i18next';
import type { TimeLeft as Left, When } from '../api/types';
import { useFormat, workingTimeParts } from '../format';
import { useSession } from '../session';

const DAY_MINUTES = 24 * 60;

export function TimeLeft({ left }: { left: Left }) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const { session } = useSession();
  const working = left.clock === 'working';
  const day = working ? (session?.me.city.workingDayMinutes ?? DAY_MINUTES) : DAY_MINUTES;
  const { unit, count, past } = workingTimeParts(left.minutes, day);
  const key = `time.${past ? 'past' : 'left'}${working ? '' : 'Clock'}.${unit}`;
  return <span className={past ? 'time-left past' : 'time-left'}>{t(key, { count, n: digits(count) })}</span>;
}

export function Deadline({ deadline, left }: { deadline: When; left?: Left | undefined }) {
  const { date } = useFormat();
  return (
    <span className="deadline">
      <time dateTime={deadline.at}>{date(deadline)}</time>
      {left ? (
        <>
          {' '}
          <TimeLeft left={left} />
        </>
      ) : null}
    </span>
  );
}
