import { fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { LessonAssets, VideoAsset } from '$lib/content/assets';
import { galleryVideos } from './testing/fixtures';
import { renderBlock } from './testing/setup';
import { loadVideoEmbeds } from './video/embed';
import Video from './Video.svelte';

const cues = [
	{ start: 0, end: 2, text: 'This is the test clip.' },
	{ start: 2, end: 4, text: 'Making the plan together.' },
	{ start: 4, end: 6, text: 'Neither can make a good plan alone.' }
];
const chapters = [
	{ start: 0, end: 2, text: 'Introduction' },
	{ start: 2, end: 6, text: 'Together' }
];
const videos: Record<string, VideoAsset> = Object.fromEntries(
	galleryVideos.map((v) => [
		v.id,
		{ ...v, cues: v.id === 'test-clip' ? cues : [], chapters: v.id === 'test-clip' ? chapters : [] }
	])
);
const assets: LessonAssets = { readings: {}, terms: {}, videos };

beforeAll(async () => {
	// jsdom has no media playback.
	HTMLMediaElement.prototype.play = () => Promise.resolve();
	HTMLMediaElement.prototype.pause = () => {};
	// As a page's load function does before rendering videos with an embed.
	await loadVideoEmbeds(assets);
});

describe('Video, own file', () => {
	test('has the source, a captions track, chapters and a transcript; lines seek', async () => {
		const { container, progress } = renderBlock(Video, {
			stepId: 'video-file',
			assets,
			props: { id: 'test-clip' },
			initial: {}
		});
		await tick();
		const video = container.querySelector('video')!;
		expect(video.getAttribute('preload')).toBe('metadata');
		expect(video.querySelector('source')?.getAttribute('type')).toBe('video/webm');
		const track = video.querySelector('track[kind="captions"]')!;
		expect(track.getAttribute('src')).toMatch(/\/media\/test\/captions\.vtt$/);
		expect(track.getAttribute('srclang')).toBe('en');
		expect(screen.getByRole('navigation', { name: 'Chapters' })).toBeTruthy();
		expect(screen.getByRole('combobox', { name: 'Speed' })).toBeTruthy();

		const details = container.querySelector('details')!;
		details.open = true;
		await fireEvent(details, new Event('toggle'));
		expect(progress.events).toEqual([
			{ type: 'video.watched', stepId: 'video-file', how: 'transcript' }
		]);
		// The first click loads the player's code (video/player.ts), then seeks.
		await fireEvent.click(screen.getByRole('button', { name: /Play from 0:04: Neither can make/ }));
		await vi.waitFor(() => expect(video.currentTime).toBe(4));
		expect(
			screen.getByRole('button', { name: /Neither can make/ }).getAttribute('aria-current')
		).toBe('true');
		expect(screen.getByRole('button', { name: /Together/ }).getAttribute('aria-current')).toBe(
			'true'
		);
		await fireEvent.click(screen.getByRole('button', { name: /Introduction/ }));
		await vi.waitFor(() => expect(video.currentTime).toBe(0));
		expect(screen.getByRole('button', { name: /Introduction/ }).getAttribute('aria-current')).toBe(
			'true'
		);
		await fireEvent.click(screen.getByRole('button', { name: /Together/ }));
		await vi.waitFor(() => expect(video.currentTime).toBe(2));
	});

	test('transcript search marks matches and says how many lines match', async () => {
		const { container } = renderBlock(Video, {
			stepId: 'video-file',
			assets,
			props: { id: 'test-clip' }
		});
		await tick();
		await fireEvent.input(screen.getByRole('searchbox', { name: 'Search the transcript' }), {
			target: { value: 'PLAN' }
		});
		await vi.waitFor(() => expect(screen.getByText('2 lines match')).toBeTruthy());
		expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
			'plan',
			'plan'
		]);
		// Lines that do not match are hidden, and no markup is parsed from cue text.
		expect(container.querySelectorAll('.lines li:not([hidden])')).toHaveLength(2);
		expect(container.querySelector('.lines li[hidden]')?.textContent).toContain(
			'This is the test clip.'
		);
		await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'nothing like it' } });
		await vi.waitFor(() => expect(screen.getByText('No lines match')).toBeTruthy());
		await fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
		await vi.waitFor(() =>
			expect(container.querySelectorAll('.lines li:not([hidden])')).toHaveLength(3)
		);
		expect(container.querySelectorAll('mark')).toHaveLength(0);
	});

	test('reports watched once 90% has been played, not merely seeked past', async () => {
		const { container, progress } = renderBlock(Video, {
			stepId: 'video-file',
			assets,
			props: { id: 'test-clip' },
			initial: {}
		});
		await tick();
		const video = container.querySelector('video')!;
		const played = (end: number) => ({ length: 1, start: () => 0, end: () => end });
		Object.defineProperty(video, 'duration', { value: 10 });
		Object.defineProperty(video, 'played', { value: played(8.9), configurable: true });
		// Playback starting loads the player's code, which then follows the time.
		await fireEvent(video, new Event('play'));
		const first = screen.getByRole('button', { name: /Introduction/ });
		await vi.waitFor(() => expect(first.getAttribute('aria-current')).toBe('true'));
		await fireEvent(video, new Event('timeupdate'));
		expect(progress.events).toEqual([]);
		Object.defineProperty(video, 'played', { value: played(9), configurable: true });
		await fireEvent(video, new Event('timeupdate'));
		expect(progress.events).toEqual([
			{ type: 'video.watched', stepId: 'video-file', how: 'played' }
		]);
		expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Marked as watched');
		expect(container.querySelector('.watched')?.textContent).toContain('Marked as watched');
	});
});

