import { OkxClient } from '../../src/okx/client';
import { customEnvironment, publicSocketUrl } from '../../src/okx/environments';
import { PublicSocket } from '../../src/okx/publicSocket';
import { LiveLoanWatch, followPortfolio } from '../../src/portfolio/liveLoanWatch';
import { Portfolio } from '../../src/portfolio/portfolio';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';

async function main(): Promise<void> {
  const sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
  const client = new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_KEY });
  const portfolio = new Portfolio(undefined);
  const watch = new LiveLoanWatch({
    openSocket: () => new PublicSocket({ url: publicSocketUrl(client.environment), log: (l) => console.log('socket:', l) }),
    confirm: () => void portfolio.refresh(['loans'], { fresh: true }),
    warnDistance: () => '0.03',
  });
  watch.enabled = false;
  followPortfolio(watch, portfolio);
  watch.onDidChangeStatus((s) => console.log('status', JSON.stringify(s)));
  portfolio.setClient(client);
  await portfolio.refresh(['loans']);
  console.log('loans loaded; enabling');
  watch.enabled = true;
  await new Promise((r) => setTimeout(r, 3000));
  console.log('status now', JSON.stringify(watch.status), watch.estimates().map((e) => `${e.key} ${e.ltv} ${e.live}`));
  watch.dispose();
  await sim.close();
  process.exit(0);
}
void main();
