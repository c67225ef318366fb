// `fabkiosk`: the command-line face of the back end (package bin). Messages in French or English,
// one clear line and a non-zero exit on bad input.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { appRootFrom } from '../paths';
import { analyzeCommand } from './analyze';
import { laserCommand } from './laser';
import { portsCommand, sendCommand } from './machines';
import { reportCommand } from './report';
import { templateCommand } from './template';
import { sliceCommand } from './slice';
import { cliLanguage, cliTranslator } from './i18n';
import { findChromium, findElectron, hasDisplay, runChromium, runElectron } from './launch';
import { CliError, parsePort, serve } from './serve';

const defaultPort = 8421;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = cliLanguage(env);
  const t = cliTranslator(lang);
  const [command = 'help', ...rest] = argv;
  const appRoot = appRootFrom(dirname(fileURLToPath(import.meta.url)));
  try {
    switch (command) {
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(t('usage') + '\n');
        return 0;
      case 'serve':
      case 'start': {
        const { values } = parseArgs({ args: rest, options: { port: { type: 'string' } }, strict: true });
        if (command === 'start') {
          const electron = findElectron(appRoot, env);
          if (electron) {
            process.stderr.write(t('launchingElectron') + '\n');
            return await runElectron(electron, appRoot);
          }
        }
        const served = await serve(appRoot, parsePort(values.port ?? env.FABKIOSK_PORT, defaultPort), env);
        process.stdout.write(t('serving', { url: served.host.url, dataDir: served.dataDir }) + '\n');
        const stop = async () => {
          process.stderr.write(t('stopping') + '\n');
          await served.stop();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
        if (command === 'serve') return await new Promise<number>(() => {});
        const chromium = findChromium();
        if (!hasDisplay(env)) {
          process.stdout.write(t('noDisplay', { url: served.host.url }) + '\n');
        } else if (!chromium) {
          process.stdout.write(t('noBrowser', { url: served.host.url }) + '\n');
        } else {
          process.stderr.write(t('launchingChromium') + '\n');
          await runChromium(chromium, served.host.url, join(served.dataDir, 'chromium-profile'));
          process.stderr.write(t('browserClosed') + '\n');
          await served.stop();
          return 0;
        }
        return await new Promise<number>(() => {});
      }
      case 'analyze':
        return await analyzeCommand(rest, env, t, lang);
      case 'laser':
        return await laserCommand(rest, env, lang);
      case 'ports':
        return await portsCommand(rest, t);
      case 'send':
        return await sendCommand(rest, t);
      case 'report':
        return await reportCommand(rest, env, t, lang);
      case 'template':
        return await templateCommand(rest, t, lang);
      case 'slice':
        return await sliceCommand(rest, env, lang, appRoot);
      default:
        process.stderr.write(t('unknownCommand', { command }) + '\n');
        return 2;
    }
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(t(err.key, err.params) + '\n');
      return 2;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(t('badOption', { message: err.message }) + '\n');
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
