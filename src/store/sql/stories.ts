import { sql, type RawBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Action, Platform } from '../../announcements/announcement.ts';
import { storyClubKey, storyEventKey } from '../../stories/story-key.ts';
import { storyAfterReport } from '../../stories/story-rules.ts';
import type { Story, StoryReport } from '../../stories/story.ts';
import type { StoryStore } from '../store.ts';
import type { Db, DirectSql, SqlContext } from './engine.ts';
import { forgetSampleStories } from './migrations.ts';
import { toReport, toStory } from './rows.ts';
import type { Database } from './schema.ts';

/** Announcements, stories and the board. */
export function storyStore({ db, engine, inTransaction, direct, lockedEvents }: SqlContext): StoryStore {
  const getStories: StoryStore['getStories'] = async (ids) => {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('stories').selectAll().where('id', 'in', ids).execute();
    const stories = await withReports(db, rows);
    const order = new Map(ids.map((id, index) => [id, index]));
    return stories.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  };
  /**
   * PostgreSQL: the events' advisory locks not yet held, in one statement, in sorted order so every
   * process takes them in the same one; held until the transaction ends (outside one, only for that
   * statement). SQLite writes one transaction at a time anyway.
   */
  const lockEvents = async (eventKeys: string[]): Promise<void> => {
    if (engine !== 'postgres') return;
    const keys = [...new Set(eventKeys)].filter((key) => !lockedEvents.has(key)).sort();
    if (keys.length === 0) return;
    // unnest gives the keys in the array's order.
    await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${keys}::text[]) as k`.execute(db);
    if (inTransaction) for (const key of keys) lockedEvents.add(key);
  };
  const addReport: StoryStore['addReport'] = async (storyId, report) => {
    if (!(await insertReport(db, direct, storyId, report))) return false;
    const story = direct
      ? direct.get<{ confidence: number; occurred_at: string }>('select "confidence", "occurred_at" from "stories" where "id" = ?', [storyId])
      : await db.selectFrom('stories').select(['confidence', 'occurred_at']).where('id', '=', storyId).executeTakeFirst();
    if (!story) return true;
    const next = storyAfterReport({ confidence: story.confidence, occurredAt: story.occurred_at }, report);
    if (next.confidence === story.confidence && next.occurredAt === story.occurred_at) return true;
    if (direct) direct.run('update "stories" set "confidence" = ?, "occurred_at" = ? where "id" = ?', [next.confidence, next.occurredAt, storyId]);
    else await db.updateTable('stories').set({ confidence: next.confidence, occurred_at: next.occurredAt }).where('id', '=', storyId).execute();
    return true;
  };

  return {
    getStories,
    addReport,

    async recordAnnouncements(found) {
      // One statement for all a read found (a few hundred rows at most), each row in the order found.
      for (let start = 0; start < found.length; start += 500) {
        const chunk = found.slice(start, start + 500);
        if (direct) {
          const values: unknown[] = [];
          for (const { item, announcement, storyId } of chunk) {
            const { club } = announcement;
            values.push(item.sourceId, item.key, club.id, club.name, announcement.platform, announcement.action, announcement.confidence, announcement.evidence, storyId);
          }
          direct.run(`${insertAnnouncementsSql}${', (?, ?, ?, ?, ?, ?, ?, ?, ?)'.repeat(chunk.length - 1)}`, values);
          continue;
        }
        await db
          .insertInto('announcements')
          .values(
            chunk.map(({ item, announcement, storyId }) => ({
              source_id: item.sourceId,
              item_key: item.key,
              club_id: announcement.club.id,
              club_name: announcement.club.name,
              platform: announcement.platform,
              action: announcement.action,
              confidence: announcement.confidence,
              evidence: announcement.evidence,
              story_id: storyId,
            })),
          )
          .execute();
      }
    },

    async listAnnouncementsForItem(sourceId, key) {
      const rows = await db.selectFrom('announcements').selectAll().where('source_id', '=', sourceId).where('item_key', '=', key).orderBy('id').execute();
      return rows.map((row) => ({
        club: { id: row.club_id, name: row.club_name },
        platform: row.platform as Platform,
        action: row.action as Action,
        confidence: row.confidence,
        evidence: row.evidence,
        storyId: row.story_id,
      }));
    },

    async lockStoryEvents(events) {
      await lockEvents(events.map((event) => storyEventKey(event.club, event.platform, event.action)));
    },

    async findRecentStory(club, platform, action, since) {
      // Two workers reading two outlets of one event: the second waits here until the first has
      // filed its story (or not), then finds it.
      await lockEvents([storyEventKey(club, platform, action)]);
      if (direct) {
        const found = direct.get<Selectable<Database['stories']>>(findStorySql, [storyClubKey(club), platform, action, since]);
        return found && toStory(found, direct.all<Selectable<Database['story_reports']>>(reportsOfStorySql, [found.id]).map(toReport));
      }
      const row = await db
        .selectFrom('stories')
        .selectAll()
        .where('club_key', '=', storyClubKey(club))
        .where('platform', '=', platform)
        .where('action', '=', action)
        .where('occurred_at', '>=', since)
        .orderBy('occurred_at', 'desc')
        .executeTakeFirst();
      return row && (await withReports(db, [row]))[0];
    },

    async createStory(story, firstReport) {
      // Written as its first report leaves it: no reading the new row back to apply the report.
      const after = storyAfterReport(story, firstReport);
      const row = {
        club_key: storyClubKey({ id: story.clubId, name: story.clubName }),
        club_id: story.clubId,
        club_name: story.clubName,
        platform: story.platform,
        action: story.action,
        occurred_at: after.occurredAt,
        first_seen_at: story.firstSeenAt,
        confidence: after.confidence,
        shared: story.shared ? 1 : 0,
      };
      const insertStory = () => db.insertInto('stories').values(row).returning('id');
      let id: number;
      if (direct) {
        const values = [row.club_key, row.club_id, row.club_name, row.platform, row.action, row.occurred_at, row.first_seen_at, row.confidence, row.shared];
        const inserted = direct.get<{ id: number }>(insertStorySql, values);
        if (!inserted) throw new Error('the new story was not written');
        id = inserted.id;
        await insertReport(db, direct, id, firstReport);
      } else if (engine === 'postgres') {
        // The story and its report in one round trip: a statement less for every new story.
        const report = reportInsert(db, sql<number>`(select id from story)`, firstReport);
        const { rows } = await sql<{ id: number }>`with story as (${insertStory()}), report as (${report}) select id from story`.execute(db);
        const row = rows[0];
        if (!row) throw new Error('the new story was not written');
        id = row.id;
      } else {
        ({ id } = await insertStory().executeTakeFirstOrThrow());
        await insertReport(db, direct, id, firstReport);
      }
      // Written out, not { ...story, id, reports }: V8 gives each object made by a spread followed by
      // more properties a hidden class of its own, and every function reading stories met a new one.
      return {
        clubId: story.clubId,
        clubName: story.clubName,
        platform: story.platform,
        action: story.action,
        occurredAt: story.occurredAt,
        firstSeenAt: story.firstSeenAt,
        confidence: story.confidence,
        shared: story.shared,
        id,
        reports: [firstReport],
      };
    },

    async shareStory(storyId) {
      if (direct) return direct.run('update "stories" set "shared" = ? where "id" = ? and "shared" = ?', [1, storyId, 0]) > 0;
      const result = await db.updateTable('stories').set({ shared: 1 }).where('id', '=', storyId).where('shared', '=', 0).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async getStory(id) {
      return (await getStories([id]))[0];
    },

    async listStories(filter = {}) {
      let query = visible(db.selectFrom('stories').selectAll(), filter.visibleTo)
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 10);
      if (filter.clubId) query = query.where('club_id', '=', filter.clubId);
      if (filter.platform) query = query.where('platform', '=', filter.platform);
      if (filter.action) query = query.where('action', '=', filter.action);
      return withReports(db, await query.execute());
    },

    async getBoard(clubId) {
      let query = db.selectFrom('board').selectAll().orderBy('club_id').orderBy('platform');
      if (clubId) query = query.where('club_id', '=', clubId);
      const rows = await query.execute();
      return rows.map((row) => ({
        clubId: row.club_id,
        platform: row.platform as Platform,
        action: row.action as Action,
        since: row.since,
        storyId: row.story_id,
      }));
    },

    async advanceBoard(entry) {
      // One statement: the place is taken unless the board holds a later status, or this same action.
      if (direct) {
        const { clubId, platform, action, since, storyId } = entry;
        return direct.run(advanceBoardSql, [clubId, platform, action, since, storyId, action, since, storyId, since, action]) > 0;
      }
      const result = await db
        .insertInto('board')
        .values({ club_id: entry.clubId, platform: entry.platform, action: entry.action, since: entry.since, story_id: entry.storyId })
        .onConflict((oc) =>
          oc
            .columns(['club_id', 'platform'])
            .doUpdateSet({ action: entry.action, since: entry.since, story_id: entry.storyId })
            .where('board.since', '<=', entry.since)
            .where('board.action', '<>', entry.action),
        )
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async setBoardEntry(entry) {
      const values = { club_id: entry.clubId, platform: entry.platform, action: entry.action, since: entry.since, story_id: entry.storyId };
      await db
        .insertInto('board')
        .values(values)
        .onConflict((oc) => oc.columns(['club_id', 'platform']).doUpdateSet(values))
        .execute();
    },

    forgetSampleStories() {
      return forgetSampleStories(db as never);
    },

    async clubHistory(clubId, visibleTo) {
      const rows = await visible(db.selectFrom('stories').selectAll(), visibleTo).where('club_id', '=', clubId).orderBy('occurred_at').orderBy('id').execute();
      return withReports(db, rows);
    },
  };
}

/** The insert of a report under its story (a story's id, or an expression giving it). */
function reportInsert(db: Db, storyId: number | RawBuilder<number>, report: StoryReport) {
  return db
    .insertInto('story_reports')
    .values({
      story_id: storyId,
      source_id: report.sourceId,
      item_key: report.itemKey,
      outlet: report.outlet,
      title: report.title,
      link: report.link,
      evidence: report.evidence,
      published: report.published,
      confidence: report.confidence,
      lang: report.lang,
      trusted: report.trusted ? 1 : 0,
    })
    .onConflict((oc) => oc.doNothing());
}

/** Files a report under its story; false when the story had it already. */
async function insertReport(db: Db, direct: DirectSql | null, storyId: number, report: StoryReport): Promise<boolean> {
  if (direct) {
    const { sourceId, itemKey, outlet, title, link, evidence, published, confidence, lang } = report;
    return direct.run(insertReportSql, [storyId, sourceId, itemKey, outlet, title, link, evidence, published, confidence, lang, report.trusted ? 1 : 0]) > 0;
  }
  const result = await reportInsert(db, storyId, report).executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Shared stories, plus those a server's own feeds reported when a server is named. */
function visible<Q extends SelectQueryBuilder<Database, 'stories', object>>(query: Q, visibleTo: string | undefined): Q {
  if (visibleTo === 'all') return query;
  if (visibleTo === undefined) return query.where('stories.shared', '=', 1) as Q;
  return query.where((eb) =>
    eb.or([
      eb('stories.shared', '=', 1),
      eb.exists(
        eb
          .selectFrom('story_reports')
          .innerJoin('server_sources', 'server_sources.source_id', 'story_reports.source_id')
          .select('story_reports.story_id')
          .whereRef('story_reports.story_id', '=', 'stories.id')
          .where('server_sources.server_id', '=', visibleTo),
      ),
    ]),
  ) as Q;
}

async function withReports(db: Db, rows: Array<Selectable<Database['stories']>>): Promise<Story[]> {
  if (rows.length === 0) return [];
  const reports = await db
    .selectFrom('story_reports')
    .selectAll()
    .where(
      'story_id',
      'in',
      rows.map((row) => row.id),
    )
    // Reports without a date first, on every engine.
    .orderBy(sql`published asc nulls first`)
    .execute();
  const byStory = new Map<number, StoryReport[]>();
  for (const report of reports) {
    const list = byStory.get(report.story_id) ?? [];
    list.push(toReport(report));
    byStory.set(report.story_id, list);
  }
  return rows.map((row) => toStory(row, byStory.get(row.id) ?? []));
}

/** The statements of a read on SQLite (see DirectSql), as Kysely writes them for the queries above. */
const findStorySql = 'select * from "stories" where "club_key" = ? and "platform" = ? and "action" = ? and "occurred_at" >= ? order by "occurred_at" desc';
const reportsOfStorySql = 'select * from "story_reports" where "story_id" in (?) order by published asc nulls first';
const insertStorySql =
  'insert into "stories" ("club_key", "club_id", "club_name", "platform", "action", "occurred_at", "first_seen_at", "confidence", "shared") values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning "id"';
const insertReportSql =
  'insert into "story_reports" ("story_id", "source_id", "item_key", "outlet", "title", "link", "evidence", "published", "confidence", "lang", "trusted") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing';
const advanceBoardSql =
  'insert into "board" ("club_id", "platform", "action", "since", "story_id") values (?, ?, ?, ?, ?) on conflict ("club_id", "platform") do update set "action" = ?, "since" = ?, "story_id" = ? where "board"."since" <= ? and "board"."action" <> ?';
const insertAnnouncementsSql =
  'insert into "announcements" ("source_id", "item_key", "club_id", "club_name", "platform", "action", "confidence", "evidence", "story_id") values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
