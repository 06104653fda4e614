/**
 * OKX's API reference as the tests see it: the Financial Product chapter as of 2026-01-15, the chapter as of
 * 2026-08-22 (which wins where the two differ) and the account pages, read from the checked-in fixture
 * (test/fixtures/okx-reference.json, written by `npm run fixtures` from the pages in ../shared and checked
 * against them by test/unit/fixtures.test.ts), so tests compare our endpoint table and parsers with the
 * documentation's own values.
 */
import { readReference } from '../../fixtures/okxReference';

export type { SeedEndpoint } from '../../fixtures/okxPages';

/** The 33 endpoints of the Financial Product chapter as of 2026-01-15. */
export const readSeedEndpoints = () => readReference().january;

/** The Financial Product chapter as of 2026-08-22 (55 endpoints). */
export const readChapter2026 = () => readReference().chapter2026;

/** The account pages of 2026 (funding balances, asset valuation, index tickers). */
export const readAccountPages2026 = () => readReference().account2026;
