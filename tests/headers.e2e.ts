// The security headers of issue 15 on every response of the course: each crawled page (prerendered
// or not), the assets and downloads, the 404 page, and every live-session route, including their
// errors. The server is the e2e webServer (scripts/serve.js, FRAME_ANCESTORS unset).
// On the commit the security review measured (d86c010) no response had any of these headers.
import { expect, test, type APIResponse } from '@playwright/test';
import { discoverRoutes } from './routes';

type Headers = Record<string, string[]>;

function headersOf(response: APIResponse | Response): Headers {
	const out: Headers = {};
	const add = (name: string, value: string) => (out[name.toLowerCase()] ??= []).push(value);
	if (response instanceof Response) response.headers.forEach((value, name) => add(name, value));
	else for (const { name, value } of response.headersArray()) add(name, value);
	return out;
}

const one = (h: Headers, name: string) => (h[name] ?? []).join(', ');

/** What every response carries, whatever wrote it. */
function expectEdgeHeaders(label: string, h: Headers) {
	const csp = (h['content-security-policy'] ?? []).join('\n');
	expect(csp, `${label}: CSP`).toContain("frame-ancestors 'none'");
	expect(csp, `${label}: CSP`).toContain("base-uri 'self'");
	expect(csp, `${label}: CSP`).toContain("form-action 'self'");
	expect(csp, `${label}: CSP`).toContain("object-src 'none'");
	expect(one(h, 'x-frame-options'), label).toBe('DENY');
	expect(one(h, 'x-content-type-options'), label).toBe('nosniff');
	expect(one(h, 'referrer-policy'), label).toMatch(
		/^(no-referrer|strict-origin-when-cross-origin)$/
	);
	expect(one(h, 'permissions-policy'), label).toMatch(
		/camera=\(\).*microphone=\(\).*geolocation=\(\)/
	);
	expect(one(h, 'cross-origin-opener-policy'), label).toBe('same-origin');
	expect(
		h['strict-transport-security'],
		`${label}: HSTS is the TLS terminator's job`
	).toBeUndefined();
}

/** A page's script policy: SvelteKit's header on rendered pages, its <meta> on prerendered ones. */
function expectScriptPolicy(label: string, h: Headers, html: string) {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];
	const policies = [...(h['content-security-policy'] ?? []), ...(meta ? [meta] : [])];
	const scripts = policies.find((p) => /script-src/.test(p));
	expect(scripts, `${label}: no script-src in a header or <meta>`).toBeDefined();
	expect(scripts).toContain("default-src 'self'");
	const scriptSrc = /script-src ([^;]+)/.exec(scripts!)![1];
	expect(scriptSrc, label).toContain("'self'");
	expect(scriptSrc, label).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
	// Every inline script SvelteKit wrote is allowed by a hash, not by a blanket rule.
	const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter(
		(m) => m[1].trim()
	);
	if (inline.length) expect(scriptSrc, label).toMatch(/'sha256-/);
}

function expectPrivate(label: string, h: Headers) {
	const cache = one(h, 'cache-control');
	expect(cache, `${label}: cache-control`).toContain('private');
	expect(cache, `${label}: cache-control`).toContain('no-store');
	expect(one(h, 'referrer-policy'), label).toBe('no-referrer');
}

