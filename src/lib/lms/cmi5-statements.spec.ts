import { describe, expect, it } from 'vitest';
import {
	answeredStatement,
	categories,
	judged,
	launchParams,
	masteryExtension,
	statementIn,
	uuid,
	type Launch,
	type LaunchData
} from './cmi5-statements';
import type { KeyQuestion } from './quiz-key';

const actor = { objectType: 'Agent' as const, account: { homePage: 'https://lms', name: 'jo' } };
const launch: Launch = {
	endpoint: 'https://lrs.example.org/xapi/',
	fetch: 'https://lms.example.org/fetch/1',
	actor,
	registration: 'a1b2c3d4-0000-4000-8000-000000000001',
	activityId: 'urn:coproduction-course:cmi5:au:course'
};
const sessionId = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const data: LaunchData = {
	contextTemplate: {
		contextActivities: { grouping: [{ id: 'urn:lms:course' }] },
		extensions: { [sessionId]: 'session-1' }
	},
	launchMode: 'Normal',
	moveOn: 'CompletedAndPassed',
	masteryScore: 0.75
};

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

	it('an answer is an allowed statement: no cmi5 category, a cmi.interaction with the responses', () => {
		const question: KeyQuestion = {
			id: 'who',
			type: 'choice',
			prompt: 'Who  coproduces?',
			options: ['patients', 'payers', 'professionals'],
			correct: ['patients', 'professionals']
		};
		const s = answeredStatement(data, launch, {
			id: 'what-is-coproduction.check.who',
			question,
			chosen: ['payers'],
			correct: false,
			t: Date.UTC(2026, 0, 2)
		});
		expect(s.context.contextActivities?.category).toBeUndefined();
		expect(s.context.registration).toBe(launch.registration);
		expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
		expect(s.object).toMatchObject({
			id: `${launch.activityId}/question/what-is-coproduction.check.who`,
			definition: {
				interactionType: 'choice',
				description: { en: 'Who coproduces?' },
				correctResponsesPattern: ['patients[,]professionals']
			}
		});
		expect(s.result).toEqual({ success: false, response: 'payers' });
		expect(s.timestamp).toBe('2026-01-02T00:00:00.000Z');
	});

	it('ids are version 4 UUIDs, each new', () => {
		const a = uuid();
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(uuid()).not.toBe(a);
	});
});

describe('judged (moveOn honoured)', () => {
	it('judges pass or fail when moveOn asks for a pass or the LMS gives a mastery score', () => {
		expect(judged({ ...data, moveOn: 'Passed', masteryScore: undefined }, 0.75)).toBe(true);
		expect(judged({ ...data, moveOn: 'CompletedOrPassed', masteryScore: undefined }, 0.75)).toBe(
			true
		);
		expect(judged({ ...data, moveOn: 'Completed' }, 0.75)).toBe(true);
	});
	it('does not with moveOn Completed or NotApplicable and no mastery score, nor with no threshold', () => {
		expect(judged({ ...data, moveOn: 'Completed', masteryScore: undefined }, 0.75)).toBe(false);
		expect(judged({ ...data, moveOn: 'NotApplicable', masteryScore: undefined }, 0.75)).toBe(false);
		expect(judged(data, undefined)).toBe(false);
	});
});
