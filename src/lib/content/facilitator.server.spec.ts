import { describe, expect, it } from 'vitest';
import { ContentError } from './build-index';
import { facilitatorNotes, parseFacilitatorNotes } from './facilitator.server';
import { lessons } from './lessons.server';

const valid = {
	minutes: 60,
	timeline: [
		{ minutes: 20, activity: 'Welcome' },
		{ minutes: 40, activity: 'Group work' }
	],
	discussion: ['What did you notice?'],
	activity: { title: 'Pairs', minutes: 20, instructions: ['Talk in pairs'] },
	prepare: ['A projector']
};

describe('facilitator notes', () => {
	it('every lesson has notes, and no notes belong to a missing lesson', () => {
		expect(facilitatorNotes.map((n) => n.slug)).toEqual(lessons.map((l) => l.slug));
	});

	it('parses valid notes and takes the slug from the folder', () => {
		const [notes] = parseFacilitatorNotes({ '/lessons/03-burden/facilitator.md': valid });
		expect(notes).toMatchObject({ slug: 'burden', file: 'lessons/03-burden/facilitator.md' });
	});

	it('skips drafts', () => {
		expect(parseFacilitatorNotes({ '/lessons/xx-draft/facilitator.md': {} })).toEqual([]);
	});

	it('names the file and field when the timeline does not add up', () => {
		const broken = { ...valid, timeline: [{ minutes: 50, activity: 'Everything' }] };
		expect(() => parseFacilitatorNotes({ '/lessons/03-burden/facilitator.md': broken })).toThrow(
			/lessons\/03-burden\/facilitator\.md: field "timeline": expected the timeline to add up to 60 minutes, it adds up to 50/
		);
	});

	it('rejects notes without a group activity', () => {
		const { activity: _activity, ...broken } = valid;
		expect(() => parseFacilitatorNotes({ '/lessons/03-burden/facilitator.md': broken })).toThrow(
			ContentError
		);
	});
});
