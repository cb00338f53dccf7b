// mtcute against the standalone test DC: the same three measurements as
// dev.mtproto.benchmarks.sidebyside.SideBySideMain makes for our client. Prints one JSON line.
//
//   node --expose-gc mtcute-bench.mjs pipelined|sequential|idle|check-key --dc-output FILE
//        [--warmup-seconds 8] [--seconds 10] [--in-flight 256] [--clients 1] [--middlewares default|none]
//
// Configuration (the most favourable for throughput that mtcute's docs offer for a raw-API client):
// BaseTelegramClient (no high-level layer), MemoryStorage (no SQLite writes), the updates manager off
// (updates: false), Node's default TCP transport (intermediate framing, not obfuscated) and crypto
// provider (node:crypto for AES-CTR/SHA, mtcute's SIMD WebAssembly for AES-IGE), the default network
// middlewares (flood waiter, internal-error retries; the docs advise keeping them, --middlewares none
// drops them), one main connection as mtcute picks it.
import { readdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import { BaseTelegramClient, MemoryStorage } from '@mtcute/node'
import { addPublicKey, parsePublicKey } from '@mtcute/core/utils.js'
import { NodeCryptoProvider } from '@mtcute/node/utils.js'
import { readAnnouncement } from './standalone-dc.mjs'

// The test DC accepts any api id; these are the values our own harness uses too.
const API_ID = 17349
const API_HASH = '0123456789abcdef0123456789abcdef'
const GET_NEAREST_DC = { _: 'help.getNearestDc' }
// Exit status when mtcute cannot use the DC's key (see below): run.sh then starts the DC again.
const KEY_UNUSABLE = 3

// mtcute logs through console.log; keep standard output for the one result line.
console.log = console.error

const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
        'dc-output': { type: 'string' },
        'warmup-seconds': { type: 'string', default: '8' },
        'seconds': { type: 'string', default: '10' },
        'in-flight': { type: 'string', default: '256' },
        'clients': { type: 'string', default: '1' },
        'middlewares': { type: 'string', default: 'default' },
    },
})
const measure = positionals[0]
if (!['pipelined', 'sequential', 'idle', 'check-key'].includes(measure) || values['dc-output'] === undefined
    || !['default', 'none'].includes(values.middlewares)) {
    console.error('usage: node --expose-gc mtcute-bench.mjs pipelined|sequential|idle|check-key --dc-output FILE'
        + ' [--warmup-seconds S] [--seconds S] [--in-flight N] [--clients N] [--middlewares default|none]')
    process.exit(2)
}
const warmupMs = 1000 * positiveNumber('warmup-seconds')
const measureMs = 1000 * positiveNumber('seconds')
const dc = readAnnouncement(values['dc-output'])
const crypto = new NodeCryptoProvider()
// mtcute 0.30.3 looks a server's fingerprints up as hex without leading zeros, but indexes added keys by
// all 16 hex digits: a key whose fingerprint starts with a zero digit (one in 16) is never found.
if (parsePublicKey(crypto, dc.pem).fingerprint.startsWith('0')) {
    console.error('mtcute cannot use this DC key: its fingerprint starts with 0 (start the DC again for another key)')
    process.exit(KEY_UNUSABLE)
}
if (measure === 'check-key') {
    process.exit(0)
}
addPublicKey(crypto, dc.pem)

function positiveNumber(name) {
    const n = Number(values[name])
    if (!(n > 0)) {
        console.error(`--${name} must be a positive number, got '${values[name]}'`)
        process.exit(2)
    }
    return n
}

/** A client on the standalone DC, connected and past its first call (so its key exists). */
async function connectedClient() {
    // testMode: the key exchange names DC 10001, as for Telegram's test DCs; the DC answers either way.
    const address = { id: dc.id, ipAddress: dc.host, port: dc.port, testMode: true }
    const tg = new BaseTelegramClient({
        apiId: API_ID,
        apiHash: API_HASH,
        storage: new MemoryStorage(),
        crypto,
        testMode: true,
        defaultDcs: { main: address, media: address },
        updates: false,
        ...(values.middlewares === 'none' ? { network: { middlewares: [] } } : {}),
    })
    await tg.connect()
    await tg.call(GET_NEAREST_DC)
    return tg
}

