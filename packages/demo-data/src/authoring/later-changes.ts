import type { LaterChange } from './later-change.js';
import { DESIGN_AND_SITE_CHANGES } from './later-changes-design-sites.js';
import { STATUS_AND_DATE_CHANGES } from './later-changes-status-dates.js';

/**
 * Today's records: the later statuses of /work/shared/domain/README.md (NCT05387603, NCT04525638, COMPOSE,
 * ACTION-1) and illustrative changes covering every kind of change the pipeline detects.
 */
export const LATER_CHANGES: LaterChange[] = [...STATUS_AND_DATE_CHANGES, ...DESIGN_AND_SITE_CHANGES];
