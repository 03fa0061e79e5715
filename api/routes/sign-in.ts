/**
 * Signing in. In development a person of the organisation is chosen from a list and handed a
 * token, with no password: both operations are refused when NODE_ENV=production, where staff
 * sign in at the city's identity provider (OpenID Connect) instead. `GET /api/sign-in` tells
 * the web app which way applies; `GET /api/me` says who a token is and what they work on.
 */
import { Router } from 'express';
import { nominalDayMs } from '../../lib/calendar/working-time';
import type { Organisation } from '../../lib/organisation/organisation';
import type { Person } from '../../lib/generated/organisation';
import type { Title } from '../../lib/plan/types';
import type { Actor } from '../auth/actor';
import { claimsOfPerson } from '../auth/people';
import { mintToken } from '../auth/tokens';
import type { ApiContext } from '../context';
import { ProblemError } from '../problem';
import { pathText } from '../schemas';
import * as answer from '../sign-in-answers';

const STAFF_TOKEN_SECONDS = 8 * 3600;
const MINUTE_MS = 60_000;

const inProduction = () => process.env.NODE_ENV === 'production';

function refuseInProduction(): void {
  if (inProduction())
    throw new ProblemError(
      'forbidden',
      "Choosing a person without a password is for development only; sign in at the city's identity provider.",
    );
}

/** The office or department (in its district) a person works in. */
function unitOf(
  binding: { office?: string; department?: string; district?: string },
  org: Organisation,
): Title | undefined {
  if (binding.office) return org.office(binding.office)?.title;
  if (!binding.department) return undefined;
  const department = org.department(binding.department);
  if (!department) return undefined;
  if (!department.perDistrict) return department.title;
  return binding.district ? org.departmentInstance(department.id, binding.district).title : department.title;
}

/** The districts a person takes requests in: their office's, their unit's, or the whole city's. */
function districtsOf(actor: Actor, org: Organisation): string[] {
  if (actor.office) return org.office(actor.office)?.districts ?? [];
  if (actor.department && org.department(actor.department)?.perDistrict && actor.district)
    return [actor.district];
  return org.districtIds();
}

function personEntry(person: Person, org: Organisation) {
  const claims = claimsOfPerson(person);
  return {
    id: person.id,
    name: person.name,
    role: claims.role,
    unit: unitOf(claims, org) ?? org.file.city.title,
  };
}

export function signInRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, org, auth } = ctx;
  const tag = 'Sign-in';

  registry.mount(
    router,
    {
      id: 'getSignInOptions',
      method: 'get',
      path: '/api/sign-in',
      tag,
      summary: 'How staff sign in here',
      description:
        'Outside production, by choosing a person (`/api/sign-in/people`); with an identity provider configured, at the provider with the authorization code flow and PKCE, as the client named here. Citizens open their request with its tracking code and secret.',
      access: 'public',
      responses: { 200: { description: 'The ways to sign in', schema: answer.signInOptions } },
    },
    () => ({
      body: {
        development: !inProduction(),
        ...(auth.oidc
          ? { oidc: { issuer: auth.oidc.issuer, clientId: auth.oidc.clientId, scope: auth.oidc.scope } }
          : {}),
      },
    }),
  );

  registry.mount(
    router,
    {
      id: 'listPeopleToSignIn',
      method: 'get',
      path: '/api/sign-in/people',
      tag,
      summary: 'The people of the organisation, to sign in as one (development only)',
      description: 'Refused when NODE_ENV=production.',
      access: 'public',
      responses: { 200: { description: 'The people, with their role and unit', schema: answer.people } },
      problems: ['forbidden'],
    },
    () => {
      refuseInProduction();
      const items = org.people().map((person) => personEntry(person, org));
      return { body: { total: items.length, items } };
    },
  );

  registry.mount(
    router,
    {
      id: 'signInAsPerson',
      method: 'post',
      path: '/api/sign-in/people/{personId}/token',
      tag,
      summary: 'A token for a person of the organisation, without a password (development only)',
      description: 'Refused when NODE_ENV=production. The token lasts eight hours.',
      access: 'public',
      params: { personId: pathText },
      responses: { 200: { description: 'A bearer token for the person', schema: answer.staffToken } },
      problems: ['forbidden', 'not-found'],
    },
    async (call) => {
      refuseInProduction();
      const person = org.person(String(call.params.personId));
      if (!person) throw new ProblemError('not-found', `There is no person '${call.params.personId}'.`);
      const token = await mintToken(auth, claimsOfPerson(person), STAFF_TOKEN_SECONDS);
      return { body: { token, expiresIn: STAFF_TOKEN_SECONDS } };
    },
  );

  registry.mount(
    router,
    {
      id: 'whoAmI',
      method: 'get',
      path: '/api/me',
      tag,
      summary: 'Who the token is: role, unit, the districts they take requests in, and the city',
      access: 'signed-in',
      responses: { 200: { description: 'The signed-in person or applicant', schema: answer.me } },
    },
    (call) => {
      const actor = call.actor as Actor;
      const unit = unitOf(actor, org);
      return {
        body: {
          ...actor,
          ...(unit ? { unit } : {}),
          districts: districtsOf(actor, org).map((id) => ({
            id,
            title: org.district(id)?.title ?? { fa: id, en: id },
          })),
          city: {
            title: org.file.city.title,
            workingDayMinutes: Math.round(nominalDayMs(org.calendar) / MINUTE_MS),
          },
        },
      };
    },
  );

  return router;
}
