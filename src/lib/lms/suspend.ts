import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Envelope } from '$lib/progress/envelope';

// The progress envelope as an LMS suspend_data string: JSON, raw DEFLATE (fflate, level 9, with
// a fixed dictionary of the envelope's own words), then base64 so any LMS stores it unchanged.
// A leading format letter lets a later format read this one.
//
// Measured on the full course (7 lessons complete, 7 quizzes, 14 reflections of 150 words):
// JSON 18,085 chars; fflate + base64 9,408; lz-string base64 12,128 (UTF-16 4,851, but non-ASCII
// that LMS databases mangle). Without reflection text: fflate 1,588, lz-string 2,412. fflate's
// inflate + deflate cost 4.1 KB gzip, lz-string 1.7 KB; fflate wins on what matters (room for
// reflections) and its deflate half loads only when something is written.
//
// When everything cannot fit the LMS's limit, reflections are left out (in course order, the
// latest first) until it fits; their keys go in `omitted` so any device can tell the learner
// where those words are kept (the browser they were written in, see scorm.ts).

const format = 'A';

// Words every envelope repeats: as a preset dictionary they cost nothing to store.
const dictionary = strToU8(
	'{"schema":2,"course":"","seed":"","progress":{"done":[],"at":"","complete":true,"t":},' +
		'"reflections":{"text":"","t":},"answers":{"answers":{},"score":100,"best":100,"attempts":1,' +
		'"passed":true,"everPassed":true,"phase":"feedback","t":}},"omitted":[] the and of to a in ' +
		'that is for with patients care '
);

export interface SuspendData {
	envelope: Envelope;
	/** Reflections kept elsewhere (by key "slug/stepId"): their text is not in this data. */
	omitted: string[];
}

const toBase64 = (bytes: Uint8Array) => {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function encodeSuspend(data: SuspendData): string {
	const json = JSON.stringify({ ...data.envelope, omitted: data.omitted });
	return format + toBase64(deflateSync(strToU8(json), { level: 9, dictionary }));
}

/** The envelope's JSON and the omitted keys, or null when the text is not ours or is damaged. */
export function decodeSuspend(text: string): { json: string; omitted: string[] } | null {
	if (!text.startsWith(format)) return null;
	try {
		const data = JSON.parse(strFromU8(inflateSync(fromBase64(text.slice(1)), { dictionary })));
		const omitted: string[] = Array.isArray(data?.omitted)
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
export function fitSuspend(
	envelope: Envelope,
	limit: number,
	order: string[],
	alreadyOmitted: string[] = []
): { text: string; omitted: string[] } {
	const keys = Object.keys(envelope.reflections).sort((a, b) => rank(order, b) - rank(order, a));
	// Reflections another device left out stay listed until their text arrives here.
	const missing = alreadyOmitted.filter((k) => !envelope.reflections[k]);
	const reflections = { ...envelope.reflections };
	const omitted: string[] = [];
	for (;;) {
		const text = encodeSuspend({
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