const nowNs = () => process.hrtime.bigint()
const cpuMicros = () => {
    const u = process.cpuUsage()
    return u.user + u.system
}

/** Batches of `inFlight` calls sent at once, each batch awaited whole (as the JMH benchmark does), for `ms`. */
async function batches(tg, inFlight, ms) {
    const end = performance.now() + ms
    let calls = 0
    while (performance.now() < end) {
        const batch = new Array(inFlight)
        for (let i = 0; i < inFlight; i++) {
            batch[i] = tg.call(GET_NEAREST_DC)
        }
        await Promise.all(batch)
        calls += inFlight
    }
    return calls
}

async function pipelined() {
    const inFlight = positiveNumber('in-flight')
    const tg = await connectedClient()
    await batches(tg, inFlight, warmupMs)
    const cpu0 = cpuMicros()
    const t0 = nowNs()
    const calls = await batches(tg, inFlight, measureMs)
    const seconds = Number(nowNs() - t0) / 1e9
    const cpu = cpuMicros() - cpu0
    await tg.destroy()
    return { inFlight, calls, seconds: round(seconds, 2), callsPerSecond: Math.round(calls / seconds), cpuMicrosPerCall: round(cpu / calls, 2) }
}

async function sequential() {
    const tg = await connectedClient()
    const warmupEnd = performance.now() + warmupMs
    while (performance.now() < warmupEnd) {
        await tg.call(GET_NEAREST_DC)
    }
    const latencies = []
    const cpu0 = cpuMicros()
    const t0 = nowNs()
    const end = t0 + BigInt(measureMs) * 1_000_000n
    let t = t0
    while (t < end) {
        await tg.call(GET_NEAREST_DC)
        const done = nowNs()
        latencies.push(Number(done - t))
        t = done
    }
    const cpu = cpuMicros() - cpu0
    await tg.destroy()
    latencies.sort((a, b) => a - b)
    const calls = latencies.length
    const at = q => round(latencies[Math.min(calls - 1, Math.floor(q * calls))] / 1000, 1)
    return { calls, p50Micros: at(0.5), p90Micros: at(0.9), p99Micros: at(0.99), cpuMicrosPerCall: round(cpu / calls, 2) }
}

/** Collects garbage until the heap stops shrinking (at most ten rounds). */
async function settledMemory() {
    let last = Infinity
    for (let i = 0; i < 10; i++) {
        globalThis.gc()
        await sleep(50)
        const used = process.memoryUsage().heapUsed
        if (used >= last) {
            break
        }
        last = used
    }
    return process.memoryUsage()
}

async function idle() {
    if (typeof globalThis.gc !== 'function') {
        throw new Error('run node with --expose-gc for the idle measurement')
    }
    const count = positiveNumber('clients')
    // One client first, closed again, so that what every client shares (modules, WebAssembly, TL tables)
    // is in the baseline and not counted against the measured clients.
    await (await connectedClient()).destroy()
    const before = await settledMemory()
    const threadsBefore = osThreads()
    const clients = []
    for (let i = 0; i < count; i++) {
        clients.push(await connectedClient())
    }
    await sleep(1000)
    const after = await settledMemory()
    const threadsAfter = osThreads()
    const perClient = key => Math.round((after[key] - before[key]) / count)
    const result = {
        clients: count,
        heapBytesPerClient: perClient('heapUsed'),
        offHeapBufferBytesPerClient: perClient('arrayBuffers'),
        rssBytesPerClient: perClient('rss'),
        threadsBefore,
        threadsAfter,
        threadsPerClient: round((threadsAfter - threadsBefore) / count, 2),
    }
    await Promise.all(clients.map(c => c.destroy()))
    return result
}

/** The process's threads as the OS sees them (the event loop, libuv's pool, V8's helpers). */
function osThreads() {
    return readdirSync('/proc/self/task').length
}

function round(x, digits) {
    const f = 10 ** digits
    return Math.round(x * f) / f
}

const run = { pipelined, sequential, idle }[measure]
const result = await run()
process.stdout.write(`${JSON.stringify({ side: 'mtcute', runtime: `node ${process.version}`, measure, middlewares: values.middlewares, ...result })}\n`)
process.exit(0)
