/**
 * Plan review of a pull request, offline: compares two cdktf synth outputs and prints a Markdown report
 * per stack. Exit status 1 when any change is BLOCK, 2 on bad usage or unreadable input.
 *
 *   npm run review -- --base <synth dir of main> --head <synth dir of the branch> [--out report.md]
 */
import * as fs from 'fs';
import { readSynthOutput, renderMarkdown, reviewSynthOutputs } from '../lib/review';

const USAGE = 'usage: npm run review -- --base <cdktf.out of the base> --head <cdktf.out of the head> [--out <file.md>]';

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    if (!['--base', '--head', '--out'].includes(flag) || argv[i + 1] === undefined) throw new Error(`unexpected argument "${flag}"`);
    args[flag.slice(2)] = argv[i + 1];
  }
  if (!args.base || !args.head) throw new Error('--base and --head are required');
  return args;
}

export function main(argv: string[]): number {
  let args: Record<string, string>;
  let markdown: string;
  let blocks: number;
  try {
    args = parseArgs(argv);
    const review = reviewSynthOutputs(readSynthOutput(args.base), readSynthOutput(args.head));
    markdown = renderMarkdown(review);
    blocks = review.blocks;
  } catch (err) {
    process.stderr.write(`review: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.out) fs.writeFileSync(args.out, markdown);
  process.stdout.write(markdown);
  return blocks > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
