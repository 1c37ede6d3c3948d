import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('works with nothing set: SQLite in ./data, port 3000', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('sqlite:./data/fieldbook.db');
    expect(config.PORT).toBe(3000);
  });

  it('prints PDFs with the Chromium at /usr/bin/chromium unless CHROMIUM_PATH names another', () => {
    expect(loadConfig({}).CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect(loadConfig({ CHROMIUM_PATH: '/opt/chromium/chrome' }).CHROMIUM_PATH).toBe('/opt/chromium/chrome');
  });

  it('takes a PostgreSQL schema to work in, and refuses one with SQLite or one that is not a plain name', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/fieldbook', DATABASE_SCHEMA: 'drill_1' }).DATABASE_SCHEMA).toBe('drill_1');
    expect(loadConfig({}).DATABASE_SCHEMA).toBeUndefined();
    expect(() => loadConfig({ DATABASE_SCHEMA: 'drill_1' })).toThrow(/DATABASE_SCHEMA: only PostgreSQL has schemas/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/fieldbook', DATABASE_SCHEMA: 'x; drop table activity' })).toThrow(/DATABASE_SCHEMA: must be a PostgreSQL schema name/);
  });

  it('keeps mail in the outbox unless SMTP_URL names a server, and refuses one that is not an SMTP URL', () => {
    const config = loadConfig({});
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.MAIL_FROM).toBe('Fieldbook <fieldbook@localhost>');
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.org:465' }).SMTP_URL).toBe('smtps://user:secret@mail.example.org:465');
    expect(() => loadConfig({ SMTP_URL: 'mail.example.org', MAIL_DIGEST_HOUR: '24' })).toThrow(/SMTP_URL: must be an SMTP URL[\s\S]*MAIL_DIGEST_HOUR/);
  });

  it('keeps the registry 30 s per instance unless REGISTRY_SNAPSHOT_SECONDS says otherwise, at most an hour', () => {
    expect(loadConfig({}).REGISTRY_SNAPSHOT_SECONDS).toBe(30);
    expect(loadConfig({ REGISTRY_SNAPSHOT_SECONDS: '2.5' }).REGISTRY_SNAPSHOT_SECONDS).toBe(2.5);
    expect(() => loadConfig({ REGISTRY_SNAPSHOT_SECONDS: '0' })).toThrow(/REGISTRY_SNAPSHOT_SECONDS/);
    expect(() => loadConfig({ REGISTRY_SNAPSHOT_SECONDS: '7200' })).toThrow(/REGISTRY_SNAPSHOT_SECONDS/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^DATABASE_URL: must start with sqlite:/m);
      expect(problems).toMatch(/^LOG_LEVEL: /m);
    }
  });
});
