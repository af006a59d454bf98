// `throughline/export` over stdio: the open document (unsaved edits included) as iCalendar,
// CSV, SVG or HTML, the same bytes the core makes; bad parameters are a proper LSP error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { ExportResult } from '../../server/src/protocol.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const uri = 'file:///virtual/plans/q3-acquisition.plan.yaml';
let client: LspClient;

before(async () => {
  await buildServer();
  client = await LspClient.start();
  await client.open(uri, clean.replace('owner: SEO lead', 'owner: "=SEO lead"'));
});
after(() => client?.stop());

describe('throughline/export', () => {
  it('ics: a calendar ical.js reads, with UIDs from the file name and the ids', async () => {
    const result = await client.request<ExportResult>('throughline/export', { uri, format: 'ics', today: '2026-06-01' });
    assert.deepEqual(
      { uri: result.uri, version: result.version, format: result.format, extension: result.extension, summary: result.summary },
      { uri, version: 1, format: 'ics', extension: 'ics', summary: '16 events' },
    );
    const events = new ICAL.Component(ICAL.parse(result.content)).getAllSubcomponents('vevent');
    assert.equal(events.length, 16);
    assert.match(String(events[0]!.getFirstPropertyValue('uid')), /^launch-seo-[0-9a-f]{16}@throughline$/);
  });

  it('csv: the open text, unsaved edits included, with formula cells neutralised', async () => {
    const result = await client.request<ExportResult>('throughline/export', { uri, format: 'csv' });
    const rows = parseCsv(result.content, { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(rows.find((row) => row.id === 'seo')?.owner, "'=SEO lead");
    assert.equal(result.syntaxErrorLine, undefined);
  });

  it('svg and html: the timeline', async () => {
    const svg = await client.request<ExportResult>('throughline/export', { uri, format: 'svg' });
    assert.match(svg.content, /^<svg [^>]*class="tl"/);
    const html = await client.request<ExportResult>('throughline/export', { uri, format: 'html' });
    assert.match(html.content, /^<!DOCTYPE html>/);
  });

  it('a document that is not open is null; a bad format is an InvalidParams error, and the server lives on', async () => {
    assert.equal(await client.request('throughline/export', { uri: 'file:///virtual/not-open.plan.yaml', format: 'ics' }), null);
    for (const format of ['pdf', undefined, 42]) {
      await assert.rejects(client.request('throughline/export', { uri, format }), (error: { code?: number; message?: string }) => {
        assert.equal(error.code, -32602);
        assert.match(error.message ?? '', /format: ics, csv, svg or html/);
        return true;
      });
    }
    await assert.rejects(client.request('throughline/export', null), (error: { code?: number }) => error.code === -32602);
    assert.ok(client.alive);
  });
});
