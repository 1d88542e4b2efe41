import { describe, expect, it } from 'vitest';
import { caseStudySchema } from '$lib/content/case-schema';
import raw from '../../../../lessons/07-equity-and-context/case.json';
import { balanceAfter, endingFor, signed } from './case';

const data = caseStudySchema.parse(raw);

/** Every combination of one option per scene. */
function allPaths(): string[][] {
	return data.scenes.reduce<string[][]>(
		(paths, scene) => paths.flatMap((p) => scene.options.map((o) => [...p, o.id])),
		[[]]
	);
}

describe('the heart-failure case', () => {
	it('reaches every ending by some path, and each path reaches exactly one', () => {
		const reached = new Set(allPaths().map((p) => endingFor(data, balanceAfter(data, p)).id));
		expect([...reached].sort()).toEqual(data.endings.map((e) => e.id).sort());
	});

	it('coproduced responses end better than product-style ones', () => {
		const pick = (style: string) =>
			data.scenes.map((s) => s.options.find((o) => o.style === style)!.id);
		expect(endingFor(data, balanceAfter(data, pick('coproduced'))).id).toBe(data.endings[0].id);
		expect(endingFor(data, balanceAfter(data, pick('product'))).id).toBe(data.endings.at(-1)!.id);
	});

	it('keeps workload and capacity on the illustrative scale', () => {
		for (const path of allPaths()) {
			const b = balanceAfter(data, path);
			for (const v of [b.workload, b.capacity]) {
				expect(v).toBeGreaterThanOrEqual(0);
				expect(v).toBeLessThanOrEqual(data.scale.max);
			}
		}
	});

	it('says on screen that the person is a composite', () => {
		expect(data.composite).toMatch(/composite/i);
		const noComposite = { ...raw, composite: 'A real patient.' };
		expect(caseStudySchema.safeParse(noComposite).success).toBe(false);
	});

	it('rejects endings without a catch-all last ending', () => {
		const broken = { ...raw, endings: raw.endings.map((e) => ({ ...e, minBalance: 0 })) };
		expect(caseStudySchema.safeParse(broken).success).toBe(false);
	});

	it('has real trade-offs: a coproduced choice that adds work, a refusal, and more than two ways at some moment', () => {
		const options = data.scenes.flatMap((s) => s.options);
		expect(options.some((o) => o.style === 'coproduced' && o.workload > 0)).toBe(true);
		expect(options.some((o) => o.style === 'left')).toBe(true);
		expect(data.scenes.some((s) => s.options.length > 2)).toBe(true);
	});

	it('ends with a debrief on the five domains of the cross-national comparison', () => {
		expect(data.debrief?.domains.map((d) => d.id)).toEqual([
			'patients',
			'norms',
			'systems',
			'costs',
			'databases'
		]);
		const dup = {
			...raw,
			debrief: { ...raw.debrief, domains: [raw.debrief.domains[0], raw.debrief.domains[0]] }
		};
		expect(caseStudySchema.safeParse(dup).success).toBe(false);
	});

	it('formats changes with a sign', () => {
		expect(signed(3)).toBe('+3');
		expect(signed(-1)).toBe('−1');
		expect(signed(0)).toBe('no change');
	});
});
