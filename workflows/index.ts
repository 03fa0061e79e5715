/**
 * The workflows the worker registers. One interpreter runs every service.
 */
export { serviceRequest } from './service-request';
