/**
 * The survey's decision flow (Yang et al. 2023, Figure 2): questions about the user's situation, asked
 * in order, each leading to "LLM", "fine-tuned model", "no model works well" or the next question.
 * The questions and the remarks that justify them live in guide.yaml (`flow`); this walks them.
 */
import type { Guide, TaskGuide, FlowNode, Route } from '../catalog/guide-schema.js';
import { t, msg, type Lang } from './messages.js';

export type Outcome = Route | 'none';

/** Who answered a question: the user's flags, the task's nature (guide.yaml), or nobody (assumed no). */
export type AnsweredBy = 'you' | 'task' | 'assumed';

export interface FlowStep {
  id: string;
  question: string;
  answer: boolean;
  by: AnsweredBy;
  /** What the answer led to: an outcome, or the next question. */
  leads: Outcome | 'next';
  /** Short form of the answer for the path summary ("few labels"). */
  short: string;
  remark: { ref: string; text: string };
}

export interface FlowResult {
  steps: FlowStep[];
  outcome: Outcome;
  /** "chat-like? no · few labels → LLM": the answered questions that mattered, then the outcome. */
  path: string;
}

/** Walk the flow for a task; `answers` are the user's (by question id) and win over the task's own. */
export function walkFlow(guide: Guide, task: TaskGuide, answers: Record<string, boolean>, lang: Lang): FlowResult {
  const steps: FlowStep[] = [];
  for (const node of guide.flow) {
    if (node.tasks && !node.tasks.includes(task.id)) continue;
    const step = ask(node, task, answers, lang);
    steps.push(step);
    if (step.leads !== 'next') return finish(steps, step.leads, lang);
  }
  // A flow that ends without an answer (or a guide without one) falls back on the task's first family.
  const first = task.recommend[0];
  return finish(steps, first ? routeOf(first) : 'llm', lang);
}

function ask(node: FlowNode, task: TaskGuide, answers: Record<string, boolean>, lang: Lang): FlowStep {
  let answer = false;
  let by: AnsweredBy = 'assumed';
  if (node.id in answers) {
    answer = answers[node.id];
    by = 'you';
  } else if (node.id in task.situation) {
    answer = task.situation[node.id];
    by = 'task';
  }
  return {
    id: node.id,
    question: t(node.question, lang),
    answer,
    by,
    leads: answer ? node.yes : node.no,
    short: t(answer ? node.short.yes : node.short.no, lang),
    remark: { ref: node.remark.ref, text: t(node.remark.text, lang) },
  };
}

function finish(steps: FlowStep[], outcome: Outcome, lang: Lang): FlowResult {
  // The summary keeps what the user or the task said; assumed "no" answers are listed in the steps only.
  const said = steps.filter((s) => s.by !== 'assumed' || s.leads !== 'next').map((s) => s.short);
  return { steps, outcome, path: `${said.join(' · ')} → ${msg(outcomeMsg(outcome), lang)}` };
}

function outcomeMsg(o: Outcome) {
  return o === 'llm' ? 'outcomeLlm' : o === 'fine-tuned' ? 'outcomeFineTuned' : 'outcomeNone';
}

/** The flow answer a recommended family serves: its own `route`, else by family. */
export function routeOf(rec: { family: string; route?: Route }): Route {
  return rec.route ?? (rec.family === 'decoder-only' || rec.family === 'non-transformer' ? 'llm' : 'fine-tuned');
}
