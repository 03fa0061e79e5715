/**
 * The progress of long work as a person sees it: on a terminal one line redrawn in place, in a
 * log a line at each tenth; both say how many of how many, the time taken and about how long is left.
 */
import { duration, Progress } from '../../cli/progress';

/** An output that keeps what is written, and a clock that moves only when told. */
function setup(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  const progress = new Progress(
    'Seeding the demo',
    'requests',
    300,
    { write: (t: string) => written.push(t), isTTY },
    () => now,
  );
  return { written, progress, tick: (ms: number) => (now += ms) };
}

test('when the output is a log, then progress writes one line at each tenth, with what is left', () => {
  const { written, progress, tick } = setup(false);
  for (let done = 1; done <= 300; done++) {
    tick(200);
    progress.update(done);
  }
  expect(progress.finish()).toBe(60_000);
  expect(written).toHaveLength(10);
  expect(written[0]).toBe(
    'Seeding the demo [##......................] 30/300 requests, 6 s, about 54 s left\n',
  );
  expect(written[4]).toBe(
    'Seeding the demo [############............] 150/300 requests, 30 s, about 30 s left\n',
  );
  expect(written[9]).toBe('Seeding the demo [########################] 300/300 requests, 1 min 00 s\n');
});

test('when the output is a terminal, then the bar is redrawn in place and taken away at the end', () => {
  const { written, progress, tick } = setup(true);
  tick(1_000);
  progress.update(1);
  expect(written.at(-1)).toBe(
    '\r\x1b[KSeeding the demo [........................] 1/300 requests, 1 s, about 4 min 59 s left',
  );
  expect(written.every((text) => !text.includes('\n'))).toBe(true);
  progress.finish();
  expect(written.at(-1)).toBe('\r\x1b[K');
});

test('when a duration is shown, then it is in seconds, or minutes and seconds past a minute', () => {
  expect(duration(0)).toBe('0 s');
  expect(duration(59_400)).toBe('59 s');
  expect(duration(125_000)).toBe('2 min 05 s');
});
