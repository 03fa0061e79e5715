/**
 * The workflows the worker registers: one interpreter runs every service; the licence
 * registry holds the offices' licences.
 */
export { licenceRegistry } from './licence-registry';
export { serviceRequest } from './service-request';
