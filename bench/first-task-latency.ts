/**
 * Round trip of a new request on a running system: from `POST /api/requests` until its first
 * task shows in the assignee's worklist (start, first workflow task, routing activity,
 * visibility). Run `npm start` first; PISHKHAN_URL points elsewhere. Signs in as a clerk of
 * office o-0101 with the configured key. It polls the worklist every 5 ms, far above the
 * default rate limit: start the system with `PISHKHAN_RATE_LIMIT=1000000 npm start`.
 */
import { claimsOfPerson } from '../api/auth/people';
import { mintToken } from '../api/auth/tokens';
import { loadConfig } from '../lib/config';
import { loadOrganisation } from '../lib/organisation/load-organisation';

const base = process.env.PISHKHAN_URL ?? 'http://127.0.0.1:3000';
const rounds = Number(process.env.ROUNDS ?? 20);

const body = {
  serviceId: 'building-permit-residential',
  district: 'd01',
  intakeOffice: 'o-0101',
  applicant: { name: 'Benchmark applicant' },
  data: { parcel: 'bench/1', area: 200, floors: 2, units: 2 },
};

async function clerkToken(): Promise<string> {
  const config = loadConfig();
  const clerk = loadOrganisation(config.organisationDir).person('p-0101-clerk');
  if (!clerk) throw new Error('the organisation has no p-0101-clerk');
  return mintToken(config.auth, claimsOfPerson(clerk));
}

async function once(token: string): Promise<{ accepted: number; visible: number }> {
  const started = performance.now();
  const authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  const { trackingCode } = (await response.json()) as { trackingCode: string };
  const accepted = performance.now() - started;
  for (;;) {
    const newest = await fetch(`${base}/api/tasks?pageSize=100`, { headers: { authorization } });
    if (!newest.ok) throw new Error(`worklist answered ${newest.status}: ${await newest.text()}`);
    const list = (await newest.json()) as {
      items: { trackingCode: string }[];
    };
    if (list.items.some((item) => item.trackingCode === trackingCode)) {
      return { accepted, visible: performance.now() - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main() {
  const token = await clerkToken();
  await once(token); // warm up
  const results = [];
  for (let i = 0; i < rounds; i++) results.push(await once(token));
  const accepted = results.map((r) => r.accepted);
  const visible = results.map((r) => r.visible);
  console.log(`first request round trip on ${base}, ${rounds} rounds`);
  console.log(
    `  POST answered (201)         median ${percentile(accepted, 50).toFixed(0)} ms, p95 ${percentile(accepted, 95).toFixed(0)} ms`,
  );
  console.log(
    `  first task in the worklist  median ${percentile(visible, 50).toFixed(0)} ms, p95 ${percentile(visible, 95).toFixed(0)} ms`,
  );
}

void main();
