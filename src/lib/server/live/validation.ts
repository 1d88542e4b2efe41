// Everything a participant or facilitator sends is checked here before it reaches the store.
import { z } from 'zod';
import { limits, type LiveAnswer, type LiveItem } from '$lib/live/types';

/** An error with the HTTP status the API should answer with. */
export class LiveError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 413 | 429,
		message: string
	) {
		super(message);
	}
}

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const codeLength = 6;

/** Upper-cases a typed code and drops spaces and dashes; undefined if it cannot be a code. */
export function normaliseCode(input: string): string | undefined {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	const pattern = new RegExp(`^[${codeAlphabet}]{${codeLength}}$`);
	return pattern.test(code) ? code : undefined;
}

// Control characters and bidi overrides have no place in a handle or a card.
// eslint-disable-next-line no-control-regex
const unsafeChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export function cleanHandle(input: unknown): string {
	if (typeof input !== 'string') throw new LiveError(400, 'A handle must be text.');
	const handle = input.replace(unsafeChars, '').replace(/\s+/g, ' ').trim();
	if (handle.length === 0) throw new LiveError(400, 'A handle cannot be empty.');
	if ([...handle].length > limits.handleChars)
		throw new LiveError(400, `A handle can be at most ${limits.handleChars} characters.`);
	return handle;
}

/** Checks an answer against the item it answers and returns it in stored form. */
export function cleanAnswer(item: LiveItem, answer: unknown): LiveAnswer {
	if (item.kind === 'prompt') {
		if (typeof answer !== 'string') throw new LiveError(400, 'An answer to a prompt is text.');
		const text = answer.replace(unsafeChars, '').trim();
		if (text.length === 0) throw new LiveError(400, 'An answer cannot be empty.');
		if ([...text].length > limits.answerChars)
			throw new LiveError(400, `An answer can be at most ${limits.answerChars} characters.`);
		return text;
	}
	if (!Array.isArray(answer) || !answer.every((a) => typeof a === 'string'))
		throw new LiveError(400, 'An answer to a question is a list of option ids.');
	const chosen = [...new Set(answer as string[])];
	const known = new Set(item.options.map((o) => o.id));
	if (chosen.length === 0) throw new LiveError(400, 'Choose an option.');
	if (!chosen.every((id) => known.has(id)))
		throw new LiveError(400, 'That option is not part of this question.');
	if (!item.multiple && chosen.length > 1) throw new LiveError(400, 'Choose one option only.');
	// Stored in the question's option order, so exports and comparisons are stable.
	return item.options.map((o) => o.id).filter((id) => chosen.includes(id));
}

const itemKey = z.string().min(1).max(100);

export const answerBody = z.object({
	itemKey,
	answer: z.union([z.string().max(limits.answerChars * 4), z.array(z.string().max(100)).max(50)])
});

export const handleBody = z.object({ handle: z.string().max(limits.handleChars * 4) });

export const createBody = z.object({ lesson: z.string().min(1).max(100) });

export const hostBody = z.discriminatedUnion('action', [
	z.object({ action: z.literal('push'), itemKey: itemKey.nullable() }),
	z.object({ action: z.literal('reveal'), revealed: z.boolean() }),
	z.object({
		action: z.literal('hide'),
		itemKey,
		participantId: z.string().min(1).max(100),
		hidden: z.boolean()
	})
]);

/** Reads a JSON body of bounded size and checks it against a schema. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limits.bodyBytes) throw new LiveError(413, 'That request is too large.');
	const raw = await request.text();
	if (raw.length > limits.bodyBytes) throw new LiveError(413, 'That request is too large.');
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		throw new LiveError(400, 'Expected a JSON body.');
	}
	const result = schema.safeParse(data);
	if (!result.success) throw new LiveError(400, 'That request is not in the expected shape.');
	return result.data;
}
