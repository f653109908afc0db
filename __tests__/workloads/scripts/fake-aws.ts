import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SCRIPTS } from './fake-kafka';

/**
 * A fake AWS CLI (`aws s3 ls`, `aws s3 cp`, `aws s3api get-bucket-lifecycle-configuration`) over a folder that
 * holds the buckets (`s3/<bucket>/<key>`). It answers and fails the way AWS CLI v2 does:
 * - `s3 ls` of a prefix without objects prints nothing and exits 1; it lists `PRE <name>/` folders and
 *   `<date> <time> <size> <name>` objects one level below the prefix;
 * - `s3 cp` of a missing key: `fatal error: An error occurred (404) when calling the HeadObject operation: Key "…" does not exist`, exit 1;
 * - a bucket without lifecycle: `An error occurred (NoSuchLifecycleConfiguration) …`, exit 254;
 * - faults (`fault(op, …)`): AccessDenied (exit 254 for listings and s3api, 1 for transfers, as the CLI reports
 *   them), throttling after the CLI's retries (`SlowDown … (reached max retries: 2)`), or any text and code.
 */
export type AwsOperation = 'ls' | 'get' | 'put' | 'lifecycle';

const FAULTS: Record<string, Record<AwsOperation, [number, string]>> = {
  'access-denied': {
    ls: [254, 'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied'],
    get: [1, 'download failed: s3://$BUCKET/$KEY to $DEST An error occurred (AccessDenied) when calling the GetObject operation: Access Denied'],
    put: [1, 'upload failed: $SRC to s3://$BUCKET/$KEY An error occurred (AccessDenied) when calling the PutObject operation: Access Denied'],
    lifecycle: [254, 'An error occurred (AccessDenied) when calling the GetBucketLifecycleConfiguration operation: Access Denied'],
  },
  throttled: {
    ls: [254, 'An error occurred (SlowDown) when calling the ListObjectsV2 operation (reached max retries: 2): Please reduce your request rate.'],
    get: [1, 'download failed: s3://$BUCKET/$KEY to $DEST An error occurred (SlowDown) when calling the GetObject operation (reached max retries: 2): Please reduce your request rate.'],
    put: [1, 'upload failed: $SRC to s3://$BUCKET/$KEY An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 2): Please reduce your request rate.'],
    lifecycle: [254, 'An error occurred (SlowDown) when calling the GetBucketLifecycleConfiguration operation (reached max retries: 2): Please reduce your request rate.'],
  },
};

export class FakeAws {
  readonly bin: string;
  readonly log: string;
  readonly s3: string;

  constructor(readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-aws-'))) {
    this.bin = path.join(root, 'bin');
    this.log = path.join(root, 'calls.log');
    this.s3 = path.join(root, 's3');
    for (const dir of ['bin', 's3', 'faults', 'lifecycle']) fs.mkdirSync(path.join(root, dir));
    fs.writeFileSync(
      path.join(this.bin, 'aws'),
      `#!/usr/bin/env bash
R="${root}"
echo "aws $*" >> "${this.log}"
args=()
while [ $# -gt 0 ]; do
  case "$1" in --endpoint-url) echo "endpoint $2" >> "${this.log}"; shift 2 ;; --only-show-errors) shift ;; *) args+=("$1"); shift ;; esac
done
set -- "\${args[@]}"
fault() { # OP: answers with the fault of OP if one is set
  [ -f "$R/faults/$1" ] || return 0
  code="$(head -n 1 "$R/faults/$1")"
  tail -n +2 "$R/faults/$1" | sed -e "s#\\$BUCKET#$BUCKET#g" -e "s#\\$KEY#$KEY#g" -e "s#\\$DEST#\${DEST:-}#g" -e "s#\\$SRC#\${SRC:-}#g" >&2
  exit "$code"
}
split() { local u="\${1#s3://}"; BUCKET="\${u%%/*}"; KEY="\${u#*/}"; [ "$KEY" = "$u" ] && KEY=""; }
if [ "$1" = s3 ] && [ "$2" = ls ]; then
  split "$3"; fault ls
  dir="$R/s3/$BUCKET/$KEY"
  [ -d "$dir" ] && [ -n "$(find "$dir" -type f | head -n 1)" ] || exit 1
  for e in $(ls "$dir" | sort); do
    if [ -d "$dir/$e" ]; then printf '                           PRE %s/\\n' "$e"; else printf '2025-03-01 10:00:00 %10d %s\\n' "$(wc -c < "$dir/$e")" "$e"; fi
  done
  exit 0
fi
if [ "$1" = s3 ] && [ "$2" = cp ]; then
  recursive=0; [ "$3" = --recursive ] && { recursive=1; shift; }
  SRC="$3"; DEST="$4"
  if [[ "$SRC" == s3://* ]]; then
    split "$SRC"; fault get
    if [ $recursive = 1 ]; then
      [ -d "$R/s3/$BUCKET/$KEY" ] || exit 0
      mkdir -p "$DEST"; cp -r "$R/s3/$BUCKET/$KEY/." "$DEST/"; exit 0
    fi
    [ -f "$R/s3/$BUCKET/$KEY" ] || { echo "fatal error: An error occurred (404) when calling the HeadObject operation: Key \\"$KEY\\" does not exist" >&2; exit 1; }
    if [ "$DEST" = - ]; then cat "$R/s3/$BUCKET/$KEY"; else cp "$R/s3/$BUCKET/$KEY" "$DEST"; fi
    exit 0
  fi
  split "$DEST"; fault put
  [ -f "$SRC" ] || { echo "warning: Skipping file $SRC. File does not exist." >&2; exit 2; }
  mkdir -p "$(dirname "$R/s3/$BUCKET/$KEY")"; cp "$SRC" "$R/s3/$BUCKET/$KEY"
  echo "$KEY" >> "$R/uploads"
  exit 0
fi
if [ "$1" = s3api ] && [ "$2" = get-bucket-lifecycle-configuration ]; then
  BUCKET="$4"; KEY=""; fault lifecycle
  [ -f "$R/lifecycle/$BUCKET" ] || { echo "An error occurred (NoSuchLifecycleConfiguration) when calling the GetBucketLifecycleConfiguration operation: The lifecycle configuration does not exist" >&2; exit 254; }
  # --query "Rules[?Status=='Enabled' && Filter.Prefix=='<prefix>'].Expiration.Days" --output text
  prefix="$(printf '%s' "$6" | sed -n "s/.*Filter.Prefix=='\\([^']*\\)'.*/\\1/p")"
  awk -v p="$prefix" '$1 == p && $2 == "Enabled" && $3 != "-" { printf "%s\\t", $3 } END { print "" }' "$R/lifecycle/$BUCKET"
  exit 0
fi
echo "fake aws: unexpected call $*" >&2
exit 252
`,
      { mode: 0o755 },
    );
  }

