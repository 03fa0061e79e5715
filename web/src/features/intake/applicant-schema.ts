/**
 * Who the applicant is, as the API takes it: the `applicant` part of the start call's body,
 * read from the OpenAPI document the API publishes, so the form asks exactly what it checks.
 */
import type { JsonSchema } from '../../shared/api/types';
import { useApi } from '../../shared/use-api';

interface OpenApi {
  paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } }>;
}

export function useApplicantSchema(): JsonSchema | undefined {
  const document = useApi<OpenApi>('/api/openapi.json').data;
  const body = document?.paths['/api/requests']?.post?.requestBody?.content?.['application/json']?.schema;
  const properties = body?.properties as Record<string, JsonSchema> | undefined;
  return properties?.applicant;
}
