import { mergeEnvelopes } from '$lib/progress/merge';
import { decode } from '$lib/progress/migrate';
import { attemptCounts } from './report';
import { decodeSuspend } from './suspend';

// A SCORM launch that finds progress in the LMS (cmi.suspend_data): decoded, brought up to this
// course's version and merged with this browser's copy, the newest of each item and nothing
// lowered. It loads only then (scorm.ts): a first launch has nothing to read.

export interface Resumed {
	/** The progress to start from, as stored progress text. */
	value: string;
	/** Reflections the LMS had no room for (their words are in the browser that wrote them). */
	omitted: string[];
	/** Quiz attempts the LMS has already been sent, by quiz key. */
	sent: Record<string, number>;
}

/** The LMS's copy merged with `local`, or null when the text is not ours or is damaged. */
export async function resumeFrom(
	text: string,
	local: string | null,
	version: string
): Promise<Resumed | null> {
	const decoded = await decodeSuspend(text);
	if (!decoded) return null;
	const fromLms = decode(decoded.json, version).envelope;
	return {
		value: local
			? JSON.stringify(mergeEnvelopes(decode(local, version).envelope, fromLms))
			: decoded.json,
		omitted: decoded.omitted,
		sent: attemptCounts(fromLms)
	};
}
