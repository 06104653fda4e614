/**
 * Amounts and prices in the panels: shown at the precision of their currency (../portfolio/format's
 * formatCcyAmount and formatPrice), with the exact figures OKX sent in the tooltip. A row's value is written
 * once, as a function of how to write a figure, and rendered both ways: the text shown and its title.
 */
import * as vscode from 'vscode';
import { formatAmount, formatCcyAmount, formatPrice, numberSymbols } from '../portfolio/format';
import type { Row } from './protocol';

export interface Figures {
  /** An amount of `ccy`, with its currency: "12,004.21 USDT" shown, "12,004.21873311 USDT" exact. */
  readonly amount: (value: string, ccy: string) => string;
  /** A price in `ccy`: "91,154.22 USDT" shown, "91,154.2220784 USDT" exact. */
  readonly price: (value: string, ccy: string) => string;
  /** A figure with no currency after it (a step size, a count): grouped, as sent. */
  readonly plain: (value: string) => string;
}

const symbols = (): ReturnType<typeof numberSymbols> => numberSymbols(vscode.env.language);

/** The figures as shown. */
export const shownFigures: Figures = {
  amount: (value, ccy) => `${formatCcyAmount(value, ccy, symbols())} ${ccy}`,
  price: (value, ccy) => `${formatPrice(value, symbols())} ${ccy}`,
  plain: (value) => formatAmount(value, symbols()),
};

/** The figures exactly as OKX sent them (trimmed and grouped). */
export const exactFigures: Figures = {
  amount: (value, ccy) => `${formatAmount(value, symbols())} ${ccy}`,
  price: (value, ccy) => `${formatAmount(value, symbols())} ${ccy}`,
  plain: (value) => formatAmount(value, symbols()),
};

/** A text with figures in it, as shown and exact ('' when they are the same: no tooltip needed). */
export function shown(write: (f: Figures) => string): { readonly text: string; readonly title: string } {
  const text = write(shownFigures);
  const exact = write(exactFigures);
  return { text, title: exact === text ? '' : exact };
}

/** A row whose value holds figures: shown at display precision, exact in its title when that differs. */
export function figureRow(label: string, write: (f: Figures) => string): Row {
  const { text, title } = shown(write);
  return title === '' ? [label, text] : [label, text, title];
}

/** A table's cells written with figures: what `Section.cells` shows and `Section.titles` holds. */
export function figureCells(rows: readonly (readonly (string | ((f: Figures) => string))[])[]): { cells: string[][]; titles: string[][] } {
  const cells: string[][] = [];
  const titles: string[][] = [];
  for (const row of rows) {
    const both = row.map((cell) => (typeof cell === 'string' ? { text: cell, title: '' } : shown(cell)));
    cells.push(both.map((b) => b.text));
    titles.push(both.map((b) => b.title));
  }
  return { cells, titles };
}
