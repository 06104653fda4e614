/** The README's API table, rendered from the endpoint table (a unit test keeps the README in step). */
import { ACCOUNT_ENDPOINT_IDS, ENDPOINT_DOCS, FINANCE_ENDPOINT_IDS } from './endpointDocs';
import { ENDPOINTS, type Product, type RateLimit } from './endpoints';

const PRODUCT_NAMES: Record<Product, string> = {
  onchain: 'On-chain earn',
  eth: 'ETH staking',
  sol: 'SOL staking',
  savings: 'Simple Earn (savings)',
  loan: 'Flexible loan',
  stable: 'Stable Rewards',
  okusd: 'OKUSD',
  dual: 'Dual Investment',
  account: 'Account',
  public: 'Public',
};

function describeLimit(limit: RateLimit): string {
  const window = limit.windowMs === 1000 ? 's' : `${limit.windowMs / 1000} s`;
  return `${limit.count} / ${window} per ${limit.scope === 'ip' ? 'IP' : 'user'}`;
}

export function renderEndpointTable(): string {
  const rows = [
    '| product | endpoint | client method | auth | limit | sent at most once |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const id of [...FINANCE_ENDPOINT_IDS, ...ACCOUNT_ENDPOINT_IDS]) {
    const spec = ENDPOINTS[id];
    const doc = ENDPOINT_DOCS[id];
    rows.push(
      `| ${PRODUCT_NAMES[doc.product]} | \`${spec.method} ${spec.path.replace('/api/v5/finance', '')}\` | \`${doc.clientMethod}\` | ` +
        `${spec.auth === 'public' ? 'public' : doc.permission ?? ''} | ${describeLimit(spec.rateLimit)} | ${spec.moneyMoving ? 'yes' : ''} |`,
    );
  }
  return rows.join('\n');
}
