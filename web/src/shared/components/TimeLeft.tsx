/** Working time to a deadline, as "۲ روز کاری مانده", or how long past it; the date beside it. */
import { useTranslation } from 'react-i18next';
import type { When } from '../api/types';
import { useFormat, workingTimeParts } from '../format';
import { useSession } from '../session';

const DAY_MINUTES_FALLBACK = 420;

export function WorkingTimeLeft({ workingMinutes }: { workingMinutes: number }) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const { session } = useSession();
  const day = session?.me.city.workingDayMinutes ?? DAY_MINUTES_FALLBACK;
  const { unit, count, past } = workingTimeParts(workingMinutes, day);
  return (
    <span className={past ? 'time-left past' : 'time-left'}>
      {t(`time.${past ? 'past' : 'left'}.${unit}`, { count, n: digits(count) })}
    </span>
  );
}

export function Deadline({
  deadline,
  left,
}: {
  deadline: When;
  left?: { workingMinutes: number } | undefined;
}) {
  const { date } = useFormat();
  return (
    <span className="deadline">
      <time dateTime={deadline.at}>{date(deadline)}</time>
      {left ? (
        <>
          {' '}
          <WorkingTimeLeft workingMinutes={left.workingMinutes} />
        </>
      ) : null}
    </span>
  );
}
