import { CONSUL_UNIT } from './consul-catalog';
import { MONIT_UNIT } from './supervisor';

/** The platform services every Wazo host runs: installing a service must leave them running. */
export const PLATFORM_UNITS = [CONSUL_UNIT, 'nginx.service', MONIT_UNIT];
