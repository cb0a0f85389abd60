/**
 * What a caught value says, for the one line the UI shows: an Error's message, or the value as
 * text (a rejected promise may carry anything).
 */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
