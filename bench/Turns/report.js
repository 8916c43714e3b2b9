'use strict';
// Writes bench/results/<date>.md and the table section of bench/README.md from the JSON files of one run.
// Usage: node report.js <results dir> <results .md> <README.md>
const fs = require('node:fs');
const path = require('node:path');

const [dir, resultsMd, readme] = process.argv.slice(2);
const read = (name) => {
  try { return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')); } catch { return null; }
};
const meta = read('meta.json') || {};
const ceiling = read('ceiling-client.json');
const wrkProc = read('ceiling-wrk-proc.json');
const poll = read('sb-dl-poll.json');
const ws = read('sb-dl-ws.json');
const peer = read('peer.json');
const pollPaced = read('sb-dl-poll-paced.json');
const wsPaced = read('sb-dl-ws-paced.json');
const peerPaced = read('peer-paced.json');
const idle = read('idle-default.json');
const idleWks = read('idle-wks.json');
const sockets = read('sockets.json');
const pg1Poll = read('pg1-dl-poll.json');
const pg1Ws = read('pg1-dl-ws.json');
const pg2Poll = read('pg2-dl-poll.json');
const pg2Ws = read('pg2-dl-ws.json');

function parseWrk() {
  let text;
  try { text = fs.readFileSync(path.join(dir, 'ceiling-wrk.txt'), 'utf8'); } catch { return null; }
  const ms = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60000 }[unit] ?? 1);
  const pct = (p) => { const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(text); return m ? ms(m[1], m[2]) : null; };
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const errs = /Non-2xx or 3xx responses:\s+(\d+)/.exec(text);
  const sockErr = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    turns_per_s: rate ? Number(rate[1]) : null,
    latency: { p50_ms: pct(50), p90_ms: pct(90), p99_ms: pct(99) },
    errors: (errs ? Number(errs[1]) : 0) + (sockErr ? sockErr.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
    server_cpu_s: wrkProc?.server_cpu_s, server_rss_peak_kb: wrkProc?.server_rss_peak_kb,
  };
}
const wrk = parseWrk();

const f = (v, d = 1) => (v == null || Number.isNaN(v) ? '–' : Number(v).toFixed(d));
const mb = (kb) => (kb == null ? '–' : (kb / 1024).toFixed(0));
const ratio = (a, b) => (a?.turns_per_s && b?.turns_per_s ? a.turns_per_s / b.turns_per_s : null);
const pctOf = (a, b) => { const r = ratio(a, b); return r == null ? '–' : `${(r * 100).toFixed(1)} %`; };
const times = (a, b) => { const r = ratio(a, b); return r == null ? '–' : `${r.toFixed(2)}×`; };

function row(name, how, r) {
  if (!r) return `| ${name} | ${how} | not run | | | | | | | |`;
  if (r.fatal) return `| ${name} | ${how} | failed: ${r.fatal} | | | | | | | |`;
  const cpuPerTurn = r.server_cpu_s != null && r.turns ? (r.server_cpu_s * 1000 / r.turns) : (r.server_cpu_s != null && r.turns_per_s && meta.duration ? r.server_cpu_s * 1000 / (r.turns_per_s * meta.duration) : null);
  return `| ${name} | ${how} | ${f(r.turns_per_s, 0)} | ${f(r.latency?.p50_ms, 2)} | ${f(r.latency?.p90_ms, 2)} | ${f(r.latency?.p99_ms, 2)} | ${r.errors ?? '–'} | ${f(r.server_cpu_s, 1)} (${f(cpuPerTurn, 3)}) | ${mb(r.server_rss_peak_kb)} |`;
}

