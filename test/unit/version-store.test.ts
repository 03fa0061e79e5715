/**
 * Published versions live in the store's database: immutable, numbered without gaps or
 * overwrites, shared by every process that opens the database, on the embedded PostgreSQL and
 * on a server.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../lib/definitions/catalog';
import { VersionStore } from '../../lib/definitions/version-store';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import type { WorkStore } from '../../store/work-store';
import { fixture } from '../support/paths';
import { openTestStore, storeKinds } from '../support/test-store';

const plans = loadCatalog(fixture('services'), loadOrganisation(fixture('organisation'))).entries.map(
  (e) => e.plan,
);
const ladder = plans.find((plan) => plan.serviceId === 'ladder');
if (!ladder) throw new Error('fixture ladder missing');
const changed = { ...ladder, hash: `${ladder.hash}-changed` };

describe.each(storeKinds())('version store on the %s database', (kind) => {
  let store: WorkStore;

  beforeEach(async () => {
    store = await openTestStore(kind);
  });

  afterEach(async () => {
    await store.close();
  });

  test('when the same content is published twice, then there is one version', async () => {
    const versions = await VersionStore.open(store.db);
    const first = await versions.publish({ plan: ladder, source: 'a', by: 'x', note: '' });
    expect(first).toEqual(
      expect.objectContaining({ created: true, version: expect.objectContaining({ version: 1 }) }),
    );
    expect((await versions.publish({ plan: ladder, source: 'a', by: 'x', note: '' })).created).toBe(false);
    expect(versions.numbers('ladder')).toEqual([1]);
    expect(versions.latest('ladder')?.plan.version).toBe(1);
  });

  test('when later versions are published and one rolled back, then earlier versions stay as they were', async () => {
    const versions = await VersionStore.open(store.db);
    await versions.publish({ plan: ladder, source: 'a', by: 'x', note: 'first' });
    const before = versions.get('ladder', 1);
    await versions.publish({ plan: changed, source: 'b', by: 'x', note: '' });
    await versions.rollback('ladder', 1, 'x');

    // A process opening the database afterwards reads exactly what was published.
    const reread = await VersionStore.open(store.db);
    expect(reread.get('ladder', 1)).toEqual(before);
    expect(reread.versions('ladder').map((v) => [v.version, v.rolledBackFrom])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 1],
    ]);
    expect(reread.get('ladder', 3)?.hash).toBe(ladder.hash);
    expect(reread.get('ladder', 3)?.plan).toEqual({ ...ladder, version: 3 });
  });

  test('when another process publishes, then this one takes the next number and sees it after a refresh', async () => {
    const here = await VersionStore.open(store.db);
    const there = await VersionStore.open(store.db);
    await here.publish({ plan: ladder, source: 'a', by: 'x', note: '' });
    // The other process has not read version 1: its publication must not take that number.
    expect((await there.publish({ plan: changed, source: 'b', by: 'y', note: '' })).version.version).toBe(2);
    expect(here.numbers('ladder')).toEqual([1]);
    expect(await here.refresh()).toBe(1);
    expect(here.latest('ladder')?.publishedBy).toBe('y');
    expect(here.planByHash(changed.hash)?.version).toBe(2);
  });

  test('when versions were kept as files before, then they are brought into the database once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'published-'));
    mkdirSync(join(dir, 'ladder'));
    const old = {
      serviceId: 'ladder',
      version: 1,
      hash: ladder.hash,
      publishedAt: '2026-01-01T00:00:00.000Z',
      publishedBy: 'first start',
      note: 'published from ladder.yaml',
      source: 'a',
      plan: { ...ladder, version: 1 },
    };
    writeFileSync(join(dir, 'ladder', '00001.json'), JSON.stringify(old));
    const versions = await VersionStore.open(store.db);
    expect(await versions.importFiles(dir)).toBe(1);
    expect(await versions.importFiles(dir)).toBe(0);
    expect(versions.get('ladder', 1)).toEqual(old);
    expect((await versions.publish({ plan: changed, source: 'b', by: 'x', note: '' })).version.version).toBe(
      2,
    );
  });
});
