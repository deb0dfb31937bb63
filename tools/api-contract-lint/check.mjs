#!/usr/bin/env node
// Checks the documents partners generate code from with the tools of their own ecosystems:
//   node check.mjs asyncapi <file or http(s) URL>...   the official AsyncAPI parser (@asyncapi/parser)
//   node check.mjs openapi <file>...                    Redocly CLI's lint with its `recommended` ruleset
// Prints every finding and exits 1 when there is any error or warning (both are regressions: the
// documents are clean today), 2 on wrong usage. Runs offline: relative references resolve against
// the document's own location, on disk or at the URL it was read from.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, fromFile, fromURL } from '@asyncapi/parser';

const here = dirname(fileURLToPath(import.meta.url));
const [kind, ...documents] = process.argv.slice(2);
if (!['asyncapi', 'openapi'].includes(kind) || documents.length === 0) {
  console.error('usage: node check.mjs asyncapi|openapi <document>...');
  process.exit(2);
}

// The parser's severities (Spectral's DiagnosticSeverity).
const SEVERITY = ['error', 'warning', 'info', 'hint'];

async function checkAsyncApi(location) {
  const parser = new Parser();
  const source = /^https?:\/\//.test(location)
    ? fromURL(parser, location)
    : fromFile(parser, resolve(location));
  const { document, diagnostics } = await source.parse();
  let problems = 0;
  for (const d of diagnostics) {
    const severity = SEVERITY[d.severity] ?? String(d.severity);
    if (d.severity <= 1) problems++;
    console.log(`${location}: ${severity} ${d.code} at /${(d.path ?? []).join('/')}: ${d.message}`);
  }
  if (!document && problems === 0) problems = 1; // not a document at all
  console.log(`${location}: AsyncAPI ${document ? document.version() : '(unparsable)'}, `
    + `${diagnostics.filter((d) => d.severity === 0).length} errors, `
    + `${diagnostics.filter((d) => d.severity === 1).length} warnings`);
  return problems;
}

function checkOpenApi(file) {
  const cli = join(here, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath,
    [cli, 'lint', '--extends=recommended', '--format=json', resolve(file)],
    {
      cwd: here, // picks up this folder's redocly.yaml, if any
      encoding: 'utf8',
      // No usage telemetry and no update check: CI has no internet and must not wait for it.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.log(`${file}: redocly did not report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    return 1;
  }
  for (const p of report.problems ?? []) {
    const where = (p.location ?? []).map((l) => l.pointer).join(', ');
    console.log(`${file}: ${p.severity} ${p.ruleId} at ${where}: ${p.message}`);
  }
  const { errors = 0, warnings = 0 } = report.totals ?? {};
  console.log(`${file}: OpenAPI (redocly recommended), ${errors} errors, ${warnings} warnings`);
  return errors + warnings;
}

let problems = 0;
for (const document of documents) {
  try {
    problems += kind === 'asyncapi' ? await checkAsyncApi(document) : checkOpenApi(document);
  } catch (e) {
    console.log(`${document}: cannot be checked: ${e.message}`);
    problems++;
  }
}
process.exit(problems === 0 ? 0 : 1);
