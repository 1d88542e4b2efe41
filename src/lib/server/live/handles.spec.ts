import { describe, expect, it } from 'vitest';
import { adjectives, nouns, randomHandle } from './handles';

// Words that, in a healthcare room, make a handle read as a person's label or role.
const clinical =
	/^(patient|client|case|nurse|doctor|dr|sister|matron|carer|consultant|surgeon|registrar|junior|senior|sick|ill|bed|ward|bay|room|mr|mrs|ms|miss|service|user|staff|student|resident|healer|care|critical|acute|chronic)$/i;

describe('random handles', () => {
	it('never use a word that reads as a patient, a role or a ward', () => {
		for (const word of [...adjectives, ...nouns]) expect(word).not.toMatch(clinical);
	});

	it('are an adjective, a noun and a two-digit number', () => {
		for (let i = 0; i < 50; i++) expect(randomHandle()).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d\d$/);
	});
});
