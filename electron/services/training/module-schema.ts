// The format of assets/modules/<code>/module.json, written by the content authors. Checked at startup:
// a typo in a module stops the kiosk with the file and the field named, never a surprise at a session.
import { z } from 'zod';
import { machineKinds } from '../../api/models';
import { stepKinds } from '../../api/models-training';

const text = z.string().trim().min(1).max(20_000);
const localized = z.object({ fr: text, en: text }).strict();
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/);

export const imageFileName = /^[a-z0-9-]+\.svg$/;

const step = z
  .object({
    id: slug,
    kind: z.enum(stepKinds),
    title: localized,
    body: localized,
    points: z.array(localized).max(20).default([]),
    image: z.string().max(64).regex(imageFileName).optional(),
  })
  .strict();

const question = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    question: localized,
    choices: z.array(localized).min(2).max(5),
    correct: z.array(z.number().int().min(0)).min(1),
    explanation: localized,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (new Set(q.correct).size !== q.correct.length) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'an answer is listed twice' });
    for (const [i, c] of q.correct.entries()) {
      if (c >= q.choices.length) ctx.addIssue({ code: 'custom', path: ['correct', i], message: `no choice ${c} (there are ${q.choices.length})` });
    }
  });

export const moduleSchema = z
  .object({
    code: slug,
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$/),
    machineKinds: z.array(z.enum(machineKinds)).min(1),
    validityMonths: z.number().int().min(1).max(120),
    passMark: z.number().gt(0).max(1),
    durationMin: z.number().int().min(1).max(600),
    title: localized,
    summary: localized,
    steps: z.array(step).min(1).max(100),
    quiz: z.array(question).min(1).max(100),
  })
  .strict()
  .superRefine((m, ctx) => {
    const dup = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id ${id}` });
        seen.add(id);
      });
    };
    dup(m.steps.map((s) => s.id), 'steps');
    dup(m.quiz.map((q) => q.id), 'quiz');
  });

export type ModuleDefinition = z.infer<typeof moduleSchema>;
