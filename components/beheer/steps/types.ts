import type { StepResult } from '@/lib/complaints/steps/define';
import type { StepPanelData } from '@/lib/complaints/steps/panel';

/** Every step form gets the panel's data, and reports back when the step is done or cancelled. */
export type StepFormProps = { data: StepPanelData; onDone: (result: StepResult) => void; onCancel: () => void };
