import { describe, expect, it } from 'vitest';
import { categories, launchParams, masteryExtension, statementIn, uuid } from './cmi5-statements';
import { actor, data, launch, sessionId } from './fixtures/cmi5-launch';

describe('launchParams', () => {
	it('reads the five cmi5 launch parameters, the endpoint ending in a slash', () => {
		const search = `?${new URLSearchParams({
			endpoint: 'https://lrs.example.org/xapi',
			fetch: launch.fetch,
			actor: JSON.stringify(actor),
			registration: launch.registration,
			activityId: launch.activityId
		})}`;
		expect(launchParams(search)).toEqual(launch);
	});
	it('is null when any is missing or the actor is not JSON', () => {
		expect(launchParams('?endpoint=x&fetch=y&registration=r&activityId=a')).toBeNull();
		expect(launchParams('?endpoint=x&fetch=y&actor={&registration=r&activityId=a')).toBeNull();
		expect(launchParams('')).toBeNull();
	});
});

describe('statements', () => {
	it('carry the context template, the registration and the cmi5 category; moveOn verbs the moveon category and the mastery score', () => {
		const initialized = statementIn(data, launch, 'initialized');
		expect(initialized.context).toEqual({
			contextActivities: {
				grouping: [{ id: 'urn:lms:course' }],
				category: [{ id: categories.cmi5 }]
			},
			extensions: { [sessionId]: 'session-1' },
			registration: launch.registration
		});
		expect(initialized.object).toEqual({ objectType: 'Activity', id: launch.activityId });
		const passed = statementIn(data, launch, 'passed', { moveOn: true });
		expect(passed.context.contextActivities?.category).toEqual([
			{ id: categories.cmi5 },
			{ id: categories.moveOn }
		]);
		expect(passed.context.extensions?.[masteryExtension]).toBe(0.75);
		// The template itself is never changed.
		expect(data.contextTemplate.contextActivities?.category).toBeUndefined();
	});

	it('ids are version 4 UUIDs, each new', () => {
		const a = uuid();
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(uuid()).not.toBe(a);
	});
});
