import { fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeEach, describe, expect, test } from 'vitest';
import { explainerSchema } from '$lib/content/explainer-schema';
import raw from '../../../../lessons/02-the-sandwich/explainer.json';
import SandwichExplainer from './SandwichExplainer.svelte';
import { renderBlock } from './testing/setup';

// The lesson page gives the explainer its words (lessons/02-the-sandwich/explainer.json).
const interactions = { explainer: explainerSchema.parse(raw) };

async function press(name: string | RegExp) {
	await fireEvent.click(screen.getByRole('button', { name }));
	await tick();
}

const completions = (events: { type: string }[]) =>
	events.filter((e) => e.type === 'step.complete');

describe('SandwichExplainer', () => {
	// Its place is kept per tab (drafts.ts): each test starts a fresh tab.
	beforeEach(() => sessionStorage.clear());

	test('reports its step complete once, only after both ways have been tried', async () => {
		const { progress } = renderBlock(SandwichExplainer, { interactions, stepId: 'terms' });
		await tick();
		await press('I can’t have dairy');
		await press(/^Off the shelf/);
		await press('Egg mayonnaise on white');
		expect(screen.getByText(/suits you this time, by luck/)).toBeTruthy();
		expect(completions(progress.events)).toEqual([]);

		await press('Now try the counter');
		for (const choice of ['Say what you need', 'Ask what you can’t eat', 'Decide together']) {
			await press(new RegExp(`^${choice}`));
			await press(/^(Next moment|See your lunch)$/);
		}
		expect(screen.getByText('Explainer complete: you tried both ways.')).toBeTruthy();
		expect(completions(progress.events)).toEqual([{ type: 'step.complete', stepId: 'terms' }]);

		await press('Map it to a clinical encounter');
		await press('Start again');
		await press('Nothing in particular today');
		await press(/^Off the shelf/);
		await press('Cheese and pickle on a crusty roll');
		expect(completions(progress.events)).toHaveLength(1);
	}, 30_000); // many role queries in jsdom: slow on a busy machine, not a timing assertion

	test('marks the chosen answer as pressed and explains the silent choice', async () => {
		renderBlock(SandwichExplainer, { interactions, stepId: 'terms' });
		await tick();
		await press('I need gluten-free bread');
		await press(/^At the counter/);
		await press('Say “just the usual” and wait');
		const quiet = screen.getByRole('button', { name: 'Say “just the usual” and wait' });
		expect(quiet.getAttribute('aria-pressed')).toBe('true');
		expect(screen.getByRole('heading', { name: 'When either side is silent' })).toBeTruthy();
	});

	test('comes back where the learner was after a reload (this tab only)', async () => {
		const first = renderBlock(SandwichExplainer, { interactions, stepId: 'terms' });
		await tick();
		await press('I can’t have dairy');
		expect(screen.getByRole('heading', { name: 'How will you get lunch?' })).toBeTruthy();
		first.unmount();
		renderBlock(SandwichExplainer, { interactions, stepId: 'terms' });
		await tick();
		expect(screen.getByRole('heading', { name: 'How will you get lunch?' })).toBeTruthy();
		sessionStorage.clear();
	});
});
