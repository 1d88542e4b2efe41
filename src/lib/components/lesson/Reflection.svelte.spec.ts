import { fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import Reflection, { saveDelay } from './Reflection.svelte';
import { resetWrites } from '$lib/progress/writes';
import { renderBlock } from './testing/setup';

const prompt = 'What did you and the patient each bring to your last consultation?';

function box(): HTMLTextAreaElement {
	return screen.getByRole('textbox', { name: prompt }) as HTMLTextAreaElement;
}

async function type(text: string) {
	box().value = text;
	await fireEvent.input(box());
}

describe('Reflection', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	test('labels the text area with the prompt and counts words against the minimum', async () => {
		renderBlock(Reflection, { stepId: 'reflect-empty' });
		await tick();
		expect(box().value).toBe('');
		expect(screen.getByText('0 words · at least 20 to count')).toBeTruthy();
		await type('One two three');
		expect(screen.getByText('3 words · at least 20 to count')).toBeTruthy();
		await type(Array.from({ length: 20 }, (_, i) => `word${i}`).join(' '));
		expect(screen.getByText('20 words · enough to count')).toBeTruthy();
	});

	test('autosaves once typing pauses, then shows the saved time', async () => {
		const { progress } = renderBlock(Reflection, { stepId: 'reflect-empty' });
		await tick();
		await type('First');
		await type('First thought');
		expect(screen.getByText('Not saved yet')).toBeTruthy();
		vi.advanceTimersByTime(saveDelay - 1);
		expect(progress.events).toEqual([]);
		vi.advanceTimersByTime(1);
		await tick();
		expect(progress.events).toEqual([
			{ type: 'reflection.save', stepId: 'reflect-empty', text: 'First thought' }
		]);
		const time = screen.getByText(/^Saved at /);
		expect(time.tagName).toBe('TIME');
		expect(time.getAttribute('datetime')).toBe('2026-11-26T10:15:00.000Z');
	});

	test.each([
		['blur', () => fireEvent.blur(box())],
		['page hide', () => fireEvent(window, new Event('pagehide'))],
		[
			'the tab being hidden',
			() => {
				vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
				return fireEvent(document, new Event('visibilitychange'));
			}
		]
	])('saves at once on %s, without waiting', async (_name, trigger) => {
		const { progress } = renderBlock(Reflection, { stepId: 'reflect-empty' });
		await tick();
		await type('Do not lose this');
		await trigger();
		expect(progress.events).toEqual([
			{ type: 'reflection.save', stepId: 'reflect-empty', text: 'Do not lose this' }
		]);
		vi.advanceTimersByTime(saveDelay * 2);
		expect(progress.events).toHaveLength(1);
	});

	test('restores the saved text and renders markup in it only as text', async () => {
		const { container } = renderBlock(Reflection, { stepId: 'reflect-saved' });
		await tick();
		expect(
			(
				screen.getByRole('textbox', {
					name: /live in patients’ daily lives/
				}) as HTMLTextAreaElement
			).value
		).toBe('HbA1c, weight and <b>how people sleep</b> — measured in clinic, made at home.');
		expect(container.querySelector('b')).toBeNull();
		expect(screen.getByText(/^Saved at /)).toBeTruthy();
		expect(screen.getByText(/words · enough to count/)).toBeTruthy();
	});

	test('follows saves from elsewhere (another tab), but never overwrites unsaved words', async () => {
		const { progress } = renderBlock(Reflection, { stepId: 'reflect-empty' });
		await tick();
		progress.send({ type: 'reflection.save', stepId: 'reflect-empty', text: 'From the other tab' });
		await tick();
		expect(box().value).toBe('From the other tab');
		expect(screen.queryByText('Not saved yet')).toBeNull();

		await type('My own words');
		progress.send({ type: 'reflection.save', stepId: 'reflect-empty', text: 'Other tab again' });
		await tick();
		expect(box().value).toBe('My own words');
		vi.advanceTimersByTime(saveDelay);
		await tick();
		expect(progress.reflection('reflect-empty')?.text).toBe('My own words');
	});

	// The count itself is the rules' (machines/rules.spec.ts); the box shows that same count.
	test('counts abbreviations and dashes as the lesson machine does', async () => {
		renderBlock(Reflection, { stepId: 'reflect-empty' });
		await tick();
		await type('e.g. patients, A&E');
		expect(screen.getByText('5 words · at least 20 to count')).toBeTruthy();
		await type('— — — —');
		expect(screen.getByText('0 words · at least 20 to count')).toBeTruthy();
	});

	test('says "Not saved" and what to do when the write fails, and "Saved" only after one works', async () => {
		const items = new Map<string, string>();
		let full = true;
		const storage = {
			getItem: (key: string) => items.get(key) ?? null,
			setItem: (key: string, value: string) => {
				if (full) throw new DOMException('full', 'QuotaExceededError');
				items.set(key, value);
			},
			removeItem: (key: string) => void items.delete(key)
		} as Storage;
		renderBlock(Reflection, { stepId: 'reflect-empty', storage });
		await tick();
		await type('Words with nowhere to go');
		await fireEvent.blur(box());
		await tick();
		const status = () => document.getElementById('reflect-empty-reflection-status')!.textContent!;
		expect(status()).toContain('Not saved — this browser’s storage is full');
		expect(status()).toContain('download your journal');
		expect(status()).not.toContain('Saved at');
		expect(box().value).toBe('Words with nowhere to go');

		full = false;
		await type('Words with nowhere to go, until there was room');
		await fireEvent.blur(box());
		await tick();
		expect(status()).toContain('Saved at');
		expect(status()).not.toContain('Not saved');
		resetWrites();
	});
});
