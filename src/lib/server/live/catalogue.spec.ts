import { describe, expect, it } from 'vitest';
import { lessons } from '$lib/content/lessons.server';
import { liveItemsFor } from './catalogue';

describe('live items for a lesson', () => {
	it('offer every pool item with its clinical scenario, so phones see the situation the prompt asks about', () => {
		for (const lesson of lessons) {
			const pool = lesson.steps.flatMap((s) => (s.kind === 'quiz' ? s.questions : []));
			const items = liveItemsFor(lesson).filter((i) => i.kind === 'question');
			expect(items).toHaveLength(pool.length);
			for (const q of pool) {
				const item = items.find((i) => i.key.endsWith(`.${q.id}`));
				expect(item?.kind === 'question' ? item.scenario : 'not a question').toBe(q.scenario);
			}
		}
	});
});
