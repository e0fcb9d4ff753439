/**
 * Onboarding (issue 15 part 3): a questionnaire (and optionally a baseline test) in, a new or
 * updated member and a DRAFT plan out, approved through `plans/approve`. Spread into `contract`.
 */
import { z } from 'zod';
import { COACHES, op } from './op';
import { Id, MemberId, Unit } from './schemas';
import { AssessmentSchema } from '../../engine/onboarding/assessment';
import { QuestionnaireSchema } from '../../engine/onboarding/questionnaire';
import type * as O from './onboarding-views';

export const onboardingContract = {
  'onboarding/create': op<O.OnboardingView>()({
    input: z.object({
      /** An existing member to onboard; or `newMember`. */
      memberId: MemberId.optional(),
      newMember: z.object({
        name: z.string().trim().min(1, 'a name is needed').max(120),
        preferredUnit: Unit.default('kg'),
        birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
        trainerStaffId: Id.nullable().optional(),
      }).strict().optional(),
      questionnaire: QuestionnaireSchema,
      assessment: AssessmentSchema.optional(),
      weeks: z.number().int().min(1).max(12).default(4),
    }).strict()
      .refine((i) => (i.memberId === undefined) !== (i.newMember === undefined), { message: 'give either memberId or newMember', path: ['memberId'] }),
    access: COACHES,
    ownedBy: 'memberId',
    summary: "Onboard a member from the questionnaire (and optional baseline test): stores the answers with the member and creates a draft plan from a starter template.",
  }),
} as const;