  /** An object in a bucket. */
  put(bucket: string, key: string, content: string): void {
    const file = path.join(this.s3, bucket, key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }

  get(bucket: string, key: string): string | undefined {
    const file = path.join(this.s3, bucket, key);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  }

  /** Keys of a bucket below `prefix`, sorted. */
  keys(bucket: string, prefix = ''): string[] {
    const dir = path.join(this.s3, bucket);
    if (!fs.existsSync(dir)) return [];
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(path.relative(dir, p));
      }
    };
    walk(dir);
    return out.filter((k) => k.startsWith(prefix)).sort();
  }

  /** Lifecycle rules of a bucket: prefix, status and expiration days (undefined: no expiration). */
  lifecycle(bucket: string, rules: readonly { prefix: string; status?: 'Enabled' | 'Disabled'; days?: number }[]): void {
    fs.writeFileSync(path.join(this.root, 'lifecycle', bucket), rules.map((r) => `${r.prefix} ${r.status ?? 'Enabled'} ${r.days ?? '-'}\n`).join(''));
  }

  /** The CLI fails `op` as AWS does for `kind`, or with `message` and exit `code`. */
  fault(op: AwsOperation, kind: 'access-denied' | 'throttled' | { code: number; message: string }): void {
    const [code, message] = typeof kind === 'string' ? FAULTS[kind][op] : [kind.code, kind.message];
    fs.writeFileSync(path.join(this.root, 'faults', op), `${code}\n${message}\n`);
  }

  calls(): string[] {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8').trimEnd().split('\n') : [];
  }

  uploads(): string[] {
    const f = path.join(this.root, 'uploads');
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trimEnd().split('\n') : [];
  }

  run(script: string, env: Record<string, string> = {}, args: string[] = []): { status: number; stdout: string; stderr: string } {
    const r = spawnSync('sh', [path.join(SCRIPTS, script), ...args], {
      encoding: 'utf8',
      env: { PATH: `${this.bin}:${process.env.PATH}`, TMPDIR: this.root, ...env },
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** One JSON envelope line as stream-reactor's S3 sink writes it (key and value as base64 with the ByteArrayConverter). */
export function envelope(r: { topic: string; partition: number; offset: number; timestamp: number; key: string | null; value: string | null; headers?: Record<string, string> }): string {
  const b64 = (s: string | null) => (s === null ? null : Buffer.from(s).toString('base64'));
  // Field order as a Java HashMap happens to render it: the scripts must not depend on it.
  return JSON.stringify({
    headers: r.headers ?? {},
    value: b64(r.value),
    valueIsArray: true,
    metadata: { partition: r.partition, offset: r.offset, topic: r.topic, timestamp: r.timestamp },
    key: b64(r.key),
    keyIsArray: true,
  });
}

/** The object name stream-reactor gives a file: `<last offset, 12 digits>_<first record ms>_<last record ms>.json`. */
export function objectName(lastOffset: number, firstMs: number, lastMs: number): string {
  return `${String(lastOffset).padStart(12, '0')}_${firstMs}_${lastMs}.json`;
}