describe('Video, provider embed', () => {
	test.each([
		[
			'test-youtube',
			'YouTube',
			/^https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ\?autoplay=1/
		],
		['test-vimeo', 'Vimeo', /^https:\/\/player\.vimeo\.com\/video\/76979871\?autoplay=1&dnt=1$/]
	])('%s loads no player until play is pressed', async (id, provider, embed) => {
		const { container } = renderBlock(Video, { stepId: 'video-youtube', assets, props: { id } });
		await tick();
		expect(container.querySelector('iframe')).toBeNull();
		expect(container.querySelector('img')).toBeNull();
		expect(screen.getByText(new RegExp(`hosted on ${provider}\\. Nothing is loaded`))).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: /^Play “/ }));
		await tick();
		const frame = container.querySelector('iframe')!;
		expect(frame.getAttribute('src')).toMatch(embed);
		expect(frame.getAttribute('title')).toContain(`(${provider} video player)`);
		expect(document.activeElement).toBe(frame);
	});
});

describe('Video, watch at source', () => {
	test('links to where it is published in a new tab, and the learner can say they watched it', async () => {
		const { progress } = renderBlock(Video, {
			stepId: 'video-source',
			assets,
			props: { id: 'test-source' },
			initial: {}
		});
		await tick();
		const link = screen.getByRole('link', { name: /where it is published \(opens in a new tab\)/ });
		expect(link.getAttribute('href')).toBe('https://example.org/test-clip');
		expect(link.getAttribute('target')).toBe('_blank');
		expect(link.getAttribute('rel')).toContain('noopener');
		expect(screen.getByText('What to watch for:')).toBeTruthy();
		expect(screen.getByText('Made by: the course team (a generated test pattern)')).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'I’ve watched this' }));
		expect(progress.events).toEqual([
			{ type: 'video.watched', stepId: 'video-source', how: 'declared' }
		]);
		expect(screen.queryByRole('button', { name: 'I’ve watched this' })).toBeNull();
	});

	test('a locked step offers no "watched" button and reports nothing', async () => {
		const { progress } = renderBlock(Video, {
			stepId: 'video-source',
			assets,
			props: { id: 'test-source' },
			initial: {},
			locked: ['video-source']
		});
		await tick();
		expect(screen.getByRole('link', { name: /where it is published/ })).toBeTruthy();
		expect(screen.queryByRole('button', { name: 'I’ve watched this' })).toBeNull();
		expect(screen.queryByText('Marked as watched')).toBeNull();
		expect(progress.events).toEqual([]);
	});

	test('a video whose maker is not known shows no "Made by" line', async () => {
		const unknownMaker: Record<string, VideoAsset> = {
			'test-no-maker': { ...videos['test-source'], id: 'test-no-maker', producer: undefined }
		};
		const { container } = renderBlock(Video, {
			stepId: 'video-source',
			assets: { ...assets, videos: unknownMaker },
			props: { id: 'test-no-maker' },
			initial: {}
		});
		await tick();
		expect(screen.getByRole('link', { name: /where it is published/ })).toBeTruthy();
		expect(container.textContent).not.toContain('Made by');
	});

	test('a step already done shows as watched', async () => {
		renderBlock(Video, { stepId: 'video-watched', assets, props: { id: 'test-watched' } });
		await tick();
		expect(screen.getByText('Marked as watched')).toBeTruthy();
	});

	test('an unknown id says so', async () => {
		renderBlock(Video, { stepId: 'video-source', assets, props: { id: 'nope' } });
		await tick();
		expect(screen.getByRole('alert').textContent).toContain(
			'Video “nope” is not in lessons/videos.json.'
		);
	});
});
