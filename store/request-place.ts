/**
 * Where a request belongs (its service, domain and district), which never changes after its
 * start: read from the work store, so a manager's move is checked without asking the request.
 */
import type { Queryable } from './database';

export interface RequestPlace {
  serviceId: string;
  domain: string;
  district: string;
}

export async function requestPlace(db: Queryable, trackingCode: string): Promise<RequestPlace | undefined> {
  const [row] = await db.query<{ service_id: string; domain: string; district: string }>(
    'SELECT service_id, domain, district FROM requests WHERE tracking_code = $1',
    [trackingCode],
  );
  return row ? { serviceId: row.service_id, domain: row.domain, district: row.district } : undefined;
}
