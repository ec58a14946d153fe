/** What callers who may not see a verify code get instead; the contract keeps the field non-null (DOMAIN §9.3). */
export const MASKED_VERIFY_CODE = "******";

/**
 * The certificate an enrollment stands for when it has several (one revoked, then reissued):
 * a valid one before a revoked one, then the latest issued.
 */
export function currentCertificate<C extends { id: string; issuedAt: Date; revoked: boolean }>(certificates: readonly C[]): C | null {
  let best: C | null = null;
  for (const c of certificates) {
    if (!best || rank(c) > rank(best) || (rank(c) === rank(best) && later(c, best))) best = c;
  }
  return best;
}

const rank = (c: { revoked: boolean }) => (c.revoked ? 0 : 1);
const later = (a: { id: string; issuedAt: Date }, b: { id: string; issuedAt: Date }) =>
  a.issuedAt.getTime() > b.issuedAt.getTime() || (a.issuedAt.getTime() === b.issuedAt.getTime() && a.id > b.id);
