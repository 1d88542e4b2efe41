import { describe, expect, it } from 'vitest';
import { answeredStatement, judged } from './cmi5-report';
import { data, launch } from './fixtures/cmi5-launch';
import type { KeyQuestion } from './quiz-key';

describe('answered statements', () => {
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
