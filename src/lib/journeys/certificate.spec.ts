import { describe, expect, it, it as test } from 'vitest';
import {
	canonicalRecord,
	checkCertificate,
	localDate,
	longDate,
	parseScore,
	tidyName,
	verificationCode
} from './certificate';
import type { CertificateRecord } from './certificate';

const record: CertificateRecord = {
	courseTitle: 'Coproduction of Healthcare',
	courseVersion: '2026-11-26',
	completedOn: '2026-11-26',
	name: 'Ann Lee',
	lessons: [
		{ number: 1, title: 'One', best: 100 },
		{ number: 2, title: 'Two', best: 75 }
	]
};

describe('certificate verification code', () => {
	it('is twelve hex digits in three groups, the same for the same record', async () => {
		const code = await verificationCode(record);
		expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
		expect(await verificationCode({ ...record })).toBe(code);
	});

	it('is the SHA-256 of the documented canonical text', async () => {
		expect(canonicalRecord(record)).toBe(
			'coproduction-course certificate v1\nCoproduction of Healthcare\n2026-11-26\n2026-11-26\nAnn Lee\n1|100\n2|75'
		);
		const digest = await crypto.subtle.digest(
			'SHA-256',
			new TextEncoder().encode(canonicalRecord(record))
		);
		const hex = Buffer.from(digest).toString('hex').slice(0, 12).toUpperCase();
		expect(await verificationCode(record)).toBe(hex.match(/.{4}/g)!.join('-'));
	});

	it('changes when the name, the date, a score or the course version changes', async () => {
		const code = await verificationCode(record);
		const changed = [
			{ ...record, name: 'Ann Leigh' },
			{ ...record, completedOn: '2026-11-27' },
			{ ...record, courseVersion: '2027-01-01' },
			{ ...record, lessons: [record.lessons[0], { ...record.lessons[1], best: 100 }] }
		];
		for (const other of changed) expect(await verificationCode(other)).not.toBe(code);
	});

	it('ignores extra spaces in the name', async () => {
		expect(tidyName('  Ann   Lee ')).toBe('Ann Lee');
		expect(await verificationCode({ ...record, name: ' Ann  Lee' })).toBe(
			await verificationCode(record)
		);
	});
});

describe('certificate dates', () => {
	it('writes the local calendar date and a long form of it', () => {
		expect(localDate(new Date(2026, 10, 26, 23, 59).getTime())).toBe('2026-11-26');
		expect(longDate('2026-11-26')).toBe('26 November 2026');
	});
});

describe('checking a printed certificate', () => {
	const printed = {
		courseTitle: 'Coproduction of Healthcare',
		courseVersion: '2026-11-26',
		completedOn: '2026-11-24',
		name: 'Dr Ann Lee',
		lessons: [
			{ number: 1, title: 'One', best: 100 },
			{ number: 2, title: 'Two', best: 75 },
			{ number: 3, title: 'Three', best: null }
		]
	};

	test('the printed fields and code match; any changed field does not', async () => {
		const code = await verificationCode(printed);
		expect(await checkCertificate(printed, code.toLowerCase().replace(/-/g, ' '))).toBe('matches');
		expect(await checkCertificate({ ...printed, name: 'Dr Ann  Lee ' }, code)).toBe('matches');
		expect(await checkCertificate({ ...printed, name: 'Dr Anne Lee' }, code)).toBe('differs');
		expect(await checkCertificate({ ...printed, completedOn: '2026-11-25' }, code)).toBe('differs');
		const scores = printed.lessons.map((l, i) => (i === 1 ? { ...l, best: 80 } : l));
		expect(await checkCertificate({ ...printed, lessons: scores }, code)).toBe('differs');
		expect(await checkCertificate(printed, '1234')).toBe('bad-code');
	});

	test('scores are read as printed', () => {
		expect(parseScore('75%')).toBe(75);
		expect(parseScore(' 100 ')).toBe(100);
		expect(parseScore('No quiz')).toBeNull();
		expect(parseScore('')).toBeNull();
		expect(parseScore('101')).toBeUndefined();
		expect(parseScore('seventy')).toBeUndefined();
	});
});
