#!/usr/bin/env node
// tests/bench/wink.js -- the wink-nlp side of `make bench`: runs wink-nlp with
// wink-eng-lite-web-model over every document of a corpus, on one thread, and
// prints one machine-readable line
//
//   wink-nlp 58.9 MB 21.04 s 2.80 MB/s
//
// then an indented line of counts and peak memory.
//
// usage: node wink.js INPUT...
//   a corpus folder with corpus.json: the documents its manifest lists (the
//     same files `sift extract` reads);
//   any other folder: every *.txt below it, in sorted order;
//   a *.jsonl file: one document per line, its "text" field;
//   any other file: one document.
//
// Per document it does what a user wanting sift's kind of output would do:
// readDoc, then read the entities (with their types and spans), the
// sentences, and the tokens with their part of speech. The pipe is
// sbd + pos + ner (WINK_PIPE=comma,list overrides); sentiment, negation and
// custom entities, which wink runs by default and sift has no counterpart
// for, are off. The clock runs from the first read to the last output and
// includes reading the files (as sift's includes loading them); loading the
// model is reported apart and left out, which favours wink.
//
// wink-nlp and its model are looked up on NODE_PATH (tests/bench/wink.sh
// installs them outside the project tree and sets it).
'use strict';

const fs = require('fs');
const path = require('path');

function fail(msg) {
  process.stderr.write(`wink.js: ${msg}\n`);
  process.exit(1);
}

function txtFiles(dir, out) {
  const names = fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of names) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) txtFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.txt')) out.push(p);
  }
  return out;
}

// Returns a list of sources: { file } for a whole-file document, or
// { jsonl } for a file of one document per line.
function sources(args) {
  const out = [];
  for (const a of args) {
    let st;
    try { st = fs.statSync(a); } catch (e) { fail(`cannot read '${a}' (${e.code})`); }
    if (st.isDirectory()) {
      const manifest = path.join(a, 'corpus.json');
      if (fs.existsSync(manifest)) {
        const docs = JSON.parse(fs.readFileSync(manifest, 'utf8')).documents;
        if (!Array.isArray(docs)) fail(`'${manifest}' has no 'documents' list`);
        for (const d of docs) out.push({ file: path.join(a, d.path) });
      } else {
        for (const f of txtFiles(a, [])) out.push({ file: f });
      }
    } else if (a.endsWith('.jsonl')) {
      out.push({ jsonl: a });
    } else {
      out.push({ file: a });
    }
  }
  return out;
}

const args = process.argv.slice(2);
if (args.length === 0 || args[0] === '-h' || args[0] === '--help') {
  process.stderr.write('usage: node wink.js CORPUS_DIR | DIR | FILE.jsonl | FILE ...\n');
  process.exit(args.length === 0 ? 2 : 0);
}

let winkNLP, model;
try {
  winkNLP = require('wink-nlp');
  model = require('wink-eng-lite-web-model');
} catch (e) {
  fail('wink-nlp or wink-eng-lite-web-model not found (run tests/bench/wink.sh, or set NODE_PATH)');
}

const pipe = (process.env.WINK_PIPE || 'sbd,pos,ner').split(',').filter(Boolean);
const t0 = process.hrtime.bigint();
const nlp = winkNLP(model, pipe);
const its = nlp.its;
const t1 = process.hrtime.bigint();

let bytes = 0, ndoc = 0, nsent = 0, ntok = 0, nent = 0, check = 0;

function analyse(text) {
  const doc = nlp.readDoc(text);
  const ents = doc.entities().out(its.detail);      // [{ value, type }]
  const spans = doc.entities().out(its.span);       // [[first, last] token]
  const sents = doc.sentences().out();
  const toks = doc.tokens().out();
  const pos = doc.tokens().out(its.pos);
  ndoc += 1;
  nent += ents.length;
  nsent += sents.length;
  ntok += toks.length;
  // Touch the outputs so nothing above can be skipped as unused.
  if (ents.length) check += ents[0].type.length + spans[0][1];
  if (pos.length) check += pos[pos.length - 1].length;
}

for (const s of sources(args)) {
  if (s.file) {
    const buf = fs.readFileSync(s.file);
    bytes += buf.length;
    analyse(buf.toString('utf8'));
  } else {
    const lines = fs.readFileSync(s.jsonl, 'utf8').split('\n');
    for (const line of lines) {
      if (line.trim() === '') continue;
      const text = JSON.parse(line).text;
      if (typeof text !== 'string') fail(`'${s.jsonl}': a line has no string 'text' field`);
      bytes += Buffer.byteLength(text, 'utf8');
      analyse(text);
    }
  }
}

const t2 = process.hrtime.bigint();
const secs = Number(t2 - t1) / 1e9;
const mb = bytes / 1e6;
const rss = process.resourceUsage().maxRSS * 1024 / 1e6;   // maxRSS is in KB
console.log(`wink-nlp ${mb.toFixed(1)} MB ${secs.toFixed(2)} s ${(mb / secs).toFixed(2)} MB/s`);
console.log(`  ${ndoc} documents, ${nsent} sentences, ${ntok} tokens, ${nent} entities; ` +
            `pipe ${pipe.join('+')}; model load ${(Number(t1 - t0) / 1e9).toFixed(2)} s; ` +
            `peak memory ${rss.toFixed(1)} MB; wink-nlp ${require('wink-nlp/package.json').version}` +
            (check < 0 ? ' ' : ''));
