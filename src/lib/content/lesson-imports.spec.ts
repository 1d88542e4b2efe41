import { describe, expect, it } from 'vitest';
import { isIsland } from '$lib/components/lesson/island/blocks.js';
import { lessonImports } from './lesson-imports.js';

function imports(content: string): string {
	const result = lessonImports().markup?.({ content, filename: '/lessons/01-x/index.md' });
	return result && typeof result === 'object' && 'code' in result ? result.code : content;
}

describe('lesson imports', () => {
	it('imports only the blocks a lesson uses', () => {
		const code = imports('---\ntitle: x\n---\n<Step id="a">\n<Quiz />\n</Step>\n');
		expect(code).toContain("import Step from '$lib/components/lesson/Step.svelte';");
		expect(code).toContain("import Quiz from '$lib/components/lesson/Quiz.svelte?island';");
		expect(code).not.toContain('Reflection');
		expect(code.startsWith('---\ntitle: x\n---\n<script>')).toBe(true);
	});

	it('loads every block but Step, Term and Callout as an island', () => {
		expect(isIsland('/src/lib/components/lesson/Quiz.svelte')).toBe(true);
		expect(isIsland('/src/lib/components/lesson/CaseStudy.svelte')).toBe(true);
		expect(isIsland('/src/lib/components/lesson/Step.svelte')).toBe(false);
		expect(isIsland('/src/lib/components/lesson/Term.svelte')).toBe(false);
		expect(isIsland('/src/lib/components/lesson/Callout.svelte')).toBe(false);
		expect(isIsland('/src/lib/components/lesson/quiz/Feedback.svelte')).toBe(false);
		expect(isIsland('/src/routes/+page.svelte')).toBe(false);
	});
});
