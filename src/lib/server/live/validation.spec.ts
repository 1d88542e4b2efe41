import { describe, expect, it } from 'vitest';
import type { LiveItem } from '$lib/live/types';
import {
	LiveError,
	cleanAnswer,
	cleanHandle,
	handleBody,
	normaliseCode,
	readJson
} from './validation';

const multiple: LiveItem = {
	key: 'q',
	kind: 'question',
	title: 'Q',
	prompt: 'Pick',
	options: [
		{ id: 'a', text: 'A' },
		{ id: 'b', text: 'B' },
		{ id: 'c', text: 'C' }
	],
	multiple: true,
	correct: ['a', 'b']
};

describe('live input checks', () => {
	it('accept a join code typed loosely, and nothing that cannot be a code', () => {
		expect(normaliseCode('k7p 2qd')).toBe('K7P2QD');
		expect(normaliseCode('K7P-2QD')).toBe('K7P2QD');
		expect(normaliseCode('K7P2Q0')).toBeUndefined(); // 0 is left out of the alphabet
		expect(normaliseCode('join')).toBeUndefined();
	});

	it('clean handles of control and direction characters and extra spaces', () => {
		expect(cleanHandle('  Night\u202e  shift\u0007 ')).toBe('Night shift');
		expect(() => cleanHandle(42)).toThrow(/must be text/);
	});

	it('refuse handles that pass for the facilitator, however they are disguised', () => {
		for (const fake of [
			'Facilitator (host)',
			'Fac\u200Bilitator',
			'FACILITATOR',
			'Faci1itator',
			'Facilit\u0430tor',
			'the host',
			'F a c i l i t a t o r'
		])
			expect(() => cleanHandle(fake), fake).toThrow(/mistaken for the facilitator/);
		expect(cleanHandle('Ghost Writer')).toBe('Ghost Writer');
	});

	it('store prompt answers without invisible characters and with few line breaks', () => {
		const prompt: LiveItem = { key: 'p', kind: 'prompt', title: 'P', prompt: 'Why?' };
		expect(cleanAnswer(prompt, 'a\u0085b\u009bc')).toBe('a\nbc');
		expect(cleanAnswer(prompt, 'x' + '\n'.repeat(498) + 'y')).toBe('x\n\ny');
	});

	it('store multiple-choice answers once each, in option order', () => {
		expect(cleanAnswer(multiple, ['c', 'a', 'c'])).toEqual(['a', 'c']);
		expect(() => cleanAnswer(multiple, [])).toThrow(/Choose an option/);
	});
});

describe('reading a JSON body', () => {
	const request = (body: ReadableStream<Uint8Array> | string, headers = {}) =>
		new Request('http://course.test/api', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json', ...headers },
			duplex: 'half'
		} as RequestInit);

	it('answers a body that is cut off (client gone, request timeout) with a 400, not a crash', async () => {
		const encoder = new TextEncoder();
		let sent = false;
		const cut = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent)
					return controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
				sent = true;
				controller.enqueue(encoder.encode('{"handle":'));
			}
		});
		const refusal = await readJson(request(cut), handleBody).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(LiveError);
		expect(refusal).toMatchObject({ status: 400 });
	});

	it('refuses bodies over the limit, declared or not, and bodies that are not JSON', async () => {
		const big = JSON.stringify({ handle: 'x'.repeat(5000) });
		await expect(readJson(request(big), handleBody)).rejects.toMatchObject({ status: 413 });
		await expect(readJson(request('{"handle":'), handleBody)).rejects.toMatchObject({
			status: 400
		});
		await expect(
			readJson(request('{"handle":"a"}', { 'content-type': 'text/plain' }), handleBody)
		).rejects.toMatchObject({ status: 400 });
		await expect(readJson(request('{"handle":"Ward 7"}'), handleBody)).resolves.toEqual({
			handle: 'Ward 7'
		});
	});
});
