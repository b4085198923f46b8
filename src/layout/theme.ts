/** Colour themes. The family colours are the survey's. */
import type { Family } from '../catalog/index.js';

export const THEMES = ['light', 'dark', 'print'] as const;
export type ThemeName = (typeof THEMES)[number];

export interface Palette {
  background: string;
  text: string;
  muted: string;
  axis: string;
  pill: string;
  yearLine: string;
  /** Text on a filled box. */
  onFill: string;
  /** Inside of a hollow (closed) box. */
  hollow: string;
  family: Record<Family, string>;
  chartOpen: string;
  chartClosed: string;
  restricted: string;
  /** The conditional-licence triangle. */
  caution: string;
}

const FAMILY_LIGHT: Record<Family, string> = {
  'pre-transformer': '#A8A8A8',
  'encoder-only': '#E4ADB5',
  'encoder-decoder': '#87AE88',
  'decoder-only': '#8597B1',
  'non-transformer': '#B59A6E',
};

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    background: '#FFFFFF',
    text: '#3B3F45',
    muted: '#7A7F87',
    axis: '#2E3A4F',
    pill: '#FFFFFF',
    yearLine: '#D5D9E0',
    onFill: '#FFFFFF',
    hollow: '#FFFFFF',
    family: FAMILY_LIGHT,
    chartOpen: '#F4B183',
    chartClosed: '#C47A45',
    restricted: '#C0392B',
    caution: '#E3A008',
  },
  dark: {
    background: '#16191F',
    text: '#E3E6EB',
    muted: '#9AA1AC',
    axis: '#C9D2E3',
    pill: '#16191F',
    yearLine: '#343A45',
    onFill: '#16191F',
    hollow: '#16191F',
    family: {
      'pre-transformer': '#9C9C9C',
      'encoder-only': '#E8A3AE',
      'encoder-decoder': '#8DC28F',
      'decoder-only': '#93A8CC',
      'non-transformer': '#CDB183',
    },
    chartOpen: '#F4B183',
    chartClosed: '#F4B183',
    restricted: '#FF7A6B',
    caution: '#F2C14E',
  },
  print: {
    background: '#FFFFFF',
    text: '#000000',
    muted: '#444444',
    axis: '#000000',
    pill: '#FFFFFF',
    yearLine: '#BBBBBB',
    onFill: '#FFFFFF',
    hollow: '#FFFFFF',
    family: {
      'pre-transformer': '#6E6E6E',
      'encoder-only': '#B5566A',
      'encoder-decoder': '#3F7A41',
      'decoder-only': '#3E5680',
      'non-transformer': '#7D6330',
    },
    chartOpen: '#E08A4C',
    chartClosed: '#9A5A2A',
    restricted: '#B00000',
    caution: '#B07800',
  },
};
