/**
 * What the browser benches share: the session a person's reload finds (the token and who it is,
 * as the sign-in page keeps them), so a timed navigation starts signed in; and the median.
 */
import { claimsOfPerson } from '../api/auth/people';
import type { Harness } from '../test/support/harness';

/** A script that puts a person's session where the web app looks for it, before any page script runs. */
export async function sessionScript(system: Harness, personId: string): Promise<string> {
  const person = system.organisation.person(personId);
  if (!person) throw new Error(`the organisation has no ${personId}`);
  const claims = claimsOfPerson(person);
  const token = await system.token(claims);
  const me = (await system.as(claims).get('/api/me')).body as unknown;
  const session = JSON.stringify({ token, via: 'development', me });
  return `sessionStorage.setItem('pishkhan.session', ${JSON.stringify(session)})`;
}

export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
