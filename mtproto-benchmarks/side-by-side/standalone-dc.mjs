// Reads what the standalone test DC printed when it started: the address of DC 1 and the RSA public key
// (PKCS#1 PEM) to trust. Only the two lines every version prints are relied on, so options and lines
// added later do not matter.
import { readFileSync } from 'node:fs'

const LISTENING = /DC (\d+) listening on ([^\s:]+):(\d+)/
const PEM_BEGIN = '-----BEGIN RSA PUBLIC KEY-----'
const PEM_END = '-----END RSA PUBLIC KEY-----'

/**
 * @param {string} file  where the DC's standard output was written
 * @returns {{ id: number, host: string, port: number, pem: string }}
 * @throws {Error} naming what is missing, if the file does not hold a started DC's announcement
 */
export function readAnnouncement(file) {
    const text = readFileSync(file, 'utf8')
    const listening = LISTENING.exec(text)
    if (listening === null) {
        throw new Error(`${file}: no "DC <id> listening on <host>:<port>" line; did the test DC start?`)
    }
    const begin = text.indexOf(PEM_BEGIN)
    const end = text.indexOf(PEM_END, begin)
    if (begin < 0 || end < 0) {
        throw new Error(`${file}: no RSA public key between "${PEM_BEGIN}" and "${PEM_END}"`)
    }
    return {
        id: Number(listening[1]),
        host: listening[2],
        port: Number(listening[3]),
        pem: text.slice(begin, end + PEM_END.length),
    }
}
