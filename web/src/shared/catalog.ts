/**
 * The published services (GET /api/definitions), read once per visit and shared by the pages
 * that name services or offer them, and the plan of one service version, for its forms.
 */
import { useEffect, useState } from 'react';
import { api } from './api/client';
import type { Definition, DefinitionSummary, Plan } from './api/types';
import { useApi } from './use-api';

let services: Promise<DefinitionSummary[]> | undefined;

export function loadServices(): Promise<DefinitionSummary[]> {
  services ??= api
    .get<{ items: DefinitionSummary[] }>('/api/definitions')
    .then((answer) => answer.items)
    .catch((error: unknown) => {
      services = undefined;
      throw error;
    });
  return services;
}

export function useServices(): DefinitionSummary[] | undefined {
  const [list, setList] = useState<DefinitionSummary[]>();
  useEffect(() => {
    let live = true;
    loadServices().then(
      (items) => live && setList(items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/** The plan of a service: a given version (what a request runs on), or the latest. */
export function usePlan(serviceId: string | undefined, version?: number) {
  const path = !serviceId
    ? undefined
    : version
      ? `/api/definitions/${encodeURIComponent(serviceId)}/versions/${version}`
      : `/api/definitions/${encodeURIComponent(serviceId)}`;
  const resource = useApi<Definition | { plan: Plan }>(path);
  return { ...resource, plan: resource.data?.plan };
}
