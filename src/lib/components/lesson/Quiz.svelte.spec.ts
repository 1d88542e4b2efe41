import { fireEvent, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, test, vi } from 'vitest';
import Quiz from './Quiz.svelte';
import { renderBlock } from './testing/setup';

const fresh = { quizzes: {}, reflections: {}, done: [] };

function labels(container: HTMLElement, questionId: string): string[] {
	return [...container.querySelectorAll(`[id$="-${questionId}"] label`)].map(
		(l) => l.textContent?.trim() ?? ''
	);
}

describe('Quiz', () => {
	test('renders each question as labelled native inputs, true/false as two radios', async () => {
		renderBlock(Quiz, { stepId: 'quiz-passed', initial: fresh });
		await tick();
		expect(screen.getAllByRole('group', { name: /^Question \d of 3/ })).toHaveLength(3);
		expect(
			(screen.getByRole('radio', { name: 'always coproduced' }) as HTMLInputElement).checked
		).toBe(false);
		expect(screen.getByRole('checkbox', { name: 'What matters to them' })).toBeTruthy();
		const tf = screen.getByRole('group', { name: /Question 3 of 3/ });
		expect(
			within(tf)
				.getAllByRole('radio')
				.map((r) => r.getAttribute('value'))
		).toEqual(['true', 'false']);
		expect(within(tf).getByRole('radio', { name: 'True' })).toBeTruthy();
		expect(
			(screen.getByRole('button', { name: 'Submit answers' }) as HTMLInputElement).disabled
		).toBe(false);
	});

	test('an unanswered question blocks submission and is named', async () => {
		const { progress } = renderBlock(Quiz, { stepId: 'quiz-passed', initial: fresh });
		await tick();
		await fireEvent.click(screen.getByRole('radio', { name: 'always coproduced' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
		expect(screen.getByRole('status')?.textContent).toContain(
			'Answer question 2 before submitting.'
		);
		expect(progress.events).toEqual([]);
	});

	test('submitting sends the answers, shows feedback with sources, announces and focuses it', async () => {
		const { progress, container } = renderBlock(Quiz, { stepId: 'quiz-passed', initial: fresh });
		await tick();
		await fireEvent.click(screen.getByRole('radio', { name: 'always coproduced' }));
		await fireEvent.click(screen.getByRole('checkbox', { name: 'What matters to them' }));
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Prescribing rules' }));
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Prescribing rules' }));
		await fireEvent.click(screen.getByRole('radio', { name: 'True' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
		// The feedback's code loads on the first submission.
		await vi.waitFor(() => expect(document.activeElement?.classList.contains('result')).toBe(true));

		expect(progress.events).toEqual([
			{
				type: 'quiz.submit',
				stepId: 'quiz-passed',
				answers: { services: ['coproduced'], brings: ['goals'], product: ['true'] }
			}
		]);
		const summary = 'You scored 33% (1 of 3 right). The pass mark is 75%. Not passed yet';
		expect(screen.getByRole('status')?.textContent).toContain(summary);
		expect(document.activeElement?.classList.contains('result')).toBe(true);
		expect(document.activeElement?.textContent).toContain(summary);
		expect(screen.getAllByText(/^Source: Batalden/)).toHaveLength(3);
		expect(screen.getAllByText('Your answer: not correct')).toHaveLength(1);
		expect(screen.getAllByText('Your answer: correct')).toHaveLength(2);
		// A failed first attempt: the wrong answer says why, the correct options stay hidden.
		expect(screen.getByText(/True is wrong: the essay warns/)).toBeTruthy();
		expect(screen.queryAllByText('Correct answer')).toHaveLength(0);
		expect(screen.queryByText('That is the professional’s knowledge.')).toBeNull();
		expect(screen.queryByText(/He argues that modelling care/)).toBeNull();
		expect(screen.getByText('You left out at least one correct option.')).toBeTruthy();
		expect(container.querySelectorAll('li.option.right')).toHaveLength(2);
		expect(
			screen.getByText(/correct answers are shown once you pass, or after 2 more/)
		).toBeTruthy();
		expect(container.querySelectorAll('input:disabled')).toHaveLength(8);
		expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
	});

	test('restores a saved attempt, and Try again clears it and focuses the first option', async () => {
		const { progress } = renderBlock(Quiz, { stepId: 'quiz-failed' });
		await tick();
		// The saved answers show at once; the feedback's code then loads for the result.
		await vi.waitFor(() => expect(screen.getByText(/The pass mark is 100%/)).toBeTruthy());
		expect(
			(screen.getByRole('radio', { name: 'cheaper to make' }) as HTMLInputElement).checked
		).toBe(true);
		expect(
			(screen.getByRole('checkbox', { name: 'Prescribing rules' }) as HTMLInputElement).checked
		).toBe(true);
		expect(screen.getByText(/The pass mark is 100%/)).toBeTruthy();
		expect(screen.getByText('Best score 67% over 2 attempts.')).toBeTruthy();

		await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
		await tick();
		expect(progress.events).toEqual([{ type: 'quiz.retry', stepId: 'quiz-failed' }]);
		expect(
			(screen.getByRole('radio', { name: 'cheaper to make' }) as HTMLInputElement).checked
		).toBe(false);
		expect(
			(screen.getByRole('radio', { name: 'cheaper to make' }) as HTMLInputElement).disabled
		).toBe(false);
		expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
	});

	test('shuffles options per learner, the same way every time', async () => {
		const orders = new Set<string>();
		for (const learnerSeed of ['a', 'b', 'c', 'd', 'e', 'f']) {
			const first = renderBlock(Quiz, { stepId: 'quiz-answering', initial: fresh, learnerSeed });
			await tick();
			const order = labels(first.container, 'services').join('|');
			first.unmount();
			const again = renderBlock(Quiz, { stepId: 'quiz-answering', initial: fresh, learnerSeed });
			await tick();
			expect(labels(again.container, 'services').join('|')).toBe(order);
			again.unmount();
			orders.add(order);
		}
		expect(orders.size).toBeGreaterThan(1);
	});

	test('a quiz that does not shuffle keeps the authored order', async () => {
		const { container } = renderBlock(Quiz, { stepId: 'quiz-passed', initial: fresh });
		await tick();
		expect(labels(container, 'services')).toEqual([
			'cheaper to make',
			'always coproduced',
			'made by professionals alone'
		]);
	});

	test('after a third failed attempt the correct options and explanations are shown', async () => {
		const { container } = renderBlock(Quiz, { stepId: 'quiz-revealed' });
		await vi.waitFor(() => expect(screen.getAllByText('Correct answer')).toHaveLength(2));
		expect(screen.getByText(/He argues that modelling care/)).toBeTruthy();
		expect(screen.getByText('That is the professional’s knowledge.')).toBeTruthy();
		expect(container.querySelectorAll('li.option.right')).toHaveLength(4);
		expect(screen.queryByText(/correct answers are shown once you pass/)).toBeNull();
	});

	test('a second failed attempt still hides the correct options', async () => {
		renderBlock(Quiz, { stepId: 'quiz-failed' });
		await vi.waitFor(() => expect(screen.getByText(/after one more attempt/)).toBeTruthy());
		expect(screen.queryAllByText('Correct answer')).toHaveLength(0);
	});

	test('an attempt draws from the pool; a retake draws a different set, scored over what was shown', async () => {
		const { progress, container } = renderBlock(Quiz, {
			stepId: 'quiz-pool',
			initial: fresh,
			learnerSeed: 'pool-learner'
		});
		await tick();
		const shown = () =>
			[...container.querySelectorAll('fieldset.question')].map((f) =>
				f.id.replace('quiz-pool-', '')
			);
		const first = shown();
		expect(first).toHaveLength(3);
		// Both objectives of the pool are covered: the two new items are the only ones on "draw".
		expect(first.some((id) => id === 'third-aim' || id === 'outside')).toBe(true);
		// Answer every shown item with its first option.
		for (const id of first) {
			const input = container.querySelector<HTMLInputElement>(`#quiz-pool-${id} input`)!;
			await fireEvent.click(input);
		}
		await fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
		await vi.waitFor(() => expect(screen.getAllByText(/of 3 right/).length).toBeGreaterThan(0));
		expect(Object.keys(progress.quiz('quiz-pool')!.answers).sort()).toEqual([...first].sort());
		expect(shown()).toEqual(first);

		await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
		await tick();
		const second = shown();
		expect(second).toHaveLength(3);
		expect(second).not.toEqual(first);
		expect(screen.getByRole('status').textContent).toContain('draws a different set');
	});
});
