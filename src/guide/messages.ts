/** Every sentence the guide writes itself, in English and Chinese. Knowledge-base texts come from guide.yaml. */
import type { GuideLang, GuideText } from '../catalog/guide-schema.js';

export type Lang = GuideLang;

export function t(text: GuideText | undefined, lang: Lang): string {
  return text ? text[lang] : '';
}

type Msg = Record<Lang, string>;

const M = {
  // constraint failures
  commercialNoLicence: { en: 'no licence recorded, so commercial use is unknown', zh: '未记录许可证，无法确定能否商用' },
  commercialNo: { en: 'licence {lic} does not allow commercial use', zh: '许可证 {lic} 不允许商用' },
  commercialConditional: { en: 'licence {lic} allows commercial use only on a condition ({cond})', zh: '许可证 {lic} 仅在满足条件时允许商用（{cond}）' },
  commercialUnknown: { en: 'licence {lic} is not in licenses.yaml', zh: '许可证 {lic} 不在 licenses.yaml 中' },
  weightsClosed: { en: 'weights are closed (API only)', zh: '权重不公开（仅 API）' },
  weightsRestricted: { en: 'weights are restricted (on request or gated), not open', zh: '权重受限（需申请），并非开放' },
  noParams: { en: 'parameter count not published', zh: '未公布参数量' },
  tooLarge: { en: 'smallest published size {size} is above {max}', zh: '最小公开尺寸 {size} 超过 {max}' },
  closedGpu: { en: 'weights are closed, so it cannot run on your GPU', zh: '权重不公开，无法在自己的 GPU 上运行' },
  noFit: { en: 'smallest eligible size {size} needs {need} at {prec}, more than {gpu}', zh: '最小可选尺寸 {size} 在 {prec} 下需要 {need}，超过 {gpu}' },
  noFitHint: { en: '; would fit at {prec} ({need})', zh: '；在 {prec} 下可放下（{need}）' },
  noContext: { en: 'context window not published', zh: '未公布上下文窗口' },
  shortContext: { en: 'context window {ctx} tokens is below {min}', zh: '上下文窗口 {ctx} 个词元，低于 {min}' },
  tooOld: { en: 'released {date}, before {since}', zh: '发布于 {date}，早于 {since}' },
  // task fit
  familyNotRecommended: { en: 'family {family} is not recommended for {task}', zh: '{family} 不是 {task} 的推荐架构' },
  missingTag: { en: 'needs a tag among {tags} for {task}', zh: '用于 {task} 需要以下标签之一：{tags}' },
  excludedTag: { en: 'tagged {tag}: cannot do {task}', zh: '带有 {tag} 标签：无法完成 {task}' },
  // score components
  fitPrimary: { en: '{family} is the primary family for {task}', zh: '{family} 是 {task} 的首选架构' },
  fitAlternative: { en: '{family} is an alternative family for {task}', zh: '{family} 是 {task} 的备选架构' },
  named: { en: 'named in guide.yaml as a notable model for {task}', zh: 'guide.yaml 将其列为 {task} 的代表模型' },
  tagPoints: { en: '{tag}', zh: '标签 {tag}' },
  recency: { en: 'released {date} (newer scores higher, {from}–{to} scale)', zh: '发布于 {date}（越新分越高，{from}–{to} 区间）' },
  sizeLarge: { en: '{size}: larger is better for this task, largest size within the constraints', zh: '{size}：此任务越大越好，取满足约束的最大尺寸' },
  sizeSmall: { en: '{size}: small models are cheaper to fine-tune and serve for this task', zh: '{size}：此任务中小模型微调和部署更便宜' },
  sizeClosed: { en: 'size not published; closed API models are typically large', zh: '未公布尺寸；闭源 API 模型通常规模较大' },
  sizeUnknown: { en: 'size not published', zh: '未公布尺寸' },
  active: { en: '{active} active per token', zh: '每个词元激活 {active}' },
  fits: { en: 'needs about {need} at {prec}, fits {gpu}', zh: '在 {prec} 下约需 {need}，可放入 {gpu}' },
  licenceYes: { en: 'licence {lic} allows commercial use without conditions', zh: '许可证 {lic} 无条件允许商用' },
  licenceConditional: { en: 'licence {lic}: commercial use on a condition ({cond})', zh: '许可证 {lic}：有条件商用（{cond}）' },
  // text output
  task: { en: 'Task', zh: '任务' },
  recommended: { en: 'Recommended family', zh: '推荐架构' },
  alternative: { en: 'Alternative', zh: '备选' },
  when: { en: 'when', zh: '适用于' },
  mechanism: { en: 'How it works', zh: '原理' },
  strengths: { en: 'Strengths', zh: '优势' },
  limits: { en: 'Limits', zh: '局限' },
  cost: { en: 'Cost', zh: '成本' },
  training: { en: 'training', zh: '训练' },
  finetuning: { en: 'fine-tuning', zh: '微调' },
  inference: { en: 'inference', zh: '推理' },
  caveats: { en: 'Caveats', zh: '注意' },
  constraints: { en: 'Constraints', zh: '约束' },
  none: { en: 'none', zh: '无' },
  candidates: { en: 'Candidates', zh: '候选模型' },
  candidatesOf: { en: 'Candidates, {family} ({fit})', zh: '候选模型：{family}（{fit}）' },
  primary: { en: 'primary', zh: '首选' },
  alternativeFit: { en: 'alternative', zh: '备选' },
  score: { en: 'score', zh: '得分' },
  memoryRule: { en: 'Memory rule', zh: '显存规则' },
  excluded: { en: 'Notable models excluded', zh: '被排除的重要模型' },
  noCandidates: { en: 'No model in the catalog satisfies every constraint.', zh: '目录中没有同时满足所有约束的模型。' },
  noCandidatesFamily: { en: 'none of {family} satisfies every constraint', zh: '{family} 中没有满足所有约束的模型' },
  excludesCount: { en: '{flag} alone excludes {n} of {total} suitable models', zh: '仅 {flag} 一项就排除了 {total} 个合适模型中的 {n} 个' },
  nearMisses: { en: 'Closest misses (fail one constraint)', zh: '最接近的模型（只差一项约束）' },
  sources: { en: 'Sources', zh: '来源' },
  suitable: { en: '{n} of {total} suitable models satisfy every constraint', zh: '{total} 个合适模型中有 {n} 个满足所有约束' },
  moreWithExplain: { en: 'Run with --explain to see notable models that were excluded and why.', zh: '加上 --explain 可查看被排除的重要模型及原因。' },
} satisfies Record<string, Msg>;

export type MsgId = keyof typeof M;

export function msg(id: MsgId, lang: Lang, vars: Record<string, string | number> = {}): string {
  return M[id][lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

const FAMILY_ZH: Record<string, string> = {
  'pre-transformer': '前 Transformer',
  'encoder-only': '仅编码器',
  'encoder-decoder': '编码器–解码器',
  'decoder-only': '仅解码器',
  'non-transformer': '非 Transformer',
};

export function familyName(f: string, lang: Lang): string {
  return lang === 'zh' ? `${FAMILY_ZH[f] ?? f}（${f}）` : f;
}
