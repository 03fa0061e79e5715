/**
 * The applicant's token for their request, from its tracking code and secret, kept for this
 * browser tab only and for that request only.
 */
const keyOf = (code: string) => `pishkhan.citizen.${code}`;

export function citizenToken(code: string): string | undefined {
  try {
    return sessionStorage.getItem(keyOf(code)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function keepCitizenToken(code: string, token: string): void {
  sessionStorage.setItem(keyOf(code), token);
}

export function forgetCitizenToken(code: string): void {
  sessionStorage.removeItem(keyOf(code));
}
