'use client';

import type { ComponentType } from 'react';
import type { Step } from '@/lib/procedure/workflow';
import { AddInvolvedForm, AssignForm, RecuseForm, RemoveInvolvedForm } from './AssignmentForms';
import { ExtendForm, NotAdmissibleForm, ReopenForm } from './DecisionForms';
import { PlanHearingForm, RecordAnswerForm, RecordHearingForm, RequestInfoForm, SendCopyForm, SkipHearingForm } from './InquiryForms';
import { AcknowledgeForm, WithdrawForm } from './IntakeForms';
import { EscalateForm, LinkPartyForm, RecordPartyResponseForm, ResolveForm } from './ResolutionForms';
import type { StepFormProps } from './types';

/** The form of each step on the file page; a step is offered only when the transition table allows it. */
export const STEP_FORMS: Partial<Record<Step, ComponentType<StepFormProps>>> = {
  acknowledge: AcknowledgeForm,
  assign: AssignForm,
  recuse: RecuseForm,
  addInvolved: AddInvolvedForm,
  removeInvolved: RemoveInvolvedForm,
  withdraw: WithdrawForm,
  declareNotAdmissible: NotAdmissibleForm,
  extend: ExtendForm,
  reopen: ReopenForm,
  requestInfo: RequestInfoForm,
  recordAnswer: RecordAnswerForm,
  sendCopy: SendCopyForm,
  planHearing: PlanHearingForm,
  recordHearing: RecordHearingForm,
  skipHearing: SkipHearingForm,
  resolve: ResolveForm,
  linkParty: LinkPartyForm,
  escalate: EscalateForm,
  recordPartyResponse: RecordPartyResponseForm,
};
