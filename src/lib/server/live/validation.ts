// Everything a participant or facilitator sends is checked here before it reaches the store.
import { z } from 'zod';
import { limits, type LiveAnswer, type LiveItem } from '$lib/live/types';
import { cleanLine, cleanParagraphs, isReservedHandle } from './hygiene';

/** An error with the HTTP status the API should answer with. */
export class LiveError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 413 | 429 | 503 | 507,
		message: string,
		/** For 429 and 503: whole seconds until trying again makes sense (the Retry-After header). */
		readonly retryAfterS?: number
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

export function cleanHandle(input: unknown): string {
	if (typeof input !== 'string') throw new LiveError(400, 'A handle must be text.');
	const handle = cleanLine(input);
	if (handle.length === 0) throw new LiveError(400, 'A handle cannot be empty.');
	if (isReservedHandle(handle))
		throw new LiveError(400, 'That handle could be mistaken for the facilitator. Choose another.');
	if ([...handle].length > limits.handleChars)
		throw new LiveError(400, `A handle can be at most ${limits.handleChars} characters.`);
	return handle;
}

/** Checks an answer against the item it answers and returns it in stored form. */
export function cleanAnswer(item: LiveItem, answer: unknown): LiveAnswer {
	if (item.kind === 'prompt') {
		if (typeof answer !== 'string') throw new LiveError(400, 'An answer to a prompt is text.');
		const text = cleanParagraphs(answer);
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
	}),
	z.object({ action: z.literal('hide-all'), itemKey, hidden: z.boolean() }),
	z.object({
		action: z.enum(['approve', 'reject']),
		itemKey,
		participantId: z.string().min(1).max(100)
	}),
	z.object({ action: z.literal('results'), shown: z.boolean() }),
	// A countdown of up to an hour, or null to stop it.
	z.object({ action: z.literal('timer'), seconds: z.number().int().min(5).max(3600).nullable() }),
	z.object({ action: z.literal('anonymous'), on: z.boolean() }),
	z.object({ action: z.literal('moderate'), on: z.boolean() }),
	z.object({ action: z.literal('close'), closed: z.boolean() }),
	z.object({ action: z.literal('lock'), locked: z.boolean() }),
	z.object({ action: z.literal('end') })
]);

const tooLarge = () => new LiveError(413, 'That request is too large.');

/** The body as text, read no further than the limit: a chunked body is not buffered past it. */
async function boundedText(request: Request, maxBytes: number): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let next: ReadableStreamReadResult<Uint8Array>;
		try {
			next = await reader.read();
		} catch (e) {
			// The framework's own refusal (a body over BODY_SIZE_LIMIT) keeps its status; a body cut
			// off (the client went away, or the server's request timeout) is the client's mistake too.
			if (e && typeof e === 'object' && 'status' in e) throw e;
			throw new LiveError(400, 'The request body did not arrive whole.');
		}
		const { done, value } = next;
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel().catch(() => {});
			throw tooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON body of bounded size and checks it against a schema. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type))
		throw new LiveError(400, 'Send the request as JSON (content-type: application/json).');
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limits.bodyBytes) throw tooLarge();
	const raw = await boundedText(request, limits.bodyBytes);
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
