// Declares the commands and their options; each command's work lives in src/commands/.
import { Command, Option } from 'commander';
import type { Output } from './commands/shared.js';
import { showProgress } from './progress.js';

// Each command's module is loaded when that command runs, so `awg --help` and small commands start fast.
// A run shows its progress on a terminal unless told --quiet or --json; anything the command prints
// first clears the progress line, so it never mixes with the summary or the problems.
const lazy = <T>(load: () => Promise<(opts: T, out: Output) => number | Promise<number>>) => async (opts: T, out: Output): Promise<number> => {
  const { quiet, json } = opts as { quiet?: boolean; json?: boolean };
  const display = quiet || json || !out.progress ? undefined : await out.progress();
  showProgress(display);
  const plain: Output = display ? { ...out, stdout: (t) => (display.end(), out.stdout(t)), stderr: (t) => (display.end(), out.stderr(t)) } : out;
  try {
    return await (await load())(opts, plain);
  } finally {
    display?.end();
    showProgress(undefined);
  }
};
const runValidate = lazy(async () => (await import('./commands/validate.js')).runValidate);
const runInit = lazy(async () => (await import('./commands/init.js')).runInit);
const runPriority = lazy(async () => (await import('./commands/priority.js')).runPriority);
const runUnmatched = lazy(async () => (await import('./commands/unmatched.js')).runUnmatched);
const runSchedule = lazy(async () => (await import('./commands/schedule.js')).runSchedule);
const runCheck = lazy(async () => (await import('./commands/check.js')).runCheck);
const runRoster = lazy(async () => (await import('./commands/roster.js')).runRoster);
const runReport = lazy(async () => (await import('./commands/report.js')).runReport);
const runSent = lazy(async () => (await import('./commands/sent.js')).runSent);
const runUpdate = lazy(async () => (await import('./commands/update.js')).runUpdate);

const collect = (value: string, prev: string[] = []) => [...prev, value];

/** `rerun`: awg schedule, whose --previous folder records the inputs a re-run leaves out. */
function inputOptions(cmd: Command, rerun = false): Command {
  const needed = (flags: string, help: string, parse?: typeof collect) => {
    const option = new Option(flags, rerun ? `${help} (with --previous: default the one it records)` : help);
    if (parse) option.argParser(parse);
    cmd.addOption(rerun ? option : option.makeOptionMandatory());
  };
  needed('--rsvps <file>', 'RSVP export: .csv, .tsv or .xlsx');
  cmd.option('--rsvps-sheet <name>', 'sheet of the RSVP workbook to read (default: the first)');
  needed('--targets <file>', 'target workbook (Representatives and Senators tabs), or give it twice for two CSVs', collect);
  return cmd
    .option('--house-tab <name>', 'name of the Representatives tab')
    .option('--senate-tab <name>', 'name of the Senators tab')
    .option('--config <file>', 'event configuration (default: ./awg.config.json, else the built-in defaults)')
    .option('--quiet', 'no progress line on the terminal during a long run');
}

/** check and update read the inputs from the folder's record; any given here replaces the recorded one (with a warning). */
function folderOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--schedule <dir>', 'the folder awg schedule wrote')
    .option('--config <file>', 'event configuration (default: the one the folder records)')
    .option('--rsvps <file>', 'RSVP export (default: the one the folder records)')
    .option('--rsvps-sheet <name>', 'sheet of the RSVP workbook')
    .option('--targets <file>', 'target workbook, or twice for two CSVs (default: as recorded)', collect)
    .option('--house-tab <name>', 'name of the Representatives tab')
    .option('--senate-tab <name>', 'name of the Senators tab')
    .option('--zip-districts <file>', 'the crosswalk (default: as recorded)')
    .option('--staff <file>', 'the staff list: accompaniers are then checked against it (default: as recorded)')
    .option('--confirmed <file>', 'the confirmed meetings, checked for their own problems (default: as recorded)')
    .option('--quiet', 'no progress line on the terminal during a long run');
}

const CROSSWALK_HELP = 'ZIP→district crosswalk that replaces the bundled 119th-Congress one (Census relationship file or state_fips,state_abbr,zcta,cd CSV)';

function reportOptions(cmd: Command): Command {
  return cmd
    .option('--zip-districts <file>', CROSSWALK_HELP)
    .option('--out <file>', 'write a .csv or .xlsx instead of printing')
    .option('--json', 'print it as JSON');
}

