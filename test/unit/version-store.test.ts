/**
 * Published versions are immutable and numbered without gaps or overwrites.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../lib/definitions/catalog';
import { VersionStore } from '../../lib/definitions/version-store';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { fixture } from '../support/paths';

const plans = loadCatalog(fixture('services'), loadOrganisation(fixture('organisation'))).entries.map(
  (e) => e.plan,
);
const ladder = plans.find((plan) => plan.serviceId === 'ladder');
if (!ladder) throw new Error('fixture ladder missing');
const changed = { ...ladder, hash: `${ladder.hash}-changed` };

describe('version store', () => {
  test('when the same content is published twice, then there is one version', () => {
    const store = new VersionStore(mkdtempSync(join(tmpdir(), 'store-')));
    expect(store.publish({ plan: ladder, source: 'a', by: 'x', note: '' })).toEqual(
      expect.objectContaining({ created: true, version: expect.objectContaining({ version: 1 }) }),
    );
    expect(store.publish({ plan: ladder, source: 'a', by: 'x', note: '' }).created).toBe(false);
    expect(store.numbers('ladder')).toEqual([1]);
    expect(store.latest('ladder')?.plan.version).toBe(1);
  });

  test('when later versions are published, then earlier files are never written again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const store = new VersionStore(dir);
    store.publish({ plan: ladder, source: 'a', by: 'x', note: '' });
    const first = statSync(join(dir, 'ladder', '00001.json')).mtimeMs;
    store.publish({ plan: changed, source: 'b', by: 'x', note: '' });
    store.rollback('ladder', 1, 'x');
    expect(statSync(join(dir, 'ladder', '00001.json')).mtimeMs).toBe(first);
    expect(store.versions('ladder').map((v) => [v.version, v.rolledBackFrom])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 1],
    ]);
    expect(store.get('ladder', 3)?.hash).toBe(ladder.hash);
  });

  test('when another publisher took the next number first, then publishing takes the one after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const store = new VersionStore(dir);
    store.publish({ plan: ladder, source: 'a', by: 'x', note: '' });
    const other = new VersionStore(dir);
    // The other process has just written version 2 between our read and our write.
    writeFileSync(
      join(dir, 'ladder', '00002.json'),
      JSON.stringify({
        ...store.get('ladder', 1),
        version: 2,
        hash: 'other',
        plan: { ...ladder, version: 2, hash: 'other' },
      }),
    );
    expect(store.publish({ plan: changed, source: 'b', by: 'x', note: '' }).version.version).toBe(3);
    expect(other.numbers('ladder')).toEqual([1, 2, 3]);
  });
});
