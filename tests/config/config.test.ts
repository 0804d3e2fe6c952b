import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.ts';
import { readEnv } from '../../src/config/env.ts';
import { secretsFromEnv } from '../../src/config/secrets.ts';
import { loadConfiguredSources, sampleFeedUrls } from '../../src/config/sources-file.ts';

const config = (vars: Record<string, string>) => buildConfig(readEnv(vars), '/srv/clubwatch');

describe('configuration', () => {
  it('runs in preview mode with nothing set, with its data under ./data', () => {
    const built = config({});
    expect(built.discord).toBeNull();
    expect(built.bluesky).toBeNull();
    expect(built.databasePath).toBe('/srv/clubwatch/data/clubwatch.db');
    expect(built.sources.sample).toBe(true);
  });

  it('says plainly which Discord setting is missing', () => {
    expect(() => config({ DISCORD_TOKEN: 'abc' })).toThrow('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing');
    expect(() => config({ DISCORD_APPLICATION_ID: '123456789012345678' })).toThrow('DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is missing');
  });

  it('says plainly which Bluesky setting is missing', () => {
    expect(() => config({ BLUESKY_IDENTIFIER: 'clubwatch.bsky.social' })).toThrow('BLUESKY_IDENTIFIER is set but BLUESKY_APP_PASSWORD is missing');
  });

  it('refuses numbers out of range and names the variable', () => {
    expect(() => config({ CLUBWATCH_POLL_INTERVAL_SECONDS: 'soon' })).toThrow(/CLUBWATCH_POLL_INTERVAL_SECONDS must be a number/);
    expect(() => config({ CLUBWATCH_ALLOWED_PRIVATE_HOSTS: '127.0.0.1, 10.0.0.0/33' })).toThrow(
      'CLUBWATCH_ALLOWED_PRIVATE_HOSTS must list host names, addresses or CIDR ranges separated by commas, not "10.0.0.0/33"',
    );
    expect(config({ CLUBWATCH_ALLOWED_PRIVATE_HOSTS: 'feeds.lan, 127.0.0.1, 10.0.0.0/8, ::1' }).sources.allowedPrivateHosts).toEqual(['feeds.lan', '127.0.0.1', '10.0.0.0/8', '::1']);
    expect(config({}).sources.allowedPrivateHosts).toEqual([]);
  });

  it('reads the bundled sample by default only in preview mode, when nothing but the console is posted to', () => {
    expect(config({}).sources.sample).toBe(true);
    expect(config({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: '123456789012345678' }).sources.sample).toBe(false);
    expect(config({ BLUESKY_IDENTIFIER: 'clubwatch.bsky.social', BLUESKY_APP_PASSWORD: 'app-pass' }).sources.sample).toBe(false);
    expect(config({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: '123456789012345678', CLUBWATCH_SAMPLE: 'true' }).sources.sample).toBe(true);
    expect(() => config({ BLUESKY_IDENTIFIER: 'a', BLUESKY_APP_PASSWORD: 'b', BLUESKY_PLATFORMS: 'x,myspace' })).toThrow(/myspace/);
  });

  it('serves the public page only with CLUBWATCH_WEB_PORT, on 127.0.0.1 unless told otherwise', () => {
    expect(config({}).web).toBeNull();
    expect(config({ CLUBWATCH_WEB_PORT: '8080' }).web).toEqual({ port: 8080, host: '127.0.0.1', publicUrl: null });
    expect(config({ CLUBWATCH_WEB_PORT: '80', CLUBWATCH_WEB_HOST: '0.0.0.0', CLUBWATCH_WEB_URL: 'https://board.example.org/' }).web).toEqual({
      port: 80,
      host: '0.0.0.0',
      publicUrl: 'https://board.example.org',
    });
    expect(() => config({ CLUBWATCH_WEB_PORT: '80.5' })).toThrow('CLUBWATCH_WEB_PORT must be a whole number from 0 to 65535, not "80.5"');
    expect(() => config({ CLUBWATCH_WEB_PORT: '70000' })).toThrow(/CLUBWATCH_WEB_PORT must be a number from 0 to 65535/);
    expect(() => config({ CLUBWATCH_WEB_URL: 'https://board.example.org' })).toThrow('CLUBWATCH_WEB_HOST or CLUBWATCH_WEB_URL is set but CLUBWATCH_WEB_PORT is missing');
  });

  it('keeps items 30 days and reads two feeds of one host at once unless told otherwise, and names a bad value', () => {
    const built = config({});
    expect(built.retention).toEqual({ days: 30, keepPerSource: 200 });
    expect(built.sources.maxFetchesPerHost).toBe(2);
    expect(config({ CLUBWATCH_RETENTION_DAYS: '90' }).retention.days).toBe(90);
    expect(() => config({ CLUBWATCH_RETENTION_DAYS: 'forever' })).toThrow('CLUBWATCH_RETENTION_DAYS must be a number from 1 to 36500, not "forever"');
    expect(() => config({ CLUBWATCH_MAX_FETCHES_PER_HOST: '0' })).toThrow('CLUBWATCH_MAX_FETCHES_PER_HOST must be a number from 1 to 64, not "0"');
  });

  it('keeps secrets out of the config', () => {
    const vars = { DISCORD_TOKEN: 'secret-token', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_API_BASE: 'http://127.0.0.1:9/api' };
    const built = config(vars);
    expect(JSON.stringify(built)).not.toContain('secret-token');
    expect(secretsFromEnv(readEnv(vars)).discordToken).toBe('secret-token');
    expect(built.discord?.apiBase).toBe('http://127.0.0.1:9/api');
  });

  it('loads the real default sources and the bundled sample', () => {
    const built = config({});
    const dir = new URL('../../config/', import.meta.url).pathname;
    expect(loadConfiguredSources(dir).length).toBeGreaterThan(0);
    expect(sampleFeedUrls(dir).length).toBeGreaterThanOrEqual(3);
    expect(built.configDir).toBe('/srv/clubwatch/config');
  });

  it('reads DID documents from the public PLC directory unless BLUESKY_PLC_URL names another', () => {
    expect(config({}).blueskySource.plcUrl).toBe('https://plc.directory');
    expect(config({ BLUESKY_PLC_URL: 'http://127.0.0.1:2582/' }).blueskySource.plcUrl).toBe('http://127.0.0.1:2582');
    expect(() => config({ BLUESKY_PLC_URL: 'plc.local' })).toThrow('BLUESKY_PLC_URL must be an http(s) URL, not "plc.local"');
  });

  it('leaves the log format to the terminal unless CLUBWATCH_LOG_FORMAT chooses', () => {
    expect(config({}).logFormat).toBeNull();
    expect(config({ CLUBWATCH_LOG_FORMAT: 'Pretty' }).logFormat).toBe('pretty');
    expect(() => config({ CLUBWATCH_LOG_FORMAT: 'text' })).toThrow('CLUBWATCH_LOG_FORMAT must be json or pretty, not "text"');
  });
});