const turnsPerConv = poll?.turns_per_conversation ?? peer?.turns_per_conversation;
const script = (poll?.script || peer?.script || []).map((s) => `「${s}」`).join(' → ');
// The placeholder router only ever says the greeting, "being prepared" or "please choose a button"; any other reply is the flow.
const samples = [poll, ws].map((r) => r?.sample_reply).filter(Boolean);
const placeholder = samples.length > 0 && samples.every((t) => /準備中|恐れ入りますが|こんにちは。SupportBot/.test(t));
const lines = [];
lines.push(`Run ${meta.started ?? '?'} → ${meta.finished ?? '?'} on commit \`${meta.commit ?? '?'}\` (“${meta.head ?? ''}”), ${meta.cpus ?? '?'} cores (${meta.cpu_model ?? '?'}), .NET SDK ${meta.dotnet ?? '?'}, Node ${meta.node ?? '?'}; load average ${meta.loadavg_start ?? '?'} at the start and ${meta.loadavg_end ?? '?'} at the end (a shared machine; the figures include the benchmark's own processes). ${meta.conc} concurrent conversations (connections for wrk), ${meta.duration} s measured after a ${meta.warmup ?? 3} s warm-up (steady state: tiered JIT done); the load generator runs on the same 2 cores. Saturated rows: each conversation sends its next message as soon as the reply is readable. Paced rows: the same ${meta.conc} conversations on the same warm process, each waiting ${meta.think_ms ?? 1000} ms after a reply (a user reading and answering), so latency is measured below saturation.`);
lines.push('');
lines.push(`Script (${turnsPerConv ?? '?'} user turns per conversation, then a new conversation): ${script}. ${placeholder ? '**SupportBot answered with the placeholder router** (the flows had not landed in this build): its turns are greeting-menu turns, not the passage-license flow; the peer walks the real flow.' : 'SupportBot walked the passage-license flow.'}`);
lines.push('');
lines.push('| System | How | turns/s | p50 ms | p90 ms | p99 ms | errors | server CPU s (ms/turn) | peak RSS MB |');
lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
lines.push(row('Ceiling (Kestrel + JSON)', 'wrk, Lua POST 1 KB', wrk));
lines.push(row('Ceiling (Kestrel + JSON)', 'C# client, 1 request per turn', ceiling));
lines.push(row('SupportBot', 'Direct Line: POST + GET ?watermark=', poll));
lines.push(row('SupportBot', 'Direct Line: POST + WebSocket', ws));
lines.push(row('Peer (botbuilder 4.23.3, Node)', '/api/messages + serviceUrl listener', peer));
lines.push(row('SupportBot, paced', 'Direct Line: POST + GET ?watermark=', pollPaced));
lines.push(row('SupportBot, paced', 'Direct Line: POST + WebSocket', wsPaced));
lines.push(row('Peer, paced', '/api/messages + serviceUrl listener', peerPaced));
lines.push(row('SupportBot on PostgreSQL, 1 instance', 'Direct Line: POST + GET ?watermark=', pg1Poll));
lines.push(row('SupportBot on PostgreSQL, 1 instance', 'Direct Line: POST + WebSocket', pg1Ws));
lines.push(row('SupportBot on PostgreSQL, 2 instances', 'POST + GET, requests round-robin over both', pg2Poll));
lines.push(row('SupportBot on PostgreSQL, 2 instances', 'POST + WebSocket, requests round-robin over both', pg2Ws));
lines.push('');
lines.push('Ratios (same run):');
lines.push('');
lines.push('| Ratio | value | target |');
lines.push('|---|---:|---|');
const met = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**missed**');
const rPoll = ratio(poll, ceiling); const rWs = ratio(ws, ceiling);
lines.push(`| SupportBot (poll) / ceiling (C# client, like with like) | ${pctOf(poll, ceiling)} | ≥ 30 %: ${met(rPoll == null ? null : rPoll >= 0.3)} |`);
lines.push(`| SupportBot (WebSocket) / ceiling (C# client) | ${pctOf(ws, ceiling)} | ≥ 30 %: ${met(rWs == null ? null : rWs >= 0.3)} |`);
lines.push(`| SupportBot (poll) / ceiling (wrk raw rate) | ${pctOf(poll, wrk)} | (reference) |`);
lines.push(`| SupportBot (poll) / peer | ${times(poll, peer)} | ≥ 10×: ${met(ratio(poll, peer) == null ? null : ratio(poll, peer) >= 10)} |`);
lines.push(`| SupportBot (WebSocket) / peer | ${times(ws, peer)} | ≥ 10×: ${met(ratio(ws, peer) == null ? null : ratio(ws, peer) >= 10)} |`);
lines.push(`| SupportBot p99 at ${meta.conc} conversations (poll / WebSocket) | ${f(poll?.latency?.p99_ms, 1)} / ${f(ws?.latency?.p99_ms, 1)} ms | < 25 ms: ${met(poll?.latency?.p99_ms == null ? null : poll.latency.p99_ms < 25 && (ws?.latency?.p99_ms ?? 0) < 25)} |`);
lines.push(`| SupportBot p99 at ${meta.conc} conversations, paced (poll / WebSocket; peer) | ${f(pollPaced?.latency?.p99_ms, 1)} / ${f(wsPaced?.latency?.p99_ms, 1)} ms; ${f(peerPaced?.latency?.p99_ms, 1)} ms | < 25 ms (reading of the target below saturation): ${met(pollPaced?.latency?.p99_ms == null ? null : pollPaced.latency.p99_ms < 25 && (wsPaced?.latency?.p99_ms ?? 0) < 25)} |`);
lines.push(`| SupportBot on PostgreSQL (poll, 1 / 2 instances) / SQLite (poll) | ${pctOf(pg1Poll, poll)} / ${pctOf(pg2Poll, poll)} | (reference) |`);
lines.push(`| SupportBot on PostgreSQL p99 (poll / WebSocket, 1 instance; 2 instances) | ${f(pg1Poll?.latency?.p99_ms, 1)} / ${f(pg1Ws?.latency?.p99_ms, 1)}; ${f(pg2Poll?.latency?.p99_ms, 1)} / ${f(pg2Ws?.latency?.p99_ms, 1)} ms | (reference) |`);
lines.push(`| Errors (all turn rows) | ${[wrk, ceiling, poll, ws, peer, pollPaced, wsPaced, peerPaced, pg1Poll, pg1Ws, pg2Poll, pg2Ws].map((r) => r?.errors ?? '–').join(' / ')} | 0 |`);
lines.push('');

