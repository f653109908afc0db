/**
 * Plan review of a pull request, offline: compares two cdktf synth outputs and prints a Markdown report
 * per stack. Exit status 1 when any change is BLOCK, 2 on bad usage or input (with a one-line reason on
 * stderr and nothing on stdout).
 *
 *   npm run review -- --base <synth dir of the merge base> --head <synth dir of the branch> [--out report.md]
 *   npm run review -- --base-empty --head <synth dir>   (only where the base has no platform at all)
 *
 * `--base-empty` is the explicit declaration that every stack of the head is new; a base that merely
 * failed to synthesize must never be compared as empty (the workflow fails closed instead).
 */
import * as fs from 'fs';
import { readSynthOutput, renderMarkdown, reviewSynthOutputs, type SynthStack } from '../lib/review';

const USAGE = 'usage: npm run review -- --base <cdktf.out of the merge base> | --base-empty, --head <cdktf.out of the head> [--out <file.md>]';

interface Args {
  readonly base?: string;
  readonly baseEmpty: boolean;
  readonly head: string;
  readonly out?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Record<string, string> = {};
  let baseEmpty = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--base-empty') {
      baseEmpty = true;
      continue;
    }
    if (!['--base', '--head', '--out'].includes(flag)) throw new Error(`unexpected argument "${flag}"; ${USAGE}`);
    const value = argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new Error(`${flag} needs a folder; ${USAGE}`);
    args[flag.slice(2)] = value;
  }
  if (!args.head) throw new Error(`--head is required; ${USAGE}`);
  if (!args.base === !baseEmpty) throw new Error(`exactly one of --base and --base-empty is required; ${USAGE}`);
  return { base: args.base, baseEmpty, head: args.head, out: args.out };
}

function read(flag: string, dir: string): Map<string, SynthStack> {
  try {
    return readSynthOutput(dir);
  } catch (err) {
    throw new Error(`${flag} ${(err as Error).message}`);
  }
}

export function main(argv: string[]): number {
  let args: Args;
  let markdown: string;
  let blocks: number;
  try {
    args = parseArgs(argv);
    const base = args.base ? read('--base', args.base) : new Map<string, SynthStack>();
    const review = reviewSynthOutputs(base, read('--head', args.head));
    markdown = renderMarkdown(review);
    if (args.baseEmpty) markdown += '\n> The base was declared empty (`--base-empty`): every stack is new and is compared with nothing.\n';
    blocks = review.blocks;
  } catch (err) {
    process.stderr.write(`review: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  if (args.out) fs.writeFileSync(args.out, markdown);
  process.stdout.write(markdown);
  return blocks > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
