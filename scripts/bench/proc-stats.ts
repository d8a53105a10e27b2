/** What the benchmarks read of other processes from /proc (Linux). */
import fs from 'node:fs';

/** CPU seconds (user + system) a process has used so far; 0 when it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields =
      fs
        .readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The pid of the process listening on a local TCP port (the database, Redis), from /proc. */
export function pidListeningOn(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const parts = line.trim().split(/\s+/);
      if (parts[1]?.endsWith(`:${hex}`) && parts[3] === '0A' && parts[9]) inodes.add(parts[9]);
    }
  }
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /socket:\[(\d+)\]/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      }
    } catch {
      // a process we may not inspect, or one that just exited
    }
  }
  return undefined;
}

/** The pid of the local server a URL (`mongodb://…`, `redis://…`) points at, by its port (else `defaultPort`). */
export function pidOfServer(url: string, defaultPort: number): number | undefined {
  const port = new URL(url.replace(/^[a-z+]+:/, 'http:')).port;
  return pidListeningOn(port ? Number(port) : defaultPort);
}
