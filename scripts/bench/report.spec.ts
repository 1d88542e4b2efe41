import { describe, expect, it } from 'vitest';
import budgets from '../../bench/budgets.json';
import { evaluate, formatTable, median, withinBudget } from './report.js';

const page = (path: string, jsBytes: number, extra: object = {}) => ({
	path,
	firstLoad: { jsBytes, cssBytes: 2_000, requests: 9, webFonts: 0, htmlBytes: 5_000 },
	...extra
});

describe('median', () => {
	it('takes the middle value of an odd count and the mean of the middle two of an even one', () => {
		expect(median([95, 99, 97, 60, 98])).toBe(97);
		expect(median([1, 4, 2, 3])).toBe(2.5);
		expect(median([])).toBeNaN();
	});
});

describe('withinBudget', () => {
	it('checks maxima inclusively, minima inclusively, and fails a missing figure', () => {
		expect(withinBudget({ max: 50 }, 50)).toBe(true);
		expect(withinBudget({ max: 50 }, 50.001)).toBe(false);
		expect(withinBudget({ min: 95 }, 94)).toBe(false);
		expect(withinBudget({ max: 0 }, 0)).toBe(true);
		expect(withinBudget({ max: 8 }, NaN)).toBe(false);
	});
});

describe('evaluate', () => {
	it('fails a page over its JS budget and names the page, the figure and the budget', () => {
		const { failures, rows } = evaluate([page('/', 40_000), page('/lessons/a', 51_000)], budgets);
		expect(failures).toEqual(['/lessons/a: JS on first load is 51.0, budget (≤ 50)']);
		expect(rows[0].cells[0]).toMatchObject({ value: 40, pass: true });
	});

	it('checks Lighthouse and next-lesson figures only where they were measured', () => {
		const audited = page('/', 30_000, {
			next: { jsBytes: 9_000 },
			lighthouse: { performance: 94, accessibility: 100, tbtMs: 120, lcpMs: 1800 }
		});
		const { failures } = evaluate([audited, page('/lessons/b', 30_000)], budgets);
		expect(failures).toHaveLength(2);
		expect(failures.join('\n')).toMatch(/next lesson by client navigation is 9\.0/);
		expect(failures.join('\n')).toMatch(/performance, median of 5 is 94, budget \(≥ 95\)/);
	});

	it('refuses a budgets file that lacks a budget the table needs', () => {
		const { jsKB: _dropped, ...rest } = budgets;
		expect(() => evaluate([page('/', 1)], rest)).toThrow(/budget named "jsKB"/);
	});
});

describe('formatTable', () => {
	it('prints each figure beside its budget with a mark, and a dash where it does not apply', () => {
		const { rows } = evaluate([page('/', 60_000)], budgets);
		const table = formatTable(rows, budgets);
		expect(table).toContain('JS KB (≤ 50)');
		expect(table).toContain('60.0 ✗');
		expect(table).toContain('2.0 ✓');
		expect(table.split('\n')[2]).toMatch(/\| — +\|/);
	});
});
