// Issue 11, item 6 (settings): a bad editor setting falls back to its default and is named, so
// maxFileSize -1 does not pause every document and enable "false" does not read as true.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validSettings } from '../../server/src/lsp/settings.js';
import { DEFAULT_SETTINGS } from '../../server/src/protocol.js';

test('bad setting values fall back to their defaults, each named once', () => {
  const { settings, bad } = validSettings({ maxFileSize: -1, enable: 'false', run: 'sometimes', structure: 'never', rules: [1], reportType: 3 });
  assert.deepEqual(settings, DEFAULT_SETTINGS);
  assert.deepEqual(bad.map((b) => b.split(':')[0]).sort(), ['enable', 'maxFileSize', 'reportType', 'rules', 'run', 'structure']);
  for (const v of [null, 'abc', Number.NaN, Number.POSITIVE_INFINITY, 0]) assert.equal(validSettings({ maxFileSize: v }).settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
});

test('good values are kept; missing ones take their defaults; a non-object is all defaults', () => {
  const files = { include: ['drafts/**'], exclude: ['**/CHANGELOG.md'] };
  const { settings, bad } = validSettings({ enable: false, run: 'onSave', maxFileSize: 1000, structure: 'always', rules: { placeholder: 'off' }, reportType: '述职报告', files });
  assert.deepEqual(bad, []);
  assert.deepEqual(settings, { enable: false, run: 'onSave', maxFileSize: 1000, structure: 'always', rules: { placeholder: 'off' }, reportType: '述职报告', files });
  assert.deepEqual(validSettings({ run: 'onSave' }).settings, { ...DEFAULT_SETTINGS, run: 'onSave' });
  assert.deepEqual(validSettings(null).settings, DEFAULT_SETTINGS);
  assert.deepEqual(validSettings('x').bad, []);
});

test('files.include / files.exclude: lists of globs; anything else falls back to none and is named', () => {
  const { settings, bad } = validSettings({ files: { include: 'drafts/**', exclude: [1] } });
  assert.deepEqual(settings.files, { include: [], exclude: [] });
  assert.deepEqual(bad.map((b) => b.split(':')[0]).sort(), ['files.exclude', 'files.include']);
  assert.deepEqual(validSettings({ files: { exclude: ['a/**'] } }).settings.files, { include: [], exclude: ['a/**'] });
  assert.deepEqual(validSettings({ files: 'x' }).bad.map((b) => b.split(':')[0]), ['files']);
});
