// Prints the side-by-side table from the JSON lines the two harnesses wrote, one file per column:
//
//   node table.mjs mtcute.jsonl jdk17.jsonl jdk25.jsonl
//
// The first file is the reference: every other column is followed by its ratio to it (ours ÷ mtcute).
import { existsSync, readFileSync } from 'node:fs'

// idle rows: ONE is the run with a single client, MANY the run with the most clients.
const ONE = 'one'
const MANY = 'many'
const ROWS = [
    ['pipelined calls/s', r => pick(r, 'pipelined', 'callsPerSecond')],
    ['pipelined CPU µs/call', r => pick(r, 'pipelined', 'cpuMicrosPerCall')],
    ['sequential p50 µs', r => pick(r, 'sequential', 'p50Micros')],
    ['sequential p90 µs', r => pick(r, 'sequential', 'p90Micros')],
    ['sequential p99 µs', r => pick(r, 'sequential', 'p99Micros')],
    ['sequential CPU µs/call', r => pick(r, 'sequential', 'cpuMicrosPerCall')],
    ['idle heap KB/client, 1 client', r => kb(pick(r, 'idle', 'heapBytesPerClient', ONE))],
    ['idle heap KB/client, N clients', r => kb(pick(r, 'idle', 'heapBytesPerClient', MANY))],
    ['idle off-heap buffers KB/client, 1 client', r => kb(pick(r, 'idle', 'offHeapBufferBytesPerClient', ONE))],
    ['idle off-heap buffers KB/client, N clients', r => kb(pick(r, 'idle', 'offHeapBufferBytesPerClient', MANY))],
    ['threads added per client, 1 client', r => pick(r, 'idle', 'threadsPerClient', ONE)],
    ['threads added per client, N clients', r => pick(r, 'idle', 'threadsPerClient', MANY)],
]

function pick(results, measure, field, clients) {
    const lines = results.filter(r => r.measure === measure)
    let line = lines[0]
    if (clients === ONE) {
        line = lines.find(r => r.clients === 1)
    } else if (clients === MANY) {
        line = lines.filter(r => r.clients > 1).sort((a, b) => b.clients - a.clients)[0]
    }
    return line === undefined ? undefined : line[field]
}

function kb(bytes) {
    return bytes === undefined ? undefined : Math.round(bytes / 102.4) / 10
}

function readColumn(file) {
    const results = existsSync(file)
        ? readFileSync(file, 'utf8').split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l))
        : []
    const first = results[0]
    const name = first === undefined ? file : `${first.side} (${first.runtime.replace(/^JDK (\d+)[^ ]*/, 'JDK $1')})`
    return { name, results }
}

function cell(value) {
    return value === undefined ? '—' : String(value)
}

function ratio(ours, reference) {
    return ours === undefined || reference === undefined || reference === 0 ? '—' : `${(ours / reference).toFixed(2)}×`
}

const columns = process.argv.slice(2).map(readColumn)
if (columns.length === 0) {
    console.error('usage: node table.mjs REFERENCE.jsonl [OTHER.jsonl ...]')
    process.exit(2)
}
const header = ['', columns[0].name]
for (const c of columns.slice(1)) {
    header.push(c.name, '÷ ref')
}
const many = Math.max(0, ...columns.flatMap(c => c.results.filter(r => r.measure === 'idle').map(r => r.clients)))
const inFlight = columns.flatMap(c => c.results).find(r => r.measure === 'pipelined')?.inFlight
const body = ROWS.map(([template, value]) => {
    const label = template.replace(/, N clients$/, `, ${many} clients`)
        .replace(/^pipelined calls\/s$/, `pipelined calls/s (${inFlight ?? '?'} in flight)`)
    const reference = value(columns[0].results)
    const row = [label, cell(reference)]
    for (const c of columns.slice(1)) {
        const ours = value(c.results)
        row.push(cell(ours), ratio(ours, reference))
    }
    return row
})
const widths = header.map((_, i) => Math.max(...[header, ...body].map(row => row[i].length)))
const line = row => `| ${row.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`
console.log(line(header))
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`)
for (const row of body) {
    console.log(line(row))
}
