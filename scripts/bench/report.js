// Turns measurements into one table of figures beside their budgets. Pure functions: unit-tested.

/** @param {number[]} values */
export function median(values) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The columns of the table, in order. `budget` names a key of bench/budgets.json; a column without
 * one is shown for information. `value` returns undefined where a figure does not apply.
 */
export const columns = [
	{ head: 'JS KB', budget: 'jsKB', digits: 1, value: (p) => kb(p.firstLoad?.jsBytes) },
	{ head: 'CSS KB', budget: 'cssKB', digits: 1, value: (p) => kb(p.firstLoad?.cssBytes) },
	{ head: 'requests', budget: 'requests', digits: 0, value: (p) => p.firstLoad?.requests },
	{ head: 'web fonts', budget: 'webFonts', digits: 0, value: (p) => p.firstLoad?.webFonts },
	{
		head: 'next lesson JS KB',
		budget: 'nextLessonJsKB',
		digits: 1,
		value: (p) => kb(p.next?.jsBytes)
	},
	{
		head: 'repeat visit JS+CSS KB',
		budget: 'repeatVisitKB',
		digits: 1,
		value: (p) => kb(p.repeat?.jsCssBytes)
	},
	{ head: 'HTML KB', digits: 1, value: (p) => kb(p.firstLoad?.htmlBytes) },
	{ head: 'LH perf', budget: 'performance', digits: 0, value: (p) => p.lighthouse?.performance },
	{
		head: 'LH a11y',
		budget: 'accessibility',
		digits: 0,
		value: (p) => p.lighthouse?.accessibility
	},
	{ head: 'TBT ms', digits: 0, value: (p) => p.lighthouse?.tbtMs },
	{ head: 'LCP s', digits: 2, value: (p) => (p.lighthouse ? p.lighthouse.lcpMs / 1000 : undefined) }
];

/** @param {number | undefined} bytes */
function kb(bytes) {
	return bytes === undefined ? undefined : bytes / 1000;
}

/** @param {{ max?: number, min?: number }} budget @param {number} value */
export function withinBudget(budget, value) {
	if (Number.isNaN(value)) return false;
	if (budget.max !== undefined && value > budget.max) return false;
	if (budget.min !== undefined && value < budget.min) return false;
	return true;
}

/** @param {{ max?: number, min?: number } | undefined} budget */
function budgetText(budget) {
	if (!budget) return '';
	if (budget.max === 0) return ' (= 0)';
	if (budget.max !== undefined) return ` (≤ ${budget.max})`;
	return ` (≥ ${budget.min})`;
}

/**
 * Checks every figure of every page against its budget.
 * @param {{ path: string }[]} pages measurements, one per page
 * @param {Record<string, { max?: number, min?: number, label?: string }>} budgets
 */
export function evaluate(pages, budgets) {
	for (const column of columns) {
		if (column.budget && !budgets[column.budget])
			throw new Error(`bench/budgets.json: expected a budget named "${column.budget}"`);
	}
	const failures = [];
	const rows = pages.map((page) => ({
		path: page.path,
		cells: columns.map((column) => {
			const value = column.value(page);
			if (value === undefined) return { value: undefined, pass: true };
			const budget = column.budget ? budgets[column.budget] : undefined;
			const pass = budget ? withinBudget(budget, value) : true;
			if (!pass)
				failures.push(
					`${page.path}: ${budget?.label ?? column.head} is ${value.toFixed(column.digits)}, budget${budgetText(budget)}`
				);
			return { value, pass, budgeted: Boolean(budget) };
		})
	}));
	return { rows, failures };
}

/**
 * A Markdown table: each cell is the figure with ✓ or ✗ when it has a budget; — where it does not apply.
 * @param {ReturnType<typeof evaluate>['rows']} rows
 * @param {Record<string, { max?: number, min?: number }>} budgets
 */
export function formatTable(rows, budgets) {
	const head = [
		'page',
		...columns.map((c) => `${c.head}${budgetText(c.budget ? budgets[c.budget] : undefined)}`)
	];
	const body = rows.map((row) => [
		row.path,
		...row.cells.map((cell, i) => {
			if (cell.value === undefined) return '—';
			const figure = cell.value.toFixed(columns[i].digits);
			if (!cell.budgeted) return figure;
			return `${figure} ${cell.pass ? '✓' : '✗'}`;
		})
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
