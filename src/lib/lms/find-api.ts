// The standard SCORM API discovery (ADL's "API discovery algorithm"): climb the parent frames,
// then do the same from the window that opened this one. Frames from another origin throw on
// access; they are skipped, not fatal.

const maxDepth = 10;

function climb<T>(start: Window | null, name: string): T | null {
	let win = start;
	for (let depth = 0; win && depth <= maxDepth; depth++) {
		try {
			const api = (win as unknown as Record<string, unknown>)[name];
			if (api && typeof api === 'object') return api as T;
		} catch {
			// Another origin: keep climbing, an LMS frame may sit above it.
		}
		if (win.parent === win) break;
		win = win.parent;
	}
	return null;
}

export function findApi<T>(name: 'API' | 'API_1484_11', from: Window = window): T | null {
	const own = from.parent !== from ? climb<T>(from.parent, name) : null;
	if (own) return own;
	let opener: Window | null;
	try {
		opener = from.opener as Window | null;
	} catch {
		return null;
	}
	return opener ? climb<T>(opener, name) : null;
}
