/**
 * The draft as the server sees it, a moment after each change: its located problems, or its
 * diagram and its changes against the published version (POST /api/design/check). An answer to an
 * older text never replaces the answer to a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api/client';
import type { DraftCheck } from '../../shared/api/oversight-types';
import { ApiProblem } from '../../shared/api/problem';

const PAUSE_MS = 400;

export function useDraftCheck(source: string | undefined) {
  const [answer, setAnswer] = useState<{ source: string; check?: DraftCheck; problem?: ApiProblem }>();
  const round = useRef(0);

  useEffect(() => {
    if (!source) return;
    const mine = ++round.current;
    const timer = window.setTimeout(() => {
      api
        .post<DraftCheck>('/api/design/check', { source })
        .then((check) => mine === round.current && setAnswer({ source, check }))
        .catch((error: unknown) => {
          if (mine !== round.current) return;
          const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {});
          setAnswer((last) => ({ source, ...(last?.check ? { check: last.check } : {}), problem }));
        });
    }, PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [source]);

  return {
    check: answer?.check,
    problem: answer?.problem,
    checking: source !== undefined && answer?.source !== source,
  };
}
