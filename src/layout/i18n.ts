/** The figure's own words in English and Chinese. Model and organisation names are never translated. */
import type { Family } from '../catalog/index.js';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export interface Strings {
  title: string[];
  family: Record<Family, string>;
  open: string;
  closed: string;
  restricted: string;
  conditional: string;
  chartCaption: string;
  /** The chart's note when it shows only the largest organisations. */
  chartTop: (shown: number, total: number) => string;
  chartOpen: string;
  chartClosed: string;
}

export const STRINGS: Record<Lang, Strings> = {
  en: {
    title: ['LLM Evolutionary Tree'],
    family: {
      'pre-transformer': 'Pre-Transformer',
      'encoder-only': 'Encoder-Only',
      'encoder-decoder': 'Encoder-Decoder',
      'decoder-only': 'Decoder-Only',
      'non-transformer': 'Non-Transformer',
    },
    open: 'Open weights',
    closed: 'Closed weights',
    restricted: 'Licence: no commercial use',
    conditional: 'Licence: commercial use with conditions',
    chartCaption: 'Models per organisation',
    chartTop: (shown, total) => `top ${shown} of ${total}`,
    chartOpen: 'open',
    chartClosed: 'closed',
  },
  zh: {
    title: ['大语言模型进化树'],
    family: {
      'pre-transformer': '前 Transformer',
      'encoder-only': '仅编码器',
      'encoder-decoder': '编码器-解码器',
      'decoder-only': '仅解码器',
      'non-transformer': '非 Transformer',
    },
    open: '开放权重',
    closed: '闭源',
    restricted: '许可证禁止商用',
    conditional: '许可证有条件商用',
    chartCaption: '各机构模型数',
    chartTop: (shown, total) => `前 ${shown} / 共 ${total}`,
    chartOpen: '开放',
    chartClosed: '闭源',
  },
};
