/** The sidebar's views, as declared in package.json `contributes.views.okxEarn`. */
export const VIEW_IDS = {
  overview: 'okxEarn.overview',
  staking: 'okxEarn.staking',
  savings: 'okxEarn.savings',
  moreEarn: 'okxEarn.moreEarn',
  loans: 'okxEarn.loans',
  products: 'okxEarn.products',
} as const;

export type ViewKey = keyof typeof VIEW_IDS;
