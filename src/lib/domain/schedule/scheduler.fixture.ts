/** The scheduler the unit tests share: fuzz off, so intervals are exact and a test can state them. */
import { createScheduler, DEFAULT_SCHEDULER_PARAMS } from './scheduler';

export const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_PARAMS, enableFuzz: false });
