import type { Lesson } from '$lib/content/types';
import { waitText } from './admission';
import type { Live } from './service';
import { LiveError } from './validation';

export async function startSession(live: Live, lesson: Lesson | undefined, address: string) {
	if (!lesson) throw new LiveError(404, 'There is no lesson with that name.');
	const verdict = await live.admission.creates.take(address);
	if (!verdict.allowed)
		throw new LiveError(
			429,
			`Too many sessions were started from here. Try again in ${waitText(verdict.retryAfterS)}.`,
			verdict.retryAfterS
		);
	return live.store.createSession(lesson.slug);
}
