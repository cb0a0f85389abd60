/**
 * A value as a "got …" message shows it (JSON where it can be, else as text): one way for every
 * record's, setting's and kept quiz's problem message to quote what it was given.
 */
export function quote(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}
