/**
 * Limits the API holds requests to.
 */

/** Bodies beyond this are refused with 413 before they are parsed. */
export const BODY_LIMIT = '256kb';
