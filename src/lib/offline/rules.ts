// What the service worker may cache and how it answers offline: plain functions, so they are
// tested without a worker (rules.spec.ts).

export function cacheName(kind: 'course' | 'media', version: string): string {
	return `coproduction-course-${kind}-${version}`;
}

/** Live sessions need the server: never cached, and answered offline with a message. */
export function isLiveRequest(url: URL, base: string): boolean {
	const path = url.pathname.slice(base.length);
	return /^\/(live|api\/live)(\/|$)/.test(path);
}

/** Pages kept once opened rather than on the first visit: presenter decks and the component gallery. */
export function cachedOnVisit(path: string): boolean {
	return /^\/(present|components)(\/|$)/.test(path);
}

/** Video and audio files: cached only once played, not on the first visit. */
export function isMedia(pathname: string): boolean {
	return /\.(webm|mp4|m4v|mov|ogv|ogg|mp3|m4a)$/i.test(pathname);
}

export const liveOfflineMessage =
	'Live sessions need a connection. Your course, journal and certificate still work offline; join the session again when you are back online.';

export function liveOfflineResponse(request: Request): Response {
	const headers = { 'cache-control': 'no-store' };
	if (request.mode === 'navigate' || request.headers.get('accept')?.includes('text/html')) {
		const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline: live session</title><style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}a{color:#1f5f8b}</style></head><body><main><h1>Live sessions need a connection</h1><p>${liveOfflineMessage}</p><p><a href="./">Back to the course</a></p></main></body></html>`;
		return new Response(html, {
			status: 503,
			headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
		});
	}
	return new Response(JSON.stringify({ message: liveOfflineMessage }), {
		status: 503,
		headers: { ...headers, 'content-type': 'application/json' }
	});
}

/** Answers a `Range: bytes=…` request from a whole cached response, as a server would. */
export async function sliceRange(whole: Response, range: string): Promise<Response> {
	const body = await whole.arrayBuffer();
	const size = body.byteLength;
	const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
	let start = 0;
	let end = size - 1;
	if (match && (match[1] || match[2])) {
		if (match[1]) {
			start = Number(match[1]);
			if (match[2]) end = Math.min(Number(match[2]), size - 1);
		} else {
			start = Math.max(0, size - Number(match[2]));
		}
	}
	if (!match || start >= size || start > end) {
		return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
	}
	const headers = new Headers(whole.headers);
	headers.set('content-range', `bytes ${start}-${end}/${size}`);
	headers.set('content-length', String(end - start + 1));
	headers.set('accept-ranges', 'bytes');
	return new Response(body.slice(start, end + 1), { status: 206, headers });
}
