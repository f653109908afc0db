import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Folder of the library's shell scripts. */
export const SCRIPTS = path.join(__dirname, '../../../lib/operations/scripts');

/**
 * A fake Kafka installation: `bin/kafka-*.sh` stubs that append their arguments (and, for
 * `--from-file`, the file's content) to `calls.log`, and print canned output from `outputs/<tool>`.
 * `--state` queries answer with the state named in `states/<group>` (default Empty).
 */
export class FakeKafka {
  readonly home: string;
  readonly log: string;

  constructor(readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kafka-'))) {
    this.home = path.join(root, 'kafka');
    this.log = path.join(root, 'calls.log');
    fs.mkdirSync(path.join(this.home, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(root, 'outputs'));
    fs.mkdirSync(path.join(root, 'states'));
    for (const tool of ['kafka-consumer-groups.sh', 'kafka-topics.sh', 'kafka-configs.sh', 'kafka-acls.sh', 'kafka-leader-election.sh']) {
      const stub = `#!/usr/bin/env bash
set -e
echo "${tool} $*" >> "${this.log}"
prev=""
for a in "$@"; do
  if [ "$prev" = "--from-file" ]; then sed 's/^/  | /' "$a" >> "${this.log}"; fi
  if [ "$prev" = "--group" ]; then group="$a"; fi
  prev="$a"
done
case " $* " in
  *" --state "*) echo "GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE #MEMBERS"
                 echo "$group broker-0:9093 (0) range $(cat "${root}/states/$group" 2>/dev/null || echo Empty) 0" ;;
  *) [ -f "${root}/outputs/${tool}" ] && cat "${root}/outputs/${tool}" ;;
esac
exit 0
`;
      fs.writeFileSync(path.join(this.home, 'bin', tool), stub, { mode: 0o755 });
    }
  }

  output(tool: string, text: string): void {
    fs.writeFileSync(path.join(this.root, 'outputs', tool), text);
  }

  groupState(group: string, state: string): void {
    fs.writeFileSync(path.join(this.root, 'states', group), state);
  }

  calls(): string[] {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8').trimEnd().split('\n') : [];
  }

  /** Runs a library script with the fake tools and a SCRAM client setup. */
  run(script: string, args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
    const userDir = path.join(this.root, 'user');
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(path.join(userDir, 'password'), 's3cret');
    const r = spawnSync('bash', [path.join(SCRIPTS, script), ...args], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        TMPDIR: this.root,
        KAFKA_HOME: this.home,
        KAFKA_BOOTSTRAP_SERVERS: 'kafka-bootstrap:9093',
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_CLIENT_AUTH: 'scram-sha-512',
        KAFKA_USERNAME: 'backup',
        KAFKA_USER_DIR: userDir,
        KAFKA_CLIENT_CONFIG: path.join(this.root, 'client.properties'),
        ...env,
      },
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Writes a backup folder with the given files and a matching SHA256SUMS. */
export function writeBackup(dir: string, files: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  execFileSync('bash', ['-c', 'sha256sum -- * > SHA256SUMS'], { cwd: dir });
  return dir;
}
