import { describe, expect, test } from 'vitest';
import {
	cacheName,
	cachedOnVisit,
	isLiveRequest,
	isMedia,
	liveOfflineResponse,
	sliceRange
} from './rules';

describe('what the worker caches', () => {
	test('live pages and the live API are never cached, whatever the base path', () => {
		const at = (path: string) => new URL(path, 'https://course.example');
		expect(isLiveRequest(at('/live'), '')).toBe(true);
		expect(isLiveRequest(at('/live/ABC123/host'), '')).toBe(true);
		expect(isLiveRequest(at('/api/live/ABC123/events'), '')).toBe(true);
		expect(isLiveRequest(at('/course/live/ABC123'), '/course')).toBe(true);
		expect(isLiveRequest(at('/lessons/live-well'), '')).toBe(false);
		expect(isLiveRequest(at('/liverpool'), '')).toBe(false);
	});

	test('video is media; pages, captions and posters are not', () => {
		expect(isMedia('/media/test/clip.webm')).toBe(true);
		expect(isMedia('/media/x/talk.MP4')).toBe(true);
		expect(isMedia('/media/test/captions.vtt')).toBe(false);
		expect(isMedia('/media/test/poster.jpg')).toBe(false);
	});

	test('presenter decks and the gallery are kept once opened; learner pages on the first visit', () => {
		expect(cachedOnVisit('/present/the-sandwich')).toBe(true);
		expect(cachedOnVisit('/present/the-sandwich/notes/__data.json')).toBe(true);
		expect(cachedOnVisit('/components')).toBe(true);
		expect(cachedOnVisit('/lessons/the-sandwich')).toBe(false);
		expect(cachedOnVisit('/facilitate/the-sandwich')).toBe(false);
		expect(cachedOnVisit('/presenting')).toBe(false);
	});

	test('each course version has its own cache name', () => {
		expect(cacheName('course', '1')).not.toBe(cacheName('course', '2'));
		expect(cacheName('course', '1')).not.toBe(cacheName('media', '1'));
	});
});

describe('answers offline', () => {
	test('a live page offline is a readable page, the API a JSON message, neither cached', async () => {
		const page = liveOfflineResponse(
			new Request('https://x.test/live', { headers: { accept: 'text/html' } })
		);
		expect(page.status).toBe(503);
		expect(page.headers.get('cache-control')).toBe('no-store');
		expect(await page.text()).toContain('Live sessions need a connection');
		const api = liveOfflineResponse(new Request('https://x.test/api/live/ABC/answer'));
		expect(await api.json()).toEqual({ message: expect.stringContaining('need a connection') });
	});

	test('a range request is answered from the whole cached file', async () => {
		const whole = () =>
			new Response(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), {
				headers: { 'content-type': 'video/webm' }
			});
		const middle = await sliceRange(whole(), 'bytes=2-4');
		expect(middle.status).toBe(206);
		expect(middle.headers.get('content-range')).toBe('bytes 2-4/10');
		expect([...new Uint8Array(await middle.arrayBuffer())]).toEqual([2, 3, 4]);
		const open = await sliceRange(whole(), 'bytes=7-');
		expect([...new Uint8Array(await open.arrayBuffer())]).toEqual([7, 8, 9]);
		const suffix = await sliceRange(whole(), 'bytes=-2');
		expect([...new Uint8Array(await suffix.arrayBuffer())]).toEqual([8, 9]);
		expect((await sliceRange(whole(), 'bytes=20-')).status).toBe(416);
	});
});
