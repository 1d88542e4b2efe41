import { describe, expect, it } from 'vitest';
import { frameAncestors, securityHeaders } from './serve-headers.js';

describe('frame-ancestors (FRAME_ANCESTORS)', () => {
	it('refuses every frame by default', () => {
		expect(frameAncestors(undefined)).toBe("'none'");
		expect(frameAncestors('  ')).toBe("'none'");
		const h = securityHeaders('/', {}, "'none'");
		expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(h['x-frame-options']).toBe('DENY');
	});

	it('lets the listed LMS origins frame the course, and then sends no X-Frame-Options', () => {
		const ancestors = frameAncestors("https://lms.example.org https://*.vle.example.ac.uk 'self'");
		expect(ancestors).toBe("https://lms.example.org https://*.vle.example.ac.uk 'self'");
		const h = securityHeaders('/lessons/the-sandwich', {}, ancestors);
		expect(h['content-security-policy']).toContain(`frame-ancestors ${ancestors};`);
		expect(h['x-frame-options']).toBeUndefined();
	});

	it('ignores anything that is not an origin, so a setting cannot smuggle in other directives', () => {
		expect(frameAncestors("https://lms.example.org; script-src 'unsafe-inline' *")).toBe("'none'");
		expect(frameAncestors('https://lms.example.org javascript:alert(1) *')).toBe(
			'https://lms.example.org'
		);
	});
});

describe('the headers of one response', () => {
	it('adds the edge directives as a second policy next to SvelteKit’s own', () => {
		const own = "default-src 'self'; script-src 'self' 'sha256-abc'";
		const h = securityHeaders('/journal', { 'content-security-policy': own }, "'none'");
		expect(h['content-security-policy']).toEqual([
			own,
			"frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
		]);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(h['permissions-policy']).toMatch(/camera=\(\)/);
		expect(h['cross-origin-opener-policy']).toBe('same-origin');
		expect(h['cache-control']).toBeUndefined();
	});

	it('keeps live pages and API answers out of every cache and sends no referrer from them', () => {
		for (const path of ['/live/ABC234', '/live/ABC234/host', '/api/live/ABC234/events']) {
			const h = securityHeaders(path, { 'cache-control': 'no-cache' }, "'none'");
			expect(h['cache-control'], path).toBe('private, no-store');
			expect(h['referrer-policy'], path).toBe('no-referrer');
		}
		// A stricter value the route set is left as it is.
		const own = { 'cache-control': 'private, no-store, no-transform' };
		expect(securityHeaders('/api/live/ABC234/events', own, "'none'")['cache-control']).toBe(
			undefined
		);
	});

	it('gives citation downloads their content type and a file name', () => {
		const ris = securityHeaders('/readings/export/coproduction-readings.ris', {}, "'none'");
		expect(ris['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
		expect(ris['content-disposition']).toBe('attachment; filename="coproduction-readings.ris"');
		const bib = securityHeaders('/readings/export/ostrom-1996.bib', {}, "'none'");
		expect(bib['content-type']).toBe('application/x-bibtex; charset=utf-8');
		expect(securityHeaders('/notes.ris', {}, "'none'")['content-type']).toBeUndefined();
	});
});
