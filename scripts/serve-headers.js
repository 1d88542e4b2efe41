// The headers every response of the course carries, prerendered files included (scripts/serve.js
// applies them). Kept apart from the server so that they can be tested without one.

/**
 * Who may show the course in a frame, as CSP frame-ancestors sources. FRAME_ANCESTORS="'none'" by
 * default; an LMS that frames the course is listed by origin, e.g. "https://lms.example.org".
 * X-Frame-Options cannot name an origin, so it is only sent while framing is refused entirely.
 */
export function frameAncestors(value = process.env.FRAME_ANCESTORS) {
	const sources = (value ?? '').trim().split(/\s+/).filter(Boolean);
	const safe = sources.filter((s) => /^('none'|'self'|https?:\/\/[a-z0-9.*:-]+|https?:)$/i.test(s));
	return safe.length > 0 ? safe.join(' ') : "'none'";
}

const openerPolicy = (value = process.env.OPENER_POLICY) =>
	['same-origin', 'same-origin-allow-popups', 'unsafe-none'].includes(value ?? '')
		? value
		: 'same-origin';

/** Downloads whose prerendered copies would otherwise go out with an empty content type. */
const downloads = {
	ris: 'application/x-research-info-systems; charset=utf-8',
	bib: 'application/x-bibtex; charset=utf-8'
};

/** Paths whose answers carry a session's state or tokens: never stored by a browser or a proxy. */
const privatePath = /^\/(live\/|api\/live\/)/;

/**
 * The headers to add to one response. `existing` is what the app already set (a lower-case name
 * → value map); the result only adds to it or, for the CSP, adds a second policy, which browsers
 * enforce together with SvelteKit's own.
 */
export function securityHeaders(pathname, existing, ancestors = frameAncestors()) {
	const out = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': privatePath.test(pathname)
			? 'no-referrer'
			: 'strict-origin-when-cross-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
		// An LMS that launches the course in a pop-up finds the SCORM API through window.opener,
		// which same-origin cuts: such a deployment sets OPENER_POLICY=unsafe-none.
		'cross-origin-opener-policy': openerPolicy(),
		'x-frame-options': ancestors === "'none'" ? 'DENY' : undefined
	};
	// frame-ancestors, base-uri and form-action cannot go in SvelteKit's <meta> policy of a
	// prerendered page, so this header carries them for every response.
	const edge = `frame-ancestors ${ancestors}; base-uri 'self'; form-action 'self'; object-src 'none'`;
	const csp = existing['content-security-policy'];
	out['content-security-policy'] = csp ? [].concat(csp, edge) : edge;
	if (privatePath.test(pathname) && !/no-store/.test(String(existing['cache-control'] ?? '')))
		out['cache-control'] = 'private, no-store';
	const ext = /\.(ris|bib)$/.exec(pathname)?.[1];
	if (ext && pathname.startsWith('/readings/export/')) {
		out['content-type'] = downloads[ext];
		out['content-disposition'] = `attachment; filename="${pathname.split('/').pop()}"`;
	}
	for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
	return out;
}
