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
  commercialOther: { en: 'licence {lic}: commercial use "{use}" is not among those asked for', zh: '许可证 {lic}：商用情况为“{use}”，不在所要求的范围内' },
  notSelfHost: { en: 'weights are closed, so it cannot be self-hosted', zh: '权重不公开，无法自行部署' },
  notHosted: { en: 'no hosted API with a published price is recorded', zh: '未记录有公开定价的托管 API' },
  modality: { en: 'its variants are {modality}, not {allowed}', zh: '其变体为 {modality}，不属于 {allowed}' },
  languageMissing: { en: 'the model card lists {langs}, not {code}', zh: '模型卡列出的语言为 {langs}，不含 {code}' },
  languageUnknown: { en: 'no support for {code} is recorded (not multilingual)', zh: '未记录对 {code} 的支持（非多语言模型）' },
  noPrice: { en: 'no published API price is recorded', zh: '未记录公开的 API 价格' },
  overBudget: { en: 'blended price ${price} per million tokens is above ${budget}', zh: '综合价格每百万词元 ${price}，超过 ${budget}' },
  commercialUnknown: { en: 'licence {lic} is not in licenses.yaml', zh: '许可证 {lic} 不在 licenses.yaml 中' },
  weightsClosed: { en: 'weights are closed (API only)', zh: '权重不公开（仅 API）' },
  weightsRestricted: { en: 'weights are restricted (on request or gated), not open', zh: '权重受限（需申请），并非开放' },
  noParams: { en: 'parameter count not published', zh: '未公布参数量' },
  tooLarge: { en: 'smallest published size {size} is above {max}', zh: '最小公开尺寸 {size} 超过 {max}' },
  closedGpu: { en: 'weights are closed, so it cannot run on your GPU', zh: '权重不公开，无法在自己的 GPU 上运行' },
  noFit: { en: 'the {size} size needs {need} at {prec}, more than the {gpu} usable (90%)', zh: '{size} 尺寸在 {prec} 下需要 {need}，超过可用的 {gpu}（90%）' },
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
  tagPoints: { en: '{tag}', zh: '{tag}' },
  recency: { en: 'released {date} (newer scores higher, {from}–{to} scale)', zh: '发布于 {date}（越新分越高，{from}–{to} 区间）' },
  sizeLarge: { en: '{size}: larger is better for this task, largest size within the constraints', zh: '{size}：此任务越大越好，取满足约束的最大尺寸' },
  sizeSmall: { en: '{size}: small models are cheaper to fine-tune and serve for this task', zh: '{size}：此任务中小模型微调和部署更便宜' },
  sizeUnknown: { en: 'size not published and no evidence: nothing to rank it on', zh: '未公布尺寸，也没有评测证据：无从排序' },
  sizeUnknownEvidence: { en: 'size not published; ranked on evidence', zh: '未公布尺寸；按评测证据排序' },
  sizeByEvidence: { en: '{size}: ranked on evidence, not size', zh: '{size}：按评测证据排序，不看尺寸' },
  byEvidence: { en: 'not counted: ranked on evidence', zh: '不计分：按评测证据排序' },
  proxyCap: { en: 'tags and size count at most {cap} without evidence', zh: '没有评测证据时，标签与规模合计最多 {cap} 分' },
  noEvidence: { en: 'no published {benchmarks} score recorded: ranked on the other factors', zh: '未记录 {benchmarks} 的公开成绩：按其他因素排序' },
  active: { en: '{active} active per token', zh: '每个词元激活 {active}' },
  fits: { en: 'needs about {need} at {prec}', zh: '在 {prec} 下约需 {need}' },
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
  outcomeLlm: { en: 'LLM', zh: '大语言模型' },
  outcomeFineTuned: { en: 'fine-tuned model', zh: '微调模型' },
  outcomeNone: { en: 'no model works well yet', zh: '目前没有表现良好的模型' },
  classFineTuned: { en: 'fine-tuned smaller model', zh: '微调过的较小模型' },
  classHosted: { en: 'hosted LLM (API)', zh: '托管大语言模型（API）' },
  classOpen: { en: 'open-weight LLM, self-hosted', zh: '开放权重大语言模型（自行部署）' },
  classAnyLlm: { en: 'LLM, hosted or open-weight', zh: '大语言模型（托管或开放权重）' },
  flow: { en: 'Decision flow (Yang et al. 2023, Figure 2)', zh: '决策流程（Yang 等，2023，图 2）' },
  path: { en: 'Path', zh: '路径' },
  leadsTo: { en: 'leads to', zh: '结论' },
  modelClass: { en: 'Model class', zh: '模型类别' },
  byYou: { en: 'you said', zh: '你的输入' },
  byTask: { en: 'the task', zh: '任务本身' },
  byAssumed: { en: 'assumed', zh: '默认' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  next: { en: 'next question', zh: '下一个问题' },
  notes: { en: 'Notes', zh: '说明' },
  shortfall: { en: 'No {family} model satisfies every constraint; the nearest alternative is {alt}.', zh: '没有满足所有约束的 {family} 模型；最接近的备选是 {alt}。' },
  shortfallNone: { en: 'No {family} model satisfies every constraint, and no alternative family has one either.', zh: '没有满足所有约束的 {family} 模型，备选架构中也没有。' },
  noneOutcome: {
    en: 'The survey\'s flow ends in "?": when the required knowledge contradicts the real world, no model is known to work well (Remark 4). An LLM with the facts given in the prompt is the closest option; check its answers.',
    zh: '综述的决策流程在此以“？”结束：所需知识与现实世界不一致时，目前没有已知表现良好的模型（评注 4）。最接近的做法是在提示中给出事实的大语言模型，并核查其回答。',
  },
  domainNote: {
    en: 'Domain {domain}: prefer models pre-trained on data like yours (Remark 1(3)); domain-tagged models score higher.',
    zh: '领域 {domain}：优先选择在与你的数据相近的数据上预训练的模型（评注 1(3)）；带领域标签的模型得分更高。',
  },
  peftNote: {
    en: 'With this many labels, fine-tune the LLM with a parameter-efficient method (LoRA, QLoRA) rather than only prompting it (Remark 8(1)).',
    zh: '标注数据这么多时，应使用参数高效方法（LoRA、QLoRA）微调大语言模型，而不只是提示（评注 8(1)）。',
  },
  price: { en: 'price', zh: '价格' },
  perMillion: { en: '${input} in / ${output} out per million tokens ({date})', zh: '每百万词元输入 ${input} / 输出 ${output}（{date}）' },
  memory: { en: 'memory', zh: '显存' },
  classLabel: { en: 'class', zh: '类别' },
  classHostedShort: { en: 'hosted LLM', zh: '托管大模型' },
  classOpenShort: { en: 'open LLM', zh: '开放权重大模型' },
  classFineTunedShort: { en: 'fine-tuned model', zh: '微调模型' },
  variant: { en: 'variant', zh: '变体' },
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

const FACTOR_ZH: Record<string, string> = {
  family: '架构',
  evidence: '评测证据',
  tag: '标签',
  named: '代表模型',
  recency: '新近度',
  size: '规模',
  licence: '许可证',
};

/** A score component's factor label, in the answer's language. */
export function factorName(f: string, lang: Lang): string {
  return lang === 'zh' ? (FACTOR_ZH[f] ?? f) : f;
}
