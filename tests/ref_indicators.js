#!/usr/bin/env node
/* ref_indicators.js: reference values for the signals tests, from real TA-Lib.
 *
 * Run by hand, never by CI (the output is committed in tests/data/indicators_*.csv):
 *   mkdir -p /tmp/talib && cd /tmp/talib && npm install talib      # builds TA-Lib's C sources
 *   NODE_PATH=/tmp/talib/node_modules node tests/ref_indicators.js tests/data
 * (checked with npm talib 1.1.6, which bundles TA-Lib 0.6.0.)
 *
 * Independent of the code under test:
 *   - RSI and MACD values are TA-Lib's own TA_RSI and TA_MACD outputs. TA_MACD starts all three
 *     columns at row slow+signal-1; the MACD line's earlier rows (from row slow) are TA-Lib's
 *     TA_EMA(fast) - TA_EMA(slow), both started at index slow-1, which is exactly how TA_MACD
 *     seeds them internally (TA_MACD with signal period 1 would give them directly, but in
 *     TA-Lib 0.6.0 that case returns a misaligned array, so it is not used).
 *   - The A/D line, the divergence and the ALVH triggers are computed here from their
 *     definitions in core/include/alvh/indicators.h, by brute force (every window rescanned),
 *     on top of TA-Lib's RSI and MACD.
 * Inputs are synthetic but realistic: a seeded mean-reverting log-VIX with jumps, an SPX walk
 * moving against it, and NYSE-like advancers/decliners; plus short edge-case series. They are
 * written to indicators_input.csv so the tests read exactly what TA-Lib read.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const talib = require('talib');

const outDir = process.argv[2] || path.join(__dirname, 'data');

/* mulberry32: a small seeded PRNG, so the inputs can be regenerated identically. */
function rng(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function normal(u) {
  const u1 = Math.max(u(), 1e-12), u2 = u();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
const round2 = (x) => Math.round(x * 100) / 100;

/* ---- inputs ---- */
const N = 1260; /* five years of trading days */
const u = rng(20260506);
const vix = [], spx = [], adv = [], dec = [];
let lv = Math.log(17), s = 4800;
for (let i = 0; i < N; ++i) {
  const z = normal(u);
  const jump = u() < 0.02 ? 0.25 + 0.3 * u() : 0;
  const dlv = 0.04 * (Math.log(18) - lv) + 0.065 * z + jump;
  lv += dlv;
  const ret = 0.0003 - 0.09 * dlv * 0.1 + 0.004 * normal(u);
  s *= Math.exp(ret);
  vix.push(round2(Math.exp(lv)));
  spx.push(round2(s));
  /* Breadth: follows SPX's return, with its own noise so divergences happen. */
  let a = Math.round(1500 + 90000 * ret + 350 * normal(u));
  a = Math.min(2900, Math.max(100, a));
  const unchanged = 20 + Math.floor(60 * u());
  adv.push(a);
  dec.push(3000 - unchanged - a);
}

const series = {
  vix_long: vix,
  flat: Array(40).fill(20),
  up: Array.from({length: 40}, (_, i) => 10 + 0.5 * i),
  down: Array.from({length: 40}, (_, i) => 40 - 0.75 * i),
  zigzag: Array.from({length: 40}, (_, i) => 20 + (i % 2 ? 1.25 : -1.25)),
  flat_then_moves: Array.from({length: 45}, (_, i) => (i < 20 ? 15 : 15 + ((i * 7) % 5) - 2)),
  tiny: Array.from({length: 40}, (_, i) => 1e-15 * ((i * 3) % 7)),
  negative: Array.from({length: 60}, (_, i) => -5000 + 37 * i - 900 * Math.sin(i / 4)),
  big: Array.from({length: 60}, (_, i) => 1e9 + 1e6 * Math.sin(i / 3) + 12345.678 * i),
};

let lines = ['series,index,value'];
for (const [name, xs] of Object.entries(series))
  xs.forEach((x, i) => lines.push(`${name},${i},${x}`));
[['spx_long', spx], ['adv_long', adv], ['dec_long', dec]].forEach(([name, xs]) =>
  xs.forEach((x, i) => lines.push(`${name},${i},${x}`)));
fs.writeFileSync(path.join(outDir, 'indicators_input.csv'), lines.join('\n') + '\n');

/* ---- TA-Lib ---- */
function ta(name, inReal, opts) {
  const r = talib.execute(Object.assign({name, startIdx: 0, endIdx: inReal.length - 1, inReal},
                                        opts));
  if (r.error) throw new Error(name + ': ' + r.error);
  return r;
}
function rsi(xs, period) {
  const r = ta('RSI', xs, {optInTimePeriod: period});
  const out = Array(xs.length).fill(null);
  r.result.outReal.forEach((v, k) => { out[r.begIndex + k] = v; });
  return out;
}
function ema_from(xs, period, start) {
  const r = talib.execute({name: 'EMA', startIdx: start, endIdx: xs.length - 1, inReal: xs,
                           optInTimePeriod: period});
  if (r.error || r.begIndex !== start) throw new Error('EMA ' + period);
  const out = Array(xs.length).fill(null);
  r.result.outReal.forEach((v, k) => { out[start + k] = v; });
  return out;
}
function macd(xs, fast, slow, signal) {
  const r = ta('MACD', xs, {optInFastPeriod: fast, optInSlowPeriod: slow,
                            optInSignalPeriod: signal});
  if (r.begIndex !== slow + signal - 2) throw new Error('MACD begIndex ' + r.begIndex);
  const m = Array(xs.length).fill(null), sg = m.slice(), h = m.slice();
  const ef = ema_from(xs, fast, slow - 1), es = ema_from(xs, slow, slow - 1);
  for (let i = slow - 1; i < r.begIndex; ++i) m[i] = ef[i] - es[i];
  r.result.outMACD.forEach((v, k) => { m[r.begIndex + k] = v; });
  r.result.outMACDSignal.forEach((v, k) => { sg[r.begIndex + k] = v; });
  r.result.outMACDHist.forEach((v, k) => { h[r.begIndex + k] = v; });
  /* Where both exist, TA_MACD's own line must equal the EMA difference (same operations). */
  for (let i = r.begIndex; i < xs.length; ++i)
    if (m[i] !== ef[i] - es[i]) throw new Error('EMA difference differs from TA_MACD at ' + i);
  return {m, sg, h};
}

const rsiPeriods = [2, 3, 5, 14, 30];
const macdParams = [[12, 26, 9], [3, 10, 16], [5, 35, 5], [2, 3, 2], [8, 17, 9]];
lines = ['series,period,index,rsi'];
for (const [name, xs] of Object.entries(series))
  for (const p of rsiPeriods) {
    if (xs.length <= p) continue;
    rsi(xs, p).forEach((v, i) => { if (v !== null) lines.push(`${name},${p},${i},${v}`); });
  }
fs.writeFileSync(path.join(outDir, 'indicators_rsi.csv'), lines.join('\n') + '\n');

lines = ['series,fast,slow,signal,index,macd,signal_line,hist'];
for (const [name, xs] of Object.entries(series))
  for (const [f, sl, sg] of macdParams) {
    if (xs.length < sl + sg - 1) continue;
    const r = macd(xs, f, sl, sg);
    r.m.forEach((v, i) => {
      if (v === null) return;
      const a = r.sg[i] === null ? '' : r.sg[i], b = r.h[i] === null ? '' : r.h[i];
      lines.push(`${name},${f},${sl},${sg},${i},${v},${a},${b}`);
    });
  }
fs.writeFileSync(path.join(outDir, 'indicators_macd.csv'), lines.join('\n') + '\n');

/* ---- A/D line, divergence, triggers (from the definitions, brute force) ---- */
const ad = [];
adv.reduce((acc, a, i) => { const v = acc + (a - dec[i]); ad.push(v); return v; }, 0);

function divergence(adl, px, L) {
  const out = Array(px.length).fill(null);
  for (let i = L; i < px.length; ++i) {
    const pw = px.slice(i - L, i), aw = adl.slice(i - L, i);
    const newHigh = pw.every((v) => px[i] > v), adHigh = aw.every((v) => adl[i] > v);
    const newLow = pw.every((v) => px[i] < v), adLow = aw.every((v) => adl[i] < v);
    out[i] = newHigh && !adHigh ? -1 : newLow && !adLow ? 1 : 0;
  }
  return out;
}
lines = ['lookback,index,ad_line,divergence'];
for (const L of [2, 5, 20, 60]) {
  const d = divergence(ad, spx, L);
  d.forEach((v, i) => { if (v !== null) lines.push(`${L},${i},${ad[i]},${v}`); });
}
fs.writeFileSync(path.join(outDir, 'indicators_divergence.csv'), lines.join('\n') + '\n');

/* Policies: id, JSON given to ALVH_SIGNAL, signals fields, whether the divergence is used. */
const policies = [
  ['default_div', '', {rsi_period: 14, rsi_level: 70, macd_fast: 12, macd_slow: 26,
                       macd_signal: 9, vix_floor: 25, ad_lookback: 20}, true],
  ['default_vix_only', '', {rsi_period: 14, rsi_level: 70, macd_fast: 12, macd_slow: 26,
                            macd_signal: 9, vix_floor: 25, ad_lookback: 20}, false],
  ['custom_div', '{"signals": {"rsi_period": 5, "rsi_level": 60, "macd_fast": 5, ' +
                 '"macd_slow": 13, "macd_signal": 4, "vix_floor": 20, "ad_lookback": 10}}',
   {rsi_period: 5, rsi_level: 60, macd_fast: 5, macd_slow: 13, macd_signal: 4, vix_floor: 20,
    ad_lookback: 10}, true],
];
lines = ['policy,index,trigger'];
const meta = ['policy_id\tuses_divergence\tpolicy_json'];
for (const [id, json, p, useDiv] of policies) {
  const r = rsi(vix, p.rsi_period);
  const mc = macd(vix, p.macd_fast, p.macd_slow, p.macd_signal);
  const d = useDiv ? divergence(ad, spx, p.ad_lookback) : null;
  let first = Math.max(p.rsi_period + 1, p.macd_slow + p.macd_signal - 1);
  if (useDiv) first = Math.max(first, p.ad_lookback + 1);
  for (let i = first; i < vix.length; ++i) {
    const rebalance = (r[i - 1] <= p.rsi_level && r[i] > p.rsi_level) ||
                      (useDiv && d[i] !== 0 && d[i] !== d[i - 1]);
    const arm = mc.h[i - 1] <= 0 && mc.h[i] > 0 && vix[i] > p.vix_floor;
    const t = rebalance && arm ? 'REBALANCE+ARM' : rebalance ? 'REBALANCE' : arm ? 'ARM' : 'NONE';
    lines.push(`${id},${i},${t}`);
  }
  meta.push(`${id}\t${useDiv ? 1 : 0}\t${json}`);
}
fs.writeFileSync(path.join(outDir, 'indicators_signal.csv'), lines.join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'indicators_signal_policies.tsv'), meta.join('\n') + '\n');
console.log('wrote indicators_*.csv to ' + outDir);
