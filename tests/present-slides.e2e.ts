// Every slide of every lesson's deck, as the projector shows it at 1280×720: no developer error on
// it, nothing cut off or needing a scroll, and speaker notes for each one.
import { expect, test } from '@playwright/test';
import { readLessons } from './course';

const lessons = readLessons();

test.use({ viewport: { width: 1280, height: 720 } });

for (const lesson of lessons) {
	test(`every slide of “${lesson.slug}” fits 1280×720 with no error and has notes`, async ({
		page
	}, info) => {
		test.setTimeout(60_000);
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack ?? ''}`));
		await page.goto(`/present/${lesson.slug}`);
		const counter = page.getByTestId('counter');
		await expect(counter).toHaveText(/^1 \/ \d+$/);
		const total = Number((await counter.textContent())!.split('/')[1].trim());
		expect(total).toBeGreaterThan(lesson.steps.length);

		for (let n = 1; n <= total; n++) {
			await expect(counter).toHaveText(`${n} / ${total}`);
			const slide = page.locator('section.slide');
			// A missing registry entry prints "Reading “x” is not in lessons/references.json." and the like.
			await expect(slide).not.toContainText(/is not in lessons\//);
			await expect(slide).not.toContainText(/needs the lesson's/);
			// The presenter may set a long slide smaller to fit (a few frames), never leave it cut off.
			await expect
				.poll(() => slide.evaluate((el) => el.scrollHeight - el.clientHeight), {
					message: `slide ${n} of ${lesson.slug} overflows the screen`,
					timeout: 3000
				})
				.toBeLessThanOrEqual(1);
			expect(
				await slide.evaluate((el) => el.scrollWidth - el.clientWidth),
				`slide ${n} of ${lesson.slug} is wider than the screen`
			).toBeLessThanOrEqual(1);
			// Speaker notes: the presenter exposes the slide's notes count for the notes window.
			await expect(slide).toHaveAttribute('data-notes', /^[1-9]\d*$/);
			if (n === 3) await page.screenshot({ path: info.outputPath(`${lesson.slug}-slide-3.png`) });
			if (n < total) await page.keyboard.press('ArrowRight');
		}
		expect(errors).toEqual([]);
	});
}
