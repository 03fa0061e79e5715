/**
 * Signing in at the city's identity provider: OpenID Connect's authorization code flow with
 * PKCE (oidc-client-ts), as the client the API names. The provider's access token is the
 * bearer token the API verifies against the provider's keys.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { SignInOptions } from '../../shared/api/types';

export function userManager(oidc: NonNullable<SignInOptions['oidc']>): UserManager {
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: `${window.location.origin}/sign-in/callback`,
    post_logout_redirect_uri: `${window.location.origin}/sign-in`,
    response_type: 'code',
    scope: oidc.scope,
    loadUserInfo: false,
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
