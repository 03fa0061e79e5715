/**
 * Reads an API resource into a page: the answer, the problem if it failed, and a way to read
 * it again after a change. While a new path loads, the last answer stays on screen.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type CallOptions } from './api/client';
import { takeEarly } from './api/early-reads';
import { ApiProblem } from './api/problem';

export interface Resource<T> {
  data: T | undefined;
  problem: ApiProblem | undefined;
  loading: boolean;
  reload: () => void;
}

interface Answer<T> {
  /** The read this answers: path, token and round. */
  key: string;
  data?: T;
  problem?: ApiProblem;
}

export function useApi<T>(path: string | undefined, options: Omit<CallOptions, 'signal'> = {}): Resource<T> {
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>();
  const [last, setLast] = useState<T>();
  const token = options.token;
  const key = path === undefined ? undefined : `${path}\n${token ?? ''}\n${round}`;

  useEffect(() => {
    if (path === undefined || key === undefined) return;
    const controller = new AbortController();
    // A read the app started on opening, with the session's token, answers the first ask.
    const started = token ? undefined : takeEarly<T>(path);
    (started ?? api.get<T>(path, { signal: controller.signal, ...(token ? { token } : {}) }))
      .then((data) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, data });
        setLast(data);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {});
        setAnswer({ key, problem });
      });
    return () => controller.abort();
  }, [path, token, key]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const current = answer?.key === key ? answer : undefined;
  return {
    data: current?.data ?? last,
    problem: current?.problem,
    loading: key !== undefined && current === undefined,
    reload,
  };
}
