import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import type { HostState, LiveResponse } from '$lib/live/types';
import { HostRoom } from './room.svelte';

const question = {
	key: 'check.q1',
	kind: 'question' as const,
	title: 'Check',
	prompt: 'Which?',
	options: [
		{ id: 'a', text: 'A' },
		{ id: 'b', text: 'B' }
	],
	multiple: false,
	correct: ['a']
};
const answer = (id: string, choice: string, hidden = false): LiveResponse => ({
	participantId: id,
	number: Number(id.slice(1)),
	approved: true,
	handle: id,
	itemKey: question.key,
	answer: [choice],
	hidden,
	updatedAt: 1
});
const initial = (): HostState => ({
	code: 'ABC123',
	lessonSlug: 'l',
	current: question,
	revealed: false,
	resultsShown: false,
	endsAt: null,
	anonymous: true,
	moderated: true,
	now: Date.now(),
	participants: 3,
	joined: 3,
	responses: [answer('p1', 'a'), answer('p2', 'b'), answer('p3', 'a', true)],
	expiresAt: 0
});

afterEach(() => vi.unstubAllGlobals());

describe('HostRoom', () => {
	it('tallies shown answers only and splits shown from hidden, following changes to the state', () => {
		const cleanup = $effect.root(() => {
			const room = new HostRoom('ABC123', initial());
			expect(room.tally).toEqual({ a: 1, b: 1 });
			expect(room.visible.map((r) => r.participantId)).toEqual(['p1', 'p2']);
			expect(room.hidden.map((r) => r.participantId)).toEqual(['p3']);
			room.state.responses[2].hidden = false;
			flushSync();
			expect(room.tally).toEqual({ a: 2, b: 1 });
			expect(room.maxCount).toBe(2);
		});
		cleanup();
	});

	it('keeps free text that waits for approval apart from what the room may see', () => {
		const cleanup = $effect.root(() => {
			const state = initial();
			state.current = { key: 'reflect', kind: 'prompt', title: 'R', prompt: 'Why?' };
			state.responses = [
				{ ...answer('p1', 'x'), itemKey: 'reflect', answer: 'Seen', approved: true },
				{ ...answer('p2', 'x'), itemKey: 'reflect', answer: 'Waiting', approved: false }
			];
			const room = new HostRoom('ABC123', state);
			expect(room.pending.map((r) => r.answer)).toEqual(['Waiting']);
			expect(room.visible.map((r) => r.answer)).toEqual(['Seen']);
		});
		cleanup();
	});

	it('a refused host action shows the server’s reason', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () =>
					new Response(JSON.stringify({ error: 'Only the host can do that.' }), { status: 403 })
			)
		);
		const room = new HostRoom('ABC123', initial());
		await room.act({ action: 'reveal', revealed: true });
		expect(room.error).toBe('Only the host can do that.');
	});
});
