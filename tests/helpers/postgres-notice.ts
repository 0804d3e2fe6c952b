/** Says once, for the whole run, that the PostgreSQL tests were skipped and how to run them. */
export default function postgresNotice(): void {
  if (!process.env.CLUBWATCH_TEST_DATABASE_URL) {
    console.log('PostgreSQL tests skipped: set CLUBWATCH_TEST_DATABASE_URL=postgres://user@host:5432/database to run them.');
  }
}
