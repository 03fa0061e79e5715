/**
 * Licence changes: only a renewal moves a licence's last day, forward and by no more than the
 * city's term; a suspension or reinstatement keeps it; a licence the file issues without saying
 * since when has no made-up grant in its history.
 */
import { MAX_RENEWAL_YEARS, validUntilProblem } from '../../lib/organisation/licences';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';

const licence = { validUntil: '2026-03-20' };
const today = '2025-11-30';

describe('last day of validity', () => {
  test('when a suspension or reinstatement names a last day, then it is refused: the licence keeps its own', () => {
    expect(validUntilProblem({ action: 'suspend', validUntil: '2040-01-01' }, licence, today)).toMatch(
      /only a renewal sets a new last day.*suspended/,
    );
    expect(validUntilProblem({ action: 'reinstate', validUntil: '2020-01-01' }, licence, today)).toMatch(
      /only a renewal.*reinstated/,
    );
    expect(validUntilProblem({ action: 'suspend' }, licence, today)).toBeUndefined();
  });

  test('when a renewal names no day, a day past, or more than the term ahead, then it says which; within the term it passes', () => {
    expect(validUntilProblem({ action: 'renew' }, licence, today)).toMatch(/names its new last day/);
    expect(validUntilProblem({ action: 'renew', validUntil: today }, licence, today)).toMatch(
      /has come already/,
    );
    expect(validUntilProblem({ action: 'renew', validUntil: '2031-03-21' }, licence, today)).toMatch(
      new RegExp(`at most ${MAX_RENEWAL_YEARS} years beyond 2026-03-20, until 2031-03-20`),
    );
    expect(validUntilProblem({ action: 'renew', validUntil: '2031-03-20' }, licence, today)).toBeUndefined();
    // A licence that has run out is renewed from today.
    expect(
      validUntilProblem({ action: 'renew', validUntil: '2030-12-01' }, { validUntil: '2024-01-01' }, today),
    ).toMatch(/beyond 2025-11-30/);
  });

  test('when the file issues a licence without saying since when, then its history starts empty, not with a grant dated at its expiry', () => {
    const org = loadOrganisation(repoPath('definitions/organisation'));
    const undated = org
      .officeIds()
      .map((id) => org.office(id))
      .find((office) => office !== undefined && office.licence.since === undefined);
    if (!undated) throw new Error('every office has a since');
    expect(org.licenceOf(undated).history).toEqual([]);
  });
});
