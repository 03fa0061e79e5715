/**
 * Round trip of a new request on a running system: from `POST /api/requests` until its first
 * task shows in the assignee's worklist (start, first workflow task, routing activity,
 * visibility). Run `npm start` first; PISHKHAN_URL points elsewhere.
 */
const base = process.env.PISHKHAN_URL ?? 'http://127.0.0.1:3000';
const rounds = Number(process.env.ROUNDS ?? 20);

const body = {
  serviceId: 'building-permit-residential',
  district: 'd01',
  intakeOffice: 'o-0101',
  applicant: { name: 'Benchmark applicant' },
  data: { parcel: 'bench/1', area: 200, floors: 2, units: 2 },
};

async function once(): Promise<{ accepted: number; visible: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const { trackingCode } = (await response.json()) as { trackingCode: string };
  const accepted = performance.now() - started;
  for (;;) {
    const list = (await (await fetch(`${base}/api/tasks?assignee=office:o-0101`)).json()) as {
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
  await once(); // warm up
  const results = [];
  for (let i = 0; i < rounds; i++) results.push(await once());
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
