#!/usr/bin/env node
// Rebuilds src-schema/api.tl from the npm package @mtcute/tl (file api-schema.json): the JSON route of a
// layer upgrade. The usual route reads Telegram's own api.tl (TelegramSchemaImport in mtproto-tl-generator,
// see docs/layer-upgrade.md); both write the same layout, so `git diff src-schema/api.tl` shows the changes.
//
//   node src-schema/make-api-tl.mjs                  # fetches @mtcute/tl@223.0.0 with `npm pack`
//   node src-schema/make-api-tl.mjs 224.0.0          # another published version
//   node src-schema/make-api-tl.mjs ./api-schema.json  # a file you already have
//   node src-schema/make-api-tl.mjs 223.0.0 /tmp/api.tl  # write somewhere else than src-schema/api.tl
//
// Only ids, names, field names and types are carried over; the package's descriptions, error lists
// and availability notes are deliberately dropped. Output is deterministic: the package's order,
// one declaration per line, ids as 8 lowercase hex digits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_VERSION = '223.0.0';
const here = dirname(fileURLToPath(import.meta.url));
const arg = process.argv[2] ?? DEFAULT_VERSION;

function loadSchema(source) {
  if (existsSync(source)) {
    return { json: JSON.parse(readFileSync(source, 'utf8')), origin: source };
  }
  const work = mkdtempSync(join(tmpdir(), 'mtcute-tl-'));
  try {
    const tarball = execFileSync('npm', ['pack', `@mtcute/tl@${source}`, '--silent'], { cwd: work, encoding: 'utf8' }).trim();
    execFileSync('tar', ['xzf', tarball, 'package/api-schema.json'], { cwd: work });
    const json = JSON.parse(readFileSync(join(work, 'package', 'api-schema.json'), 'utf8'));
    return { json, origin: `npm @mtcute/tl@${source}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// The package spells TL's 64-bit user/chat ids as "int53"; on the wire they are plain TL longs.
const PRIMITIVE_ALIASES = { int53: 'long' };

function typeOf(name, modifiers = {}) {
  let t = PRIMITIVE_ALIASES[name] ?? name;
  if (modifiers.isVector) t = `Vector<${t}>`;
  if (modifiers.isBareVector) t = `vector<${t}>`;
  if (modifiers.predicate) t = `${modifiers.predicate}?${t}`;
  return t;
}

function declaration(entry) {
  const id = (entry.id >>> 0).toString(16).padStart(8, '0');
  const parts = [`${entry.name}#${id}`];
  for (const g of entry.generics ?? []) parts.push(`{${g.name}:${g.type}}`);
  for (const a of entry.arguments) parts.push(`${a.name}:${typeOf(a.type, a.typeModifiers)}`);
  const result = entry.kind === 'method' ? typeOf(entry.type, { isVector: entry.typeModifiers?.isVector }) : entry.type;
  return `${parts.join(' ')} = ${result};`;
}

const { json, origin } = loadSchema(arg);
if (typeof json.l !== 'number' || !Array.isArray(json.e)) {
  throw new Error(`${origin}: not an mtcute api-schema.json (expected fields "l" and "e")`);
}
// The package adds a few placeholders of its own under the "mtcute." namespace (a dummy update, dummy
// min-peers, a raw-call method); they are not part of Telegram's API and are left out.
const fromTelegram = json.e.filter((e) => !e.name.startsWith('mtcute.'));
const constructors = fromTelegram.filter((e) => e.kind === 'class');
const methods = fromTelegram.filter((e) => e.kind === 'method');

const lines = [
  `// LAYER ${json.l}`,
  `// Telegram API schema, layer ${json.l}: ids, names and types only.`,
  `// Generated from ${origin} (api-schema.json) by src-schema/make-api-tl.mjs; do not edit by hand.`,
  '',
  '// Built-in types that the package leaves implicit.',
  'boolFalse#bc799737 = Bool;',
  'boolTrue#997275b5 = Bool;',
  'true#3fedd339 = True;',
  'vector#1cb5c415 {t:Type} # [ t ] = Vector t;',
  'null#56730bcc = Null;',
  '',
  ...constructors.map(declaration),
  '',
  '---functions---',
  '',
  ...methods.map(declaration),
  '',
];
const out = process.argv[3] ?? join(here, 'api.tl');
writeFileSync(out, lines.join('\n'));
console.log(`wrote ${out}: layer ${json.l}, ${constructors.length} constructors, ${methods.length} functions`);
