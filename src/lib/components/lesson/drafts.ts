// Work in progress that is not progress yet: a quiz's chosen answers before they are submitted, the
// explainer's place. Kept in this tab's sessionStorage, so a reload (or a phone discarding the tab)
// brings it back, and closing the tab forgets it: nothing here is the learner's saved record.

const prefix = 'coproduction-course:draft:';

export function readDraft<T>(key: string, valid: (value: unknown) => value is T): T | undefined {
	try {
		const raw = sessionStorage.getItem(prefix + key);
		if (raw === null) return undefined;
		const value: unknown = JSON.parse(raw);
		return valid(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Best effort: a draft that cannot be kept is only a convenience lost. */
export function writeDraft(key: string, value: unknown): void {
	try {
		sessionStorage.setItem(prefix + key, JSON.stringify(value));
	} catch {
		// Storage full or blocked: the draft stays on screen for this visit.
	}
}

export function clearDraft(key: string): void {
	try {
		sessionStorage.removeItem(prefix + key);
	} catch {
		// As above.
	}
}
