/**
 * Filter Products… and Clear Filter: which on-chain earn offers the Products view lists, by currency and by
 * flexible or fixed term. The choice is remembered (globalState, not settings) and shown above the view while
 * it is on, with Clear Filter in the view's title bar.
 */
import * as vscode from 'vscode';
import type { Portfolio } from '../portfolio/portfolio';
import type { TreeNode } from '../views/nodes';
import { percent } from '../views/nodes';
import { bestApy, filterText, isFiltered, type ProductsFilter, type ProductsView } from '../views/productsView';

const KEY = 'okxEarn.products.filter';
/** The context key the Clear Filter button's `when` reads. */
const CONTEXT_KEY = 'okxEarn.productsFiltered';

/** The stored filter; anything malformed reads as no filter. */
export function storedFilter(state: vscode.Memento): ProductsFilter {
  const value = state.get<unknown>(KEY);
  if (typeof value !== 'object' || value === null) return {};
  const { ccy, term } = value as { ccy?: unknown; term?: unknown };
  return {
    ...(typeof ccy === 'string' && /^[A-Za-z0-9]{1,32}$/.test(ccy) ? { ccy } : {}),
    ...(term === 'flexible' || term === 'fixed' ? { term } : {}),
  };
}

export function registerProductsFilter(
  state: vscode.Memento,
  portfolio: Portfolio,
  tree: ProductsView,
  view: vscode.TreeView<TreeNode>,
): vscode.Disposable[] {
  const show = (filter: ProductsFilter): void => {
    tree.filter = filter;
    const on = isFiltered(filter);
    view.message = on ? vscode.l10n.t('On-chain earn offers filtered: {0}. Clear the filter to see them all.', filterText(filter)) : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, on);
  };
  const apply = async (filter: ProductsFilter): Promise<ProductsFilter> => {
    show(filter);
    await state.update(KEY, isFiltered(filter) ? filter : undefined);
    return filter;
  };
  show(storedFilter(state));

  return [
    vscode.commands.registerCommand('okxEarn.filterProducts', async (): Promise<ProductsFilter | undefined> => {
      const current = tree.filter;
      if (portfolio.hasCredentials) await portfolio.ensure('offers');
      const area = portfolio.get('offers');
      const offers = 'data' in area ? (area.data?.offers ?? []) : [];
      const currencies = [...new Set([...offers.map((o) => o.ccy), ...(current.ccy === undefined ? [] : [current.ccy])])].sort();
      const count = (n: number): string => (n === 1 ? vscode.l10n.t('1 offer') : vscode.l10n.t('{0} offers', n));
      const describe = (parts: (string | undefined)[], isCurrent: boolean): string =>
        [...parts, isCurrent ? vscode.l10n.t('current') : undefined].filter((p): p is string => p !== undefined && p !== '').join(' · ');

      const ccyPick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('All currencies'), description: describe([count(offers.length)], current.ccy === undefined), ccy: undefined },
          ...currencies.map((ccy) => {
            const ofCcy = offers.filter((o) => o.ccy === ccy);
            const best = bestApy(ofCcy);
            return {
              label: ccy,
              description: describe([count(ofCcy.length), best === undefined ? undefined : vscode.l10n.t('best APY {0}', percent(best))], current.ccy === ccy),
              ccy,
            };
          }),
        ],
        { title: vscode.l10n.t('Filter Products (1/2): which currency?'), ignoreFocusOut: true },
      );
      if (ccyPick === undefined) return undefined;

      const termPick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Flexible and fixed term'), description: describe([], current.term === undefined), term: undefined },
          { label: vscode.l10n.t('Flexible only'), description: describe([vscode.l10n.t('redeem any time')], current.term === 'flexible'), term: 'flexible' as const },
          { label: vscode.l10n.t('Fixed term only'), description: describe([vscode.l10n.t('locked for a number of days')], current.term === 'fixed'), term: 'fixed' as const },
        ],
        { title: vscode.l10n.t('Filter Products (2/2): which term?'), ignoreFocusOut: true },
      );
      if (termPick === undefined) return undefined;

      return apply({
        ...(ccyPick.ccy === undefined ? {} : { ccy: ccyPick.ccy }),
        ...(termPick.term === undefined ? {} : { term: termPick.term }),
      });
    }),
    vscode.commands.registerCommand('okxEarn.clearProductsFilter', () => apply({})),
  ];
}