test('every crawled page, asset and citation download carries the security headers', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const routes = await discoverRoutes(page);
	expect(routes.length).toBeGreaterThan(5);
	const citations = new Set<string>();
	const assets = new Set<string>();
	for (const path of routes) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const h = headersOf(response);
		const html = await response.text();
		expectEdgeHeaders(path, h);
		expectScriptPolicy(path, h, html);
		if (path.startsWith('/live/')) expectPrivate(path, h);
		for (const m of html.matchAll(/readings\/export\/([a-z0-9-]+\.(?:ris|bib))"/g))
			citations.add(m[1]);
		for (const m of html.matchAll(/_app\/immutable\/[^"?#]+\.(?:js|css)/g)) assets.add(m[0]);
	}

	expect(citations.size, 'citation links found on the pages').toBeGreaterThan(2);
	expect([...citations]).toContain('coproduction-readings.ris');
	for (const file of citations) {
		const path = `/readings/export/${file}`;
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const h = headersOf(response);
		expectEdgeHeaders(path, h);
		expect(one(h, 'content-type'), path).toBe(
			file.endsWith('.ris')
				? 'application/x-research-info-systems; charset=utf-8'
				: 'application/x-bibtex; charset=utf-8'
		);
		expect(one(h, 'content-disposition'), path).toBe(`attachment; filename="${file}"`);
	}

	const others = [
		'/_app/version.json',
		'/manifest.webmanifest',
		'/robots.txt',
		'/favicon.svg',
		'/search/index.json',
		'/service-worker.js',
		...[...assets].slice(0, 5).map((a) => `/${a}`)
	];
	for (const path of others) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expectEdgeHeaders(path, headersOf(response));
	}
	const missing = await request.get('/no-such-page');
	expect(missing.status()).toBe(404);
	expectEdgeHeaders('404 page', headersOf(missing));
	const missingFile = await request.get('/_app/immutable/no-such-file.js');
	expect(missingFile.status()).toBe(404);
	expectEdgeHeaders('missing asset', headersOf(missingFile));
});

test('every live-session page and API answer is private and carries the security headers', async ({
	request,
	baseURL
}) => {
	test.setTimeout(60_000);
	const checked: string[] = [];
	const check = (label: string, response: APIResponse | Response, status: number) => {
		const actual = response instanceof Response ? response.status : response.status();
		expect(actual, label).toBe(status);
		const h = headersOf(response);
		expectEdgeHeaders(label, h);
		expectPrivate(label, h);
		checked.push(label);
		return h;
	};

	const created = await request.post('/api/live/sessions', { data: { lesson: 'the-sandwich' } });
	check('POST /api/live/sessions', created, 201);
	const { code, hostToken } = await created.json();
	const api = `/api/live/${code}`;
	const host = { authorization: `Bearer ${hostToken}` };

	const page = await request.get(`/live/${code}/host`, { headers: host });
	check('GET /live/CODE/host', page, 200);
	expectScriptPolicy('/live/CODE/host', headersOf(page), await page.text());
	const screen = await request.get(`/live/${code}/screen`, { headers: host });
	check('GET /live/CODE/screen', screen, 200);
	expectScriptPolicy('/live/CODE/screen', headersOf(screen), await screen.text());
	check(
		'POST /api/live/CODE/host',
		await request.post(`${api}/host`, {
			headers: host,
			data: { action: 'push', itemKey: 'reflect' }
		}),
		200
	);
	const joined = await request.post(`${api}/join`, { data: {} });
	check('POST /api/live/CODE/join', joined, 200);
	const { token } = await joined.json();
	const me = { authorization: `Bearer ${token}` };
	const phone = await request.get(`/live/${code}`);
	check('GET /live/CODE', phone, 200);
	expectScriptPolicy('/live/CODE', headersOf(phone), await phone.text());
	check(
		'POST /api/live/CODE/answer',
		await request.post(`${api}/answer`, {
			headers: me,
			data: { itemKey: 'reflect', answer: 'Hi' }
		}),
		200
	);
	check(
		'POST /api/live/CODE/handle',
		await request.post(`${api}/handle`, { headers: me, data: { handle: 'Ward 7' } }),
		200
	);
	for (const format of ['csv', 'md']) {
		const h = check(
			`GET export ${format}`,
			await request.get(`${api}/export?format=${format}`, { headers: host }),
			200
		);
		expect(one(h, 'content-disposition')).toBe(`attachment; filename="live-${code}.${format}"`);
	}
	// Event streams: only the head is read.
	for (const [as, auth] of [
		['?as=host', host],
		['', me]
	] as const) {
		const controller = new AbortController();
		const stream = await fetch(`${baseURL}${api}/events${as}`, {
			headers: auth,
			signal: controller.signal
		});
		const h = check(`GET events${as}`, stream, 200);
		expect(one(h, 'content-type')).toBe('text/event-stream; charset=utf-8');
		controller.abort();
	}

	// Refusals and errors are private too.
	check(
		'403 host push',
		await request.post(`${api}/host`, { headers: me, data: { action: 'end' } }),
		403
	);
	check('403 export', await request.get(`${api}/export`, { headers: me }), 403);
	check('403 host stream', await fetch(`${baseURL}${api}/events?as=host`, { headers: me }), 403);
	check('403 host page', await fetch(`${baseURL}/live/${code}/host`), 403);
	check(
		'400 bad body',
		await request.post(`${api}/answer`, {
			headers: { ...me, 'content-type': 'application/json' },
			data: '{"itemKey":'
		}),
		400
	);
	check('404 unknown code', await request.post('/api/live/ZZZZZZ/join', { data: {} }), 404);
	// An unknown code's page goes back to the join form, the code kept, with an inline error.
	const unknown = await request.get('/live/ZZZZZZ', { maxRedirects: 0 });
	check('303 unknown code page', unknown, 303);
	expect(unknown.headers()['location']).toBe('/live?code=ZZZZZZ&error=unknown');
	check(
		'400 /live/new wrong body',
		await request.post('/live/new', { headers: { 'content-type': 'application/json' }, data: {} }),
		400
	);
	const redirected = await request.get('/live/join?code=abc def', { maxRedirects: 0 });
	check('GET /live/join', redirected, 303);
	check('DELETE /api/live/CODE', await request.delete(api, { headers: host }), 200);
	expect(checked.length).toBeGreaterThan(20);
});
