/**
 * The chat tools by name, with their kind: registered at start-up (./lazyTools) while ./tools, which does what
 * each does, loads on first use. A read tool is always there; an action tool only while okxEarn.chat.actionTools
 * allows it. No `vscode` import.
 */
export type ToolKind = 'read' | 'action';

export const TOOL_KINDS = {
  okxEarn_portfolio: 'read',
  okxEarn_positions: 'read',
  okxEarn_loanRisk: 'read',
  okxEarn_offers: 'read',
  okxEarn_dualProducts: 'read',
  okxEarn_compare: 'read',
  okxEarn_rateHistory: 'read',
  okxEarn_history: 'read',
  okxEarn_autoEarn: 'read',
  okxEarn_onchainPurchase: 'action',
  okxEarn_onchainRedeem: 'action',
  okxEarn_onchainCancel: 'action',
  okxEarn_stake: 'action',
  okxEarn_unstake: 'action',
  okxEarn_cancelEthRedemption: 'action',
  okxEarn_savingsSubscribe: 'action',
  okxEarn_savingsRedeem: 'action',
  okxEarn_setLendingRate: 'action',
  okxEarn_okusdSubscribe: 'action',
  okxEarn_okusdRedeem: 'action',
  okxEarn_dualPurchase: 'action',
  okxEarn_dualRedeemEarly: 'action',
  okxEarn_setAutoEarn: 'action',
  okxEarn_adjustCollateral: 'action',
  okxEarn_borrow: 'action',
  okxEarn_repay: 'action',
} as const satisfies Record<string, ToolKind>;

export type ToolName = keyof typeof TOOL_KINDS;

export const ACTION_TOOLS_SETTING = 'chat.actionTools';
