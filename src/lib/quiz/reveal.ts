// When a quiz shows its correct answers. Before then, feedback says which of the learner's answers
// were wrong and why, so a retake is a second go at the thinking rather than a copy of the key.

/** Failed attempts after which the correct answers are shown anyway. */
export const revealAfterAttempts = 3;

export function revealsAnswers(record: { everPassed: boolean; attempts: number }): boolean {
	return record.everPassed || record.attempts >= revealAfterAttempts;
}
