import type { Envelope } from '$lib/progress/envelope';
import { mergeEnvelopes } from '$lib/progress/merge';
import { decode } from '$lib/progress/migrate';
import type { Sent } from './cmi5-statements';

// A cmi5 launch that finds the AU's State document in the LRS: its progress brought up to this
// course's version and merged with this browser's copy, the newest of each item and nothing
// lowered. It loads only then (cmi5.ts): a first launch has nothing to read.

/** The AU's State document: the progress envelope and what the LRS has been sent. */
export interface Cmi5Doc {
	progress: Envelope;
	sent: Sent;
}

export interface Resumed {
	/** The progress to start from, as stored progress text; null: start from nothing. */
	value: string | null;
	/** What the LRS has been sent, from the document; absent when it holds no progress. */
	sent?: Sent;
	/** The document is not ours or is damaged: the caller keeps it apart, never throws it away. */
	keepApart: boolean;
}

export function resumeFrom(doc: Cmi5Doc, local: string | null, version: string): Resumed {
	const fromLrs = decode(JSON.stringify(doc.progress ?? null), version);
	const keepApart = !doc.progress || Boolean(fromLrs.problem);
	if (!doc.progress) return { value: local, keepApart };
	const sent = { ...doc.sent, answers: { ...doc.sent?.answers } };
	return {
		value: local
			? JSON.stringify(mergeEnvelopes(decode(local, version).envelope, fromLrs.envelope))
			: JSON.stringify(fromLrs.envelope),
		sent,
		keepApart
	};
}
