/**
 * Whether the browser has painted since `ready` became true: work that can wait (the charts
 * below a page's first view, and their reads) starts then, so it does not take the browser's time
 * while the first view is drawn.
 */
import { useEffect, useState } from 'react';

export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The next frame is the one that shows what is ready; a task queued in it runs after its paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
