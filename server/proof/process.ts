import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'

/** The repository root: the server is started from there, as `npm run serve` does. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface ServerProcessOptions {
  /** Port to listen on; absent: the server picks a free one (`--port 0`) and says which. */
  port?: number
  /** SQLite file the server keeps its state in (reused across restarts). */
  dbPath: string
  /** `--task-speed` (1 realistic, 0.1 ten times faster); the server's default when absent. */
  taskSpeed?: number
  /** More flags for server/main.ts. */
  args?: string[]
  /** How long to wait for /healthz (tsx compiles on start; the machine may be busy). */
  startTimeoutMs?: number
  /** Sees the process's output as it comes (it is kept for `output()` as well). */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void
}

export interface ServerProcess {
  readonly url: string
  readonly pid: number
  /** This run's nonce: the server echoes it in `X-Console-Run` on /healthz. */
  readonly nonce: string
  /** Throws unless the server answering on `url` is this process (its /healthz echoes the nonce). */
  verify(): Promise<void>
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string
  /** True once the process has exited. */
  exited(): boolean
  /** Sends `signal` (SIGKILL by default: no shutdown hook runs) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** SIGTERM (the server closes its database cleanly) and waits for the exit. */
  stop(): Promise<void>
}

/**
 * Starts the real server (`node --import tsx server/main.ts`) on a given SQLite file and waits
 * until `/healthz` answers. Start it again on the same file to restart it.
 */
export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const args = [
    '--import',
    'tsx',
    'server/main.ts',
    '--port',
    String(opts.port ?? 0),
    '--db',
    opts.dbPath,
    // A fresh store where none exists yet; a restart on the same file opens it as it is.
    '--init',
    ...(opts.taskSpeed === undefined ? [] : ['--task-speed', String(opts.taskSpeed)]),
    ...(opts.args ?? []),
  ]
  const nonce = randomUUID()
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CONSOLE_RUN_NONCE: nonce },
  })
  let out = ''
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.on('data', (d: Buffer) => {
      const chunk = d.toString()
      out += chunk
      opts.onOutput?.(chunk, stream)
    })
  }
  let hasExited = false
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      hasExited = true
      resolve()
    }),
  )
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start the server: ${out}`)

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!hasExited) child.kill(signal)
    await exit
  }
  const running = (url: string): ServerProcess => ({
    url,
    pid,
    nonce,
    async verify() {
      const res = await fetch(`${url}/healthz`)
      const seen = res.headers.get('x-console-run')
      if (!res.ok || seen !== nonce || hasExited) {
        throw new Error(
          `the server on ${url} is not the one this run started (pid ${pid}${hasExited ? ', exited' : ''}; /healthz ${res.status}, run ${seen ?? 'none'})`,
        )
      }
    },
    output: () => out,
    exited: () => hasExited,
    kill,
    stop: () => kill('SIGTERM'),
  })

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000)
  let url = opts.port === undefined ? undefined : `http://127.0.0.1:${opts.port}`
  for (;;) {
    const where = url ?? 'a free port'
    if (hasExited) throw new Error(`the server on ${where} exited early:\n${out}`)
    // With --port 0 the listening line tells which port the system gave it.
    const listening = /on http:\/\/\S+:(\d+)\//.exec(out)
    if (!url && listening) url = `http://127.0.0.1:${listening[1]}`
    if (url) {
      let res: Response | undefined
      try {
        res = await fetch(`${url}/healthz`)
      } catch {
        // not listening yet
      }
      if (res?.ok && res.headers.get('x-console-run') === nonce) return running(url)
      if (res) {
        // Something else holds the port (a stale server): never measure it in this one's place.
        child.kill('SIGKILL')
        await exit
        throw new Error(
          `another server answers on ${where} (its /healthz does not carry this run's nonce): stop it first\n${out}`,
        )
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      await exit
      throw new Error(`the server on ${where} did not answer /healthz:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Lines of server output that report a failure inside the server (500s, engine errors). */
export function serverFaults(output: string): string[] {
  return output
    .split('\n')
    .filter((l) => /internal error|engine tick failed|Uncaught|FATAL/i.test(l))
}