function idleRow(name, r) {
  if (!r) return `| ${name} | not run | | | | | | | |`;
  if (r.fatal) return `| ${name} | failed: ${r.fatal} | | | | | | | |`;
  const kb = (b) => (b == null ? '–' : `${(b / 1024).toFixed(1)} KB`);
  return `| ${name} | ${r.conversations} (${f(r.open_per_s, 0)}/s) | ${mb(r.server_rss_before_kb)} | ${mb(r.server_rss_after_idle_10s_kb)} | ${mb(r.server_rss_peak_kb)} | ${kb(r.bytes_per_conversation)} | ${mb(r.server_rss_anon_before_kb)} → ${mb(r.server_rss_anon_after_idle_10s_kb)} | ${kb(r.anon_bytes_per_conversation)} | ${r.errors} |`;
}
lines.push('Memory per idle conversation (token + start + one turn each, then idle 10 s; RSS of the server process from /proc):');
lines.push('');
lines.push('| Server GC settings | conversations | RSS before MB | RSS after MB | peak RSS MB | RSS per conversation | anonymous RSS MB (before → after) | anonymous per conversation | errors |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
lines.push(idleRow('as shipped', idle));
lines.push(idleRow('workstation GC, gen0 budget 4 MB (≈ live data)', idleWks));
const disk = read('idle-default-disk.json');
const perConv = idle?.bytes_per_conversation;
if (disk?.data_dir_bytes && idle?.conversations) {
  lines.push('');
  lines.push(`On disk: the SQLite data directory held ${(disk.data_dir_bytes / 1048576).toFixed(1)} MB after ${idle.warmup_conversations + idle.conversations} conversations (≈ ${(disk.data_dir_bytes / (idle.warmup_conversations + idle.conversations) / 1024).toFixed(1)} KB each, WAL included): idle conversations live in the database, not in the process.`);
}
lines.push('');
const anonPerConv = idle?.anon_bytes_per_conversation;
lines.push(`Target ≤ 4 KB per idle conversation: total RSS ${met(perConv == null ? null : perConv <= 4096)}; process-private (anonymous) memory ${met(anonPerConv == null ? null : anonPerConv <= 4096)} (as shipped). RSS includes file-backed pages: with \`PRAGMA mmap_size\` the SQLite database file is mapped into the process, so RSS grows with the database (clean, shared with the kernel's page cache, reclaimable, capped by mmap_size), not with per-conversation objects.`);
lines.push('');
lines.push('WebSocket streams:');
lines.push('');
lines.push('| target | opened | open at end | messages (every s / for s) | delivered | errors | p50 / p99 delay ms | RSS before / open / peak MB | per socket |');
lines.push('|---:|---:|---:|---|---:|---:|---:|---|---:|');
if (sockets && !sockets.fatal) {
  lines.push(`| ${sockets.target} | ${sockets.sockets_opened} (${f(sockets.open_seconds, 0)} s) | ${sockets.sockets_open_at_end} | ${sockets.messages_sent} (${sockets.interval_s} / ${sockets.duration_s}) | ${sockets.delivered} | ${sockets.errors} | ${f(sockets.delay?.p50_ms, 1)} / ${f(sockets.delay?.p99_ms, 1)} | ${mb(sockets.server_rss_before_kb)} / ${mb(sockets.server_rss_open_kb)} / ${mb(sockets.server_rss_peak_kb)} | ${sockets.bytes_per_socket == null ? '–' : `${(sockets.bytes_per_socket / 1024).toFixed(1)} KB`} |`);
  lines.push('');
  lines.push(`Target 10,000 sockets under 1 GB RSS: ${met(sockets.sockets_opened >= 10000 ? sockets.server_rss_peak_kb < 1024 * 1024 : null)}${sockets.sockets_opened < 10000 ? ` (only ${sockets.sockets_opened} opened)` : ''}. The interval is 30 s as in the issue, but the run is bounded to ${sockets.duration_s} s, so each stream sends ${Math.ceil(sockets.duration_s / sockets.interval_s)} messages.`);
} else {
  lines.push(`| not run${sockets?.fatal ? `: ${sockets.fatal}` : ''} | | | | | | | | |`);
}
for (const [name, r] of [['ceiling client', ceiling], ['poll', poll], ['ws', ws], ['peer', peer], ['poll paced', pollPaced], ['ws paced', wsPaced], ['peer paced', peerPaced], ['pg 1 poll', pg1Poll], ['pg 1 ws', pg1Ws], ['pg 2 poll', pg2Poll], ['pg 2 ws', pg2Ws], ['idle', idle], ['idle wks', idleWks], ['sockets', sockets]]) {
  const kinds = r?.error_kinds && Object.keys(r.error_kinds).length ? r.error_kinds : null;
  const open = r?.open_error_kinds && Object.keys(r.open_error_kinds).length ? r.open_error_kinds : null;
  if (kinds || open) lines.push('', `Errors (${name}): \`${JSON.stringify(kinds || open)}\``);
}
const table = lines.join('\n');

fs.mkdirSync(path.dirname(resultsMd), { recursive: true });
const raw = ['ceiling-client.json', 'sb-dl-poll.json', 'sb-dl-ws.json', 'peer.json', 'sb-dl-poll-paced.json', 'sb-dl-ws-paced.json', 'peer-paced.json', 'pg1-dl-poll.json', 'pg1-dl-ws.json', 'pg2-dl-poll.json', 'pg2-dl-ws.json', 'idle-default.json', 'idle-wks.json', 'sockets.json']
  .map((n) => [n, read(n)]).filter(([, v]) => v);
let wrkText = '';
try { wrkText = fs.readFileSync(path.join(dir, 'ceiling-wrk.txt'), 'utf8'); } catch { /* not run */ }
fs.writeFileSync(resultsMd, `# bench/Turns — ${meta.date}\n\nCommand: \`bench/Turns/run.sh\`\n\n${table}\n\n## Raw output\n\nwrk:\n\n\`\`\`\n${wrkText.trim()}\n\`\`\`\n\n${raw.map(([n, v]) => `${n}:\n\n\`\`\`json\n${JSON.stringify(v, null, 2)}\n\`\`\``).join('\n\n')}\n`);

const begin = '<!-- turns-table:begin -->';
const end = '<!-- turns-table:end -->';
let text = fs.readFileSync(readme, 'utf8');
const block = `${begin}\nLatest run (${meta.date}; full output in \`bench/results/${path.basename(resultsMd)}\`):\n\n${table}\n${end}`;
if (text.includes(begin) && text.includes(end)) {
  text = text.slice(0, text.indexOf(begin)) + block + text.slice(text.indexOf(end) + end.length);
} else {
  text = `${text.trimEnd()}\n\n## Turns (\`bench/Turns\`)\n\n${block}\n`;
}
fs.writeFileSync(readme, text);
console.log(table);
