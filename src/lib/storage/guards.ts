/**
 * The quick checks storage runs on every read and write of the review: the hand-written guards
 * of ../domain/record-guards.ts, no valibot. A record that fails one goes to the full check of
 * records.ts (valibot, migrations), loaded only then, which gives the reason for its quarantine.
 */
import { isDayCount, isReviewRecord, isStoredCard } from '../domain/record-guards';
import { validateSettings } from '../domain/settings';

export const SCHEMA_VERSION = 2;

export interface Meta {
	schemaVersion: number;
	/** When this database was first written (epoch ms). */
	createdAt: number;
}

/** A record that failed validation, kept aside instead of being dropped. */
export interface QuarantinedRecord {
	/** The original key, as JSON (e.g. `["card","q1"]`). */
	key: string;
	value: unknown;
	reason: string;
	at: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is a readable meta record (the rules of `MetaSchema`). */
export function isMeta(value: unknown): value is Meta {
	if (!isRecord(value)) return false;
	const { schemaVersion, createdAt } = value;
	return (
		Number.isInteger(schemaVersion) && (schemaVersion as number) >= 0 && Number.isInteger(createdAt)
	);
}

/**
 * The value to use for the current-schema record stored under `key` when it passes the quick
 * check, else undefined: then `checkRecord` (records.ts) decides, and says why.
 */
export function quickCheck(key: IDBValidKey, value: unknown): unknown {
	if (key === 'settings') {
		const result = validateSettings(value);
		return result.ok ? result.settings : undefined;
	}
	if (!Array.isArray(key)) return undefined;
	switch (key[0]) {
		case 'card':
			return isStoredCard(value) && value.id === key[1] ? value : undefined;
		case 'log':
			return isReviewRecord(value) ? value : undefined;
		case 'day':
			return isDayCount(value) ? value : undefined;
		default:
			return undefined;
	}
}