export function buildProgram(out: Output, setExit: (code: number) => void, version: string): Command {
  const program = new Command()
    .name('awg')
    .description('Schedule advocacy-day meetings from RSVP exports and a target-legislator workbook.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => out.stderr(s), writeOut: (s) => out.stdout(s) })
    .showHelpAfterError('(run awg --help, or awg <command> --help, for the options)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 problems in the inputs, 2 usage errors or unreadable files.');

  inputOptions(program.command('validate'))
    .description('read the RSVPs and targets and report every problem, by cell')
    .addOption(new Option('--json', 'print the summary, problems and normalized people as JSON'))
    .option('--staff <file>', 'also check the staff list of accompaniers')
    .option('--confirmed <file>', 'also check the confirmed meetings')
    .action(async (opts) => setExit(await runValidate(opts, out)));

  inputOptions(program.command('schedule'), true)
    .description('schedule the meetings and write the output folder organizers hand out')
    .option('--zip-districts <file>', CROSSWALK_HELP)
    .option('--staff <file>', 'accompaniers: name, email, phone, organization, availability')
    .option('--confirmed <file>', 'meetings offices already confirmed: office, date, start, video link, notes')
    .requiredOption('--out <dir>', 'the folder to write (must be new or empty, unless --force)')
    .option('--force', 'replace the folder if it is not empty')
    .option('--previous <dir>', 'an earlier output folder (hand edits and offices.csv replies included): keep what still holds, write changes.csv; inputs not given are the ones it records')
    .option('--json', 'print the summary and every problem as JSON (as validate does)')
    .option('--dry-run', 'print the summary and who must be told of what (the change table), and write nothing')
    .action(async (opts) => setExit(await runSchedule(opts, out)));

  folderOptions(program.command('check'))
    .description('re-check a schedule folder edited by hand and report every rule it breaks')
    .option('--json', 'print the problems as JSON')
    .action(async (opts) => setExit(await runCheck(opts, out)));

  // `roster` is update's old name: the same options, and a line saying so.
  for (const [name, description, run] of [
    ['update', 'after editing meetings or attendees, bring every other file of the schedule folder up to date (the folder as it was goes to DIR.previous)', runUpdate],
    ['roster', 'old name of update', runRoster],
  ] as const) {
    folderOptions(program.command(name))
      .description(description)
      .option('--out <dir>', 'write the updated folder there instead of in place')
      .option('--force', 'replace the --out folder if it is not empty')
      .option('--dry-run', 'print the summary and who your edits move (the change table), and write nothing')
      .action(async (opts) => setExit(await run(opts, out)));
  }

  program
    .command('report')
    .description('after the meetings: results by ask, follow-ups owed and meetings not yet reported, from the report-back form')
    .requiredOption('--schedule <dir>', 'the folder awg schedule wrote (meetings.csv and attendees.csv)')
    .requiredOption('--responses <file>', 'the report-back form\'s responses: .csv, .tsv or .xlsx')
    .option('--responses-sheet <name>', 'sheet of the responses workbook to read (default: the first)')
    .option('--out <dir>', 'where to write the report (default: DIR/report)')
    .option('--config <file>', 'event configuration (the event name and the asks come from it)')
    .option('--force', 'replace the output folder if it is not empty')
    .action(async (opts) => setExit(await runReport(opts, out)));

  program
    .command('sent')
    .description('after sending the meeting requests in DIR/requests/, mark each of those offices "requested" in DIR/offices.csv')
    .requiredOption('--schedule <dir>', 'the folder awg schedule wrote')
    .option('--dry-run', 'say which offices would be marked, and write nothing')
    .action(async (opts) => setExit(await runSent(opts, out)));

  reportOptions(inputOptions(program.command('priority')))
    .description('list the priority participants by state and district, and the target offices with no constituents')
    .action(async (opts) => setExit(await runPriority(opts, out)));

  reportOptions(inputOptions(program.command('unmatched')))
    .description('list every RSVP that will not be in a meeting, with the reason and the fix')
    .action(async (opts) => setExit(await runUnmatched(opts, out)));

  program
    .command('init')
    .description('write a starting awg.config.json with the default event; with --targets a starting targets workbook; with --report-form the report-back form')
    .option('--out <file>', 'where to write it (default: awg.config.json, or report-form.txt with --report-form, rsvp-form.txt with --rsvp-form)')
    .option('--targets <file>', 'write a targets workbook (.xlsx) instead: every seat, its current member, an empty Tier column')
    .option('--states <list>', 'with --targets: only these states, e.g. IL,CA (default: the 50 states)')
    .option('--report-form', 'instead, print and write the report-back form\'s questions (the asks from --config)')
    .option('--rsvp-form', 'instead, print and write the RSVP form\'s questions (the days and hours from --config)')
    .option('--config <file>', 'with --report-form or --rsvp-form: the event configuration the asks, days and hours come from')
    .option('--in-person', 'a starting config for an in-person Hill day: rooms, walking time, House 20 and Senate 30 minutes on a 30-minute grid')
    .option('--force', 'replace an existing file')
    .action(async (opts) => setExit(await runInit(opts, out)));

  return program;
}
