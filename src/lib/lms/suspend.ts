import type { Envelope } from '$lib/progress/envelope';

// The progress envelope as an LMS suspend_data string: JSON, raw DEFLATE by the browser's own
// CompressionStream, then base64 so any LMS stores it unchanged. A leading format letter lets a
// later format read this one: "B" deflated, "J" plain JSON (a browser without CompressionStream).
//
// Measured on the full course (7 lessons complete, 7 quizzes, 14 reflections of 150 words):
// JSON 18,085 chars; native deflate + base64 9,101 (4 reflections fit SCORM 1.2's 4,096);
// fflate level 9 with a preset dictionary 9,253 (the same 4 fit) but 4.6 KB gzip of JS in the
// adapter's chunk, where the browser's compressor costs nothing. Without reflection text: 1,557.
//
// When everything cannot fit the LMS's limit, reflections are left out (in course order, the
// latest first) until it fits; their keys go in `omitted` so any device can tell the learner
// where those words are kept (the browser they were written in, see scorm.ts).

export interface SuspendData {
	envelope: Envelope;
	/** Reflections kept elsewhere (by key "slug/stepId"): their text is not in this data. */
	omitted: string[];
}

const canCompress = () =>
	typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

async function through(bytes: Uint8Array<ArrayBuffer>, stream: GenericTransformStream) {
	const out = new Blob([bytes]).stream().pipeThrough(stream as TransformStream);
	return new Uint8Array(await new Response(out).arrayBuffer());
}

const toBase64 = (bytes: Uint8Array) => {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function encodeSuspend(data: SuspendData): Promise<string> {
	const json = JSON.stringify({ ...data.envelope, omitted: data.omitted });
	if (!canCompress()) return 'J' + json;
	const bytes = new TextEncoder().encode(json);
	return 'B' + toBase64(await through(bytes, new CompressionStream('deflate-raw')));
}

/** The envelope's JSON and the omitted keys, or null when the text is not ours or is damaged. */
export async function decodeSuspend(
	text: string
): Promise<{ json: string; omitted: string[] } | null> {
	try {
		let json: string;
		if (text.startsWith('J')) json = text.slice(1);
		else if (text.startsWith('B') && canCompress())
			json = new TextDecoder().decode(
				await through(fromBase64(text.slice(1)), new DecompressionStream('deflate-raw'))
			);
		else return null;
		const data = JSON.parse(json);
		if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
		const omitted: string[] = Array.isArray(data.omitted)
			? data.omitted.filter((k: unknown) => typeof k === 'string')
			: [];
		delete data.omitted;
		return { json: JSON.stringify(data), omitted };
	} catch {
		return null;
	}
}

/**
 * The longest encoding within `limit` characters: everything if it fits, else the envelope with
 * reflections left out one by one, the last in course order first. `order` is the course's
 * reflection keys in order; keys not in it (lessons since removed) go first.
 */
export async function fitSuspend(
	envelope: Envelope,
	limit: number,
	order: string[],
	alreadyOmitted: string[] = []
): Promise<{ text: string; omitted: string[] }> {
	const keys = Object.keys(envelope.reflections).sort((a, b) => rank(order, b) - rank(order, a));
	// Reflections another device left out stay listed until their text arrives here.
	const missing = alreadyOmitted.filter((k) => !envelope.reflections[k]);
	const reflections = { ...envelope.reflections };
	const omitted: string[] = [];
	for (;;) {
		const text = await encodeSuspend({
			envelope: { ...envelope, reflections },
			omitted: [...missing, ...omitted]
		});
		const next = keys[omitted.length];
		if (text.length <= limit || next === undefined)
			return { text, omitted: [...missing, ...omitted] };
		delete reflections[next];
		omitted.push(next);
	}
}

const rank = (order: string[], key: string) => {
	const at = order.indexOf(key);
	return at < 0 ? Number.MAX_SAFE_INTEGER : at;
};
