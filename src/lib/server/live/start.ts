import type { Lesson } from '$lib/content/types';
import type { Live } from './service';
import { LiveError } from './validation';

export function startSession(live: Live, lesson: Lesson | undefined, address: string) {
	if (!lesson) throw new LiveError(404, 'There is no lesson with that name.');
	if (!live.createLimit.take(address))
		throw new LiveError(429, 'Too many sessions started from here. Try again in a minute.');
	return live.store.createSession(lesson.slug);
}
