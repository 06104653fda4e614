/**
 * `npm run simulator -- [--port N] [--api-key K --secret-key S --passphrase P] [--state FILE] [--read-only]
 *                      [--demo] [--region global|us|eea] [--still-prices] [--fault SPEC]...`
 * Runs the OKX finance simulator on 127.0.0.1 until interrupted.
 */
import { FAULT_SPEC_SYNTAX, parseFaultSpec, type FaultRule } from './faults';
import { SANDBOX_CREDENTIALS, Simulator, type SimRegion } from './server';

interface CliOptions {
  port: number;
  apiKey: string;
  secretKey: string;
  passphrase: string;
  stateFile: string | undefined;
  readOnly: boolean;
  demo: boolean;
  region: SimRegion;
  priceMotion: boolean;
  /** Faults to inject from the start (`--fault`, repeatable). */
  faults: FaultRule[];
}

const USAGE = `Usage: npm run simulator -- [options]
  --port N             port on 127.0.0.1 (default 8787; 0 picks a free one)
  --api-key K          API key to accept     (default ${SANDBOX_CREDENTIALS.apiKey})
  --secret-key S       its secret key        (default ${SANDBOX_CREDENTIALS.secretKey})
  --passphrase P       its passphrase        (default ${SANDBOX_CREDENTIALS.passphrase})
  --read-only          the key has Read permission only (Trade endpoints answer 50120)
  --demo               the key is a demo-trading key (requests need x-simulated-trading: 1)
  --region R           the region this server plays: global, us or eea (default global)
  --state FILE         keep the portfolio in FILE: restored at start, saved as it changes
  --still-prices       prices stay put instead of drifting
  --fault SPEC         inject a fault (OKX's bad days); repeatable. SPEC is
    ${FAULT_SPEC_SYNTAX.replaceAll('\n', '\n  ')}
  --help               this text`;

export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = {
    port: 8787,
    ...SANDBOX_CREDENTIALS,
    stateFile: undefined,
    readOnly: false,
    demo: false,
    region: 'global',
    priceMotion: true,
    faults: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg ?? ''} needs a value`);
      return next;
    };
    switch (arg) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a number from 0 to 65535');
        options.port = port;
        break;
      }
      case '--api-key': options.apiKey = value(); break;
      case '--secret-key': options.secretKey = value(); break;
      case '--passphrase': options.passphrase = value(); break;
      case '--state': options.stateFile = value(); break;
      case '--read-only': options.readOnly = true; break;
      case '--demo': options.demo = true; break;
      case '--still-prices': options.priceMotion = false; break;
      case '--fault': options.faults.push(parseFaultSpec(value())); break;
      case '--region': {
        const region = value();
        if (region !== 'global' && region !== 'us' && region !== 'eea') throw new Error('--region takes global, us or eea');
        options.region = region;
        break;
      }
      case '--help': return 'help';
      default: throw new Error(`Unknown option ${arg ?? ''}\n\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const simulator = await Simulator.start({
    port: options.port,
    keys: [{
      apiKey: options.apiKey, secretKey: options.secretKey, passphrase: options.passphrase,
      permission: options.readOnly ? 'read' : 'trade', demo: options.demo, region: options.region,
    }],
    region: options.region,
    stateFile: options.stateFile,
    priceMotion: options.priceMotion,
    log: (line) => console.error(line),
  });
  for (const rule of options.faults) simulator.faults.add(rule);
  console.log(`OKX finance simulator listening on ${simulator.url}`);
  console.log(`  API key     ${options.apiKey}`);
  console.log(`  secret key  ${options.secretKey}`);
  console.log(`  passphrase  ${options.passphrase}`);
  console.log(`  permission  ${options.readOnly ? 'Read' : 'Read + Trade'}${options.demo ? ', demo trading' : ''}; region ${options.region}`);
  console.log(`  state       ${options.stateFile ?? 'in memory (lost on exit)'}`);
  for (const rule of options.faults) {
    console.log(`  fault       ${JSON.stringify(rule.fault)} on ${rule.endpoint ?? 'every endpoint'}${rule.times === undefined ? '' : `, ${rule.times} time(s)`}`);
  }
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
