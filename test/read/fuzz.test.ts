/**
 * Bounded fuzzing of the reader: 300 mutations of real returns (bytes
 * flipped, truncated, inserted; zip directory fields changed; sheet XML and
 * cell values mangled and re-zipped). Every case must end in ok:false with a
 * message naming the file, or ok:true (and then the engine's validateReturn
 * must not throw) — never an exception, never more than a second.
 * Reproducible: the seed is fixed; failing inputs are saved for replay.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { makeTemplateFile, fillReturn, CASES } from '../fixtures/make-returns';
import { fixturePlan } from '../fixtures/plan';
import { fastFill } from '../fixtures/fast-fill';

// FUZZ_CASES / FUZZ_SEED override the bounded default for longer local runs.
const CASES_TOTAL = Number(process.env.FUZZ_CASES ?? 300);
const CASE_TIMEOUT_MS = 2000;
const SEED = Number(process.env.FUZZ_SEED ?? 20231201);

/** mulberry32: a tiny seeded PRNG, so every run mutates the same way. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}
type Rng = ReturnType<typeof prng>;

const XML_SNIPPETS = [
  '<',
  '>',
  '&',
  '&#0;',
  '&#xFFFFFF;',
  '"',
  "'",
  '</row>',
  '<row>',
  '<c r="F5" t="s"><v>999999</v></c>',
  '<c r="XFD1048576"><v>1</v></c>',
  '<c r="F5" t="n"><v>abc</v></c>',
  '<c r="F6" t="e"><v>#N/A</v></c>',
  '<c r="F7"><f t="shared" si="9"/></c>',
  '<c r="F8" t="inlineStr"><is><r><t>富</t></r></is></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="F5:H20"/>',
  '<!-- -->',
  '<![CDATA[x]]>',
  '<!DOCTYPE x>',
  '<?pi?>',
  '\u0000',
  '\uFFFF',
  '𠮷',
  '<definedName name="PSV_RD_001">#REF!</definedName>',
  '<definedName name="PSV_RD_002">\'nope\'!$F$5</definedName>',
  '<sheet name="_plansheet_meta" sheetId="9" r:id="rId99"/>',
];

const VALUE_SNIPPETS = ['', '-', '1e309', 'NaN', '-0', '0x1F', '１２３', '约100', '=A1', '#REF!', '9'.repeat(400), 'TRUE', '1,234.5', '\t', '95%'];

function mutateBytes(b: Uint8Array, rng: Rng): { bytes: Uint8Array; what: string } {
  const kind = rng.int(6);
  const out = b.slice();
  switch (kind) {
    case 0: {
      const n = 1 + rng.int(10);
      for (let i = 0; i < n; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
      return { bytes: out, what: `flip ${n} bits` };
    }
    case 1: {
      const at = rng.int(b.length);
      return { bytes: b.slice(0, at), what: `truncate at ${at}` };
    }
    case 2: {
      const at = rng.int(b.length);
      const ins = new Uint8Array(1 + rng.int(64)).map(() => rng.int(256));
      const r = new Uint8Array(b.length + ins.length);
      r.set(b.subarray(0, at));
      r.set(ins, at);
      r.set(b.subarray(at), at + ins.length);
      return { bytes: r, what: `insert ${ins.length} at ${at}` };
    }
    case 3: {
      const at = rng.int(b.length);
      const len = 1 + rng.int(200);
      const tail = b.subarray(Math.min(b.length, at + len));
      const r = new Uint8Array(at + tail.length);
      r.set(b.subarray(0, at));
      r.set(tail, at);
      return { bytes: r, what: `delete ${len} at ${at}` };
    }
    case 4: {
      // Change a numeric field of a central-directory record or the end record.
      const sigs: number[] = [];
      for (let i = 0; i + 4 <= b.length; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && (b[i + 2] === 1 || b[i + 2] === 5)) sigs.push(i);
      const at = rng.pick(sigs) ?? 0;
      const off = at + 4 + rng.int(40);
      const v = rng.pick([0, 0xff, 0x7f, rng.int(256)]);
      for (let k = 0; k < 1 + rng.int(4); k++) if (off + k < out.length) out[off + k] = v;
      return { bytes: out, what: `directory field @${off}=${v}` };
    }
    default: {
      // Same bytes, overwritten with a run of one byte.
      const at = rng.int(b.length);
      out.fill(rng.int(256), at, Math.min(out.length, at + 1 + rng.int(1000)));
      return { bytes: out, what: `overwrite run at ${at}` };
    }
  }
}

function mutateXml(b: Uint8Array, rng: Rng): { bytes: Uint8Array; what: string } {
  const files = unzipSync(b);
  const names = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  const sheets = names.filter((n) => n.includes('worksheets/'));
  const part = rng.next() < 0.6 && sheets.length ? rng.pick(sheets) : rng.pick(names);
  let xml = strFromU8(files[part]);
  let what: string;
  const kind = rng.int(5);
  if (kind === 0) {
    const at = rng.int(xml.length);
    const s = rng.pick(XML_SNIPPETS);
    xml = xml.slice(0, at) + s + xml.slice(at);
    what = `insert ${JSON.stringify(s)}`;
  } else if (kind === 1) {
    const at = rng.int(xml.length);
    const len = 1 + rng.int(100);
    xml = xml.slice(0, at) + xml.slice(at + len);
    what = `cut ${len}`;
  } else if (kind === 2) {
    // Replace one cell value (<v>…</v> or <t>…</t>) with something odd.
    const re = /<(v|t)( [^>]*)?>[^<]*<\/\1>/g;
    const hits = [...xml.matchAll(re)];
    const h = hits.length ? rng.pick(hits) : null;
    const s = rng.pick(VALUE_SNIPPETS);
    if (h) xml = xml.slice(0, h.index!) + `<${h[1]}>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${h[1]}>` + xml.slice(h.index! + h[0].length);
    what = `value ${JSON.stringify(s.slice(0, 20))}`;
  } else if (kind === 3) {
    // Change an attribute value (r, s, t, ref, name, state, localSheetId).
    const re = / (r|s|t|ref|name|state|localSheetId|Target|Id)="[^"]*"/g;
    const hits = [...xml.matchAll(re)];
    const h = hits.length ? rng.pick(hits) : null;
    const v = rng.pick(['', 'A0', 'F5', 'XFE1', '-1', '99999999999', 'shared', 's', 'b', 'e', 'inlineStr', 'veryHidden', '../../x.xml', '指标填报', 'rId1']);
    if (h) xml = xml.slice(0, h.index!) + ` ${h[1]}="${v}"` + xml.slice(h.index! + h[0].length);
    what = `attr ${h?.[1]}=${JSON.stringify(v)}`;
  } else {
    // Swap two elements' tag names.
    xml = xml.replace(/<(\w+:)?row /, '<$1c ');
    what = 'row→c';
  }
  files[part] = strToU8(xml);
  return { bytes: zipSync(files, { level: 1 }), what: `${part}: ${what}` };
}

interface Reply {
  id: number;
  ok?: boolean;
  code?: string | null;
  message?: string | null;
  findings?: number;
  threw?: string;
  ms: number;
}

class Runner {
  private worker!: Worker;
  private next = 0;
  constructor() {
    this.start();
  }
  private start() {
    const file = path.join(__dirname, 'fuzz-worker.ts');
    this.worker = new Worker(`require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(file)});`, { eval: true });
  }
  run(bytes: Uint8Array, name: string): Promise<Reply | 'timeout'> {
    const id = ++this.next;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeListener('message', onMsg);
        void this.worker.terminate();
        this.start();
        resolve('timeout');
      }, CASE_TIMEOUT_MS);
      const onMsg = (m: Reply) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        this.worker.removeListener('message', onMsg);
        resolve(m);
      };
      this.worker.on('message', onMsg);
      this.worker.postMessage({ id, bytes, name });
    });
  }
  async warmUp(bytes: Uint8Array) {
    // The first message pays for ts-node compiling the reader; not a case.
    const r = await new Promise<Reply>((resolve) => {
      const onMsg = (m: Reply) => {
        this.worker.removeListener('message', onMsg);
        resolve(m);
      };
      this.worker.on('message', onMsg);
      this.worker.postMessage({ id: 0, bytes, name: 'warmup.xlsx' });
    });
    return r;
  }
  stop() {
    return this.worker.terminate();
  }
}

let dir: string;
let bases: { name: string; bytes: Uint8Array }[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fuzz-'));
  const plan = fixturePlan(12);
  const tpl = await makeTemplateFile(path.join(dir, 'template.xlsx'), plan);
  const template = new Uint8Array(fs.readFileSync(tpl));
  const filled = fastFill(template, [1, 2.5, '约3', '1,234', 0, -1, '95%', null, 7, 8, 9, 10], ['来源', null, '=见附件']);
  fillReturn(tpl, path.join(dir, 'openpyxl.xlsx'), CASES['inserted-rows']);
  bases = [
    { name: 'exceljs-filled.xlsx', bytes: filled },
    { name: 'openpyxl-edited.xlsx', bytes: new Uint8Array(fs.readFileSync(path.join(dir, 'openpyxl.xlsx'))) },
  ];
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test(`${CASES_TOTAL} mutations: always a result, never an exception or a hang`, async () => {
  const rng = prng(SEED);
  const runner = new Runner();
  const warm = await runner.warmUp(bases[0].bytes);
  expect(warm.ok).toBe(true);
  const problems: string[] = [];
  const tally: Record<string, number> = {};
  const t0 = performance.now();
  try {
    for (let i = 0; i < CASES_TOTAL; i++) {
      const base = bases[i % bases.length];
      const m = rng.next() < 0.5 ? mutateBytes(base.bytes, rng) : mutateXml(base.bytes, rng);
      const name = `fuzz-${i}.xlsx`;
      const r = await runner.run(m.bytes, name);
      const fail = (why: string) => {
        const saved = path.join(os.tmpdir(), `plansheet-fuzz-${SEED}-${i}.xlsx`);
        fs.writeFileSync(saved, m.bytes);
        problems.push(`#${i} ${base.name} ${m.what}: ${why} (saved ${saved})`);
      };
      if (r === 'timeout') {
        fail('timed out');
        continue;
      }
      if (r.threw) fail(`threw ${r.threw.slice(0, 300)}`);
      // Speed is the bench's to measure (no timed tests on a shared 2-core machine); a hang is caught by the runner's timeout.
      else if (r.ok === false) {
        if (!r.message || !r.message.includes(name)) fail(`message does not name the file: ${r.message}`);
        if (r.code === 'internal') fail(`internal error: ${r.message}`);
        tally[r.code!] = (tally[r.code!] ?? 0) + 1;
      } else tally.ok = (tally.ok ?? 0) + 1;
    }
  } finally {
    await runner.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`fuzz: ${CASES_TOTAL} cases in ${seconds.toFixed(1)} s`, tally);
  expect(problems).toEqual([]);
  // The mutations reach both the guard and the XML reader.
  expect(tally.ok ?? 0).toBeGreaterThan(20);
  expect(Object.keys(tally).length).toBeGreaterThan(3);
}, Math.max(120_000, CASES_TOTAL * 100));
