// Asking the browser to keep the course's storage, and knowing where it may not. Tiny and
// framework-free: the lesson-complete panel and the dashboard call it.

interface StorageNavigator {
	userAgent: string;
	maxTouchPoints?: number;
	platform?: string;
	storage?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> };
}

/**
 * Safari on iPhone and iPad (every iOS browser is Safari's engine) deletes script-written storage
 * after 7 days of use without a visit, unless the site is added to the Home Screen. iPadOS reports
 * itself as a Mac with touch points.
 */
export function clearedByBrowser(nav: StorageNavigator, standalone = isStandalone()): boolean {
	const ios =
		/iPhone|iPad|iPod/.test(nav.userAgent) ||
		(/Macintosh/.test(nav.userAgent) && (nav.maxTouchPoints ?? 0) > 1);
	return ios && !standalone;
}

function isStandalone(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
}

/**
 * Asks once per visit for persistent storage: granted, the browser does not clear it under
 * pressure or after a week. Resolves to whether the storage is persistent; never throws.
 */
let asked: Promise<boolean> | undefined;
export function keepStorage(nav: StorageNavigator): Promise<boolean> {
	asked ??= (async () => {
		try {
			if (!nav.storage?.persist) return false;
			if (await nav.storage.persisted?.()) return true;
			return await nav.storage.persist();
		} catch {
			return false;
		}
	})();
	return asked;
}
