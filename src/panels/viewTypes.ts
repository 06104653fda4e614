/** The panels' webview types, as package.json's activation events name them. */
export const PRODUCT_VIEW = 'okxEarn.product';
export const LTV_VIEW = 'okxEarn.ltv';
export const PORTFOLIO_VIEW = 'okxEarn.portfolio';
export const COMPARE_VIEW = 'okxEarn.compare';
